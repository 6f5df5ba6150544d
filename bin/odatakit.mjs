#!/usr/bin/env node
// The installed CLI: runs the compiled JavaScript in dist/ (`npm run build`, which `npm pack`
// runs before packing); no transpiler at start. dist/cli/ is the CLI bundled into a few files
// (bin/build-cli.mjs, docs/decisions/0017). In a clone of the repository, without a build,
// bin/odatakit-dev.mjs runs the TypeScript sources instead (docs/decisions/0013).
import module from 'node:module';

// Node 22.8+ (every 22 that `engines` allows) and 24 keep V8's compiled code of the CLI's files
// between runs, in the system's temporary folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off);
// Node 20 has no such API.
module.enableCompileCache?.();
const entry = new URL('../dist/cli/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (error) {
  const { existsSync } = await import('node:fs');
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || existsSync(entry)) throw error;
  process.stderr.write('odatakit: the compiled CLI (dist/) is missing: run `npm run build`, or `node bin/odatakit-dev.mjs` to run the sources\n');
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));
