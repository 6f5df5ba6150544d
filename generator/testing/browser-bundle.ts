import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { sourceEntries } from './package-exports.ts';

export interface BrowserBundle {
  /** The bundled JavaScript (ESM). */
  code: string;
  /** Every module the build reached, as esbuild names it (project-relative paths, `node_modules/...`). */
  inputs: string[];
  /** The modules with code in the bundle: `inputs` less what tree shaking dropped. */
  included: string[];
  /**
   * Node built-ins the code imports (`node:fs`, `path`, ... with the importer), and modules a
   * package's `browser` field disables (esbuild's `(disabled)`): both mean a Node-only path.
   */
  nodeOnly: string[];
}

const BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/**
 * Bundles `contents` (TypeScript) for the browser the way a user's bundler would: esbuild,
 * `platform: 'browser'`, `odatakit/*` resolved to the package's sources. A Node built-in is
 * never resolved (a browser has none): it is recorded in `nodeOnly` and left external, so that
 * the caller sees all of them at once and fails on any.
 */
export async function bundleForBrowser(contents: string, resolveDir: string, options: { minify?: boolean } = {}): Promise<BrowserBundle> {
  const nodeOnly: string[] = [];
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    minify: options.minify ?? false,
    logLevel: 'silent',
    plugins: [odatakitSources(), refuseNodeBuiltins(nodeOnly)],
  });
  const inputs = Object.keys(result.metafile.inputs);
  nodeOnly.push(...inputs.filter((input) => input.includes('(disabled)')));
  const output = Object.values(result.metafile.outputs)[0]!;
  const included = Object.entries(output.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : []));
  return { code: result.outputFiles[0]!.text, inputs, included, nodeOnly };
}

function odatakitSources(): Plugin {
  const entries = sourceEntries();
  return {
    name: 'odatakit-sources',
    setup(plugin) {
      plugin.onResolve({ filter: /^odatakit(\/|$)/ }, (args) => {
        const path = entries[args.path];
        return path ? { path } : { errors: [{ text: `${args.path} is not an entry of odatakit's exports map` }] };
      });
    },
  };
}

function refuseNodeBuiltins(found: string[]): Plugin {
  return {
    name: 'refuse-node-builtins',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        const name = args.path.replace(/^node:/, '').split('/')[0]!;
        if (!args.path.startsWith('node:') && !BUILTINS.has(name)) return undefined;
        const importer = args.importer && !args.importer.endsWith('entry.ts') ? relative(process.cwd(), args.importer) : 'the entry';
        found.push(`${args.path} (imported by ${importer})`);
        return { path: args.path, external: true };
      });
    },
  };
}
