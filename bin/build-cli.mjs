#!/usr/bin/env node
// Build step after tsc (`npm run build`, docs/decisions/0017): bundles the compiled CLI
// (dist/generator/cli/main.js) and the dependencies it runs into dist/cli/, with code splitting,
// so `bin/odatakit.mjs` loads a few files instead of some 340 modules (each one an async read,
// resolve and compile in Node's ESM loader). Each command's `import()` stays a split point:
// `--help` loads only the entry and its static chunks. The library entries (`exports`) stay
// tsc's one-file-per-module output, untouched.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'cli');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/**
 * Loaded from the user's install at run time, not bundled: the peer dependencies (one msw, the
 * user's own; vitest and tsx optional), ts-morph (large, only `diff --impact` loads it) and
 * handlebars (templates.ts requires it through createRequire, which a bundler does not follow).
 */
const EXTERNAL = [...Object.keys(manifest.peerDependencies), 'ts-morph', 'handlebars'].flatMap((name) => [name, `${name}/*`]);

/**
 * A bundled module of ours keeps seeing its own compiled file's URL as `import.meta.url`, as if it
 * were not bundled: package-files.ts finds templates/ from it, templates.ts its precompiled
 * templates and handlebars, model-cache/code-version.ts the code it hashes (dist/generator/...,
 * which is what the bundle is built from).
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      if (!args.path.startsWith(DIST + sep)) {
        // A dependency locating files from its own URL would find them beside the chunk instead.
        throw new Error(`${relative(ROOT, args.path)} uses import.meta: bundle it only once that is handled`);
      }
      const own = relative(OUT, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// What model-cache/code-version.ts would compute at every run from the same files (dist/generator/).
const { computeCodeVersion } = await import(new URL('../dist/generator/model-cache/code-version.js', import.meta.url).href);
const codeVersion = computeCodeVersion(join(DIST, 'generator'));

rmSync(OUT, { recursive: true, force: true }); // chunk names are content hashes: old ones would pile up
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { main: join(DIST, 'generator/cli/main.js') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: `node${manifest.engines.node.match(/\d+/)[0]}`,
  external: EXTERNAL,
  define: { ODATAKIT_BUILT_CODE_VERSION: JSON.stringify(codeVersion) },
  // CommonJS dependencies (commander, yaml) require Node built-ins; an ES module has no `require`.
  banner: { js: "import { createRequire as __odatakitCreateRequire } from 'node:module';\nconst require = __odatakitCreateRequire(import.meta.url);" },
  legalComments: 'none',
  plugins: [ownImportMetaUrl],
  metafile: true,
  logLevel: 'warning',
});

const packages = bundledPackages(result.metafile);
writeFileSync(join(OUT, 'THIRD-PARTY-LICENSES.txt'), licenses(packages));
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`bundled the CLI into dist/cli/: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB, with ${packages.length} packages\n`);

/** The package folders (under node_modules) the bundle took code from, sorted. */
function bundledPackages(metafile) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(join(ROOT, match[1]));
  }
  return [...folders].sort();
}

/** Name, version and licence text of each bundled package: their licences ask that copies keep them. */
function licenses(folders) {
  const sections = folders.map((folder) => {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const file = readdirSync(folder).find((name) => /^(licen[sc]e|copying)(\.|$)/i.test(name));
    const text = file ? readFileSync(join(folder, file), 'utf8').trim() : `License: ${pkg.license} (the package ships no licence file)`;
    return `${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
  return `The odatakit CLI bundle (dist/cli/) holds code from these packages:\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}
