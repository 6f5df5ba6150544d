#!/usr/bin/env node
// The installed CLI: runs the compiled JavaScript in dist/ (`npm run build`, which `npm pack`
// runs before packing); no transpiler at start. In a clone of the repository, without a build,
// bin/odatakit-dev.mjs runs the TypeScript sources instead (docs/decisions/0013).
const entry = new URL('../dist/generator/cli/main.js', import.meta.url);
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
