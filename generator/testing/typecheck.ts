import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { HANDLERS_FILE } from '../emit/handlers/index.ts';
import { PROJECT_ROOT } from './corpus.ts';

/**
 * Type-checks generated code the way users compile it: `strict`, ES2022 modules with `.js`
 * imports and no `allowImportingTsExtensions` (bundler resolution, so no package.json is needed), no lib but ES2022 (so
 * generated code cannot lean on DOM globals). Returns the diagnostics as
 * `file(line,col): message` strings, empty when clean.
 */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

/**
 * For an emitter's raw output in a folder with `{ "type": "module" }`: NodeNext, and `.ts`
 * imports allowed, since `generate` turns them into `.js` only when it writes (portable-imports).
 */
export const RAW_EMITTER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
};

export function typeCheckFolder(root: string, rootNames: string[], options: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram({ rootNames: rootNames.map((name) => join(root, name)), options: { ...STRICT_OPTIONS, ...options } });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => formatTsDiagnostic(diagnostic, root));
}

/**
 * What a project that type-checks `handlers.gen.ts` needs. That file imports
 * `odatakit/conformance`, and odatakit ships its TypeScript sources (docs/decisions/0001), so the
 * project's compiler reads them as they are written: `.ts` imports, `fetch` types, Node modules.
 * `odatakit/*` resolves to the sources through the package's `exports` map.
 */
export function conformanceConsumerOptions(): ts.CompilerOptions {
  const exports = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string> }).exports;
  const paths = Object.fromEntries(Object.entries(exports).map(([subpath, target]) => [`odatakit${subpath.slice(1)}`, [join(PROJECT_ROOT, target)]]));
  return {
    allowImportingTsExtensions: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(PROJECT_ROOT, 'node_modules/@types')],
    paths,
  };
}

/**
 * A generated output folder, each file the way its users compile it: `handlers.gen.ts` (a test
 * module that needs odatakit/conformance and msw) with `conformanceConsumerOptions()`, every
 * other file with the strict options above, which give it nothing but ES2022.
 */
export function typeCheckOutput(root: string, rootNames: string[]): string[] {
  const errors = typeCheckFolder(root, rootNames.filter((name) => name !== HANDLERS_FILE));
  if (rootNames.includes(HANDLERS_FILE)) errors.push(...typeCheckFolder(root, [HANDLERS_FILE], conformanceConsumerOptions()));
  return errors;
}

/** Writes `files` (relative path -> content) to a fresh temporary folder and type-checks them all. */
export function typeCheckFiles(files: Record<string, string>, options: ts.CompilerOptions = {}): string[] {
  const root = mkdtempSync(join(tmpdir(), 'odatakit-tsc-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return typeCheckFolder(root, Object.keys(files).filter((path) => path.endsWith('.ts')), options);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function formatTsDiagnostic(diagnostic: ts.Diagnostic, root: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = diagnostic.file.fileName.startsWith(root) ? diagnostic.file.fileName.slice(root.length + 1) : diagnostic.file.fileName;
  return `${file}(${line + 1},${character + 1}): ${message}`;
}
