import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import ts from 'typescript';
import { HANDLERS_FILE } from '../emit/handlers/index.ts';
import { PROJECT_ROOT } from './corpus.ts';
import { sourceEntries } from './package-exports.ts';

/**
 * Type-checks generated code the way users compile it, in the strictest setup we promise:
 * `strict` plus `exactOptionalPropertyTypes`, `noPropertyAccessFromIndexSignature`,
 * `noUncheckedIndexedAccess`, `noImplicitOverride`, `verbatimModuleSyntax` and
 * `erasableSyntaxOnly` (Node's type stripping), ES2022 modules with `.js` imports and no
 * `allowImportingTsExtensions` (bundler resolution, so no package.json is needed), no lib but
 * ES2022 (so generated code cannot lean on DOM globals). Returns the diagnostics as
 * `file(line,col): message` strings, empty when clean.
 */
export const STRICTEST_FLAGS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
} as const satisfies ts.CompilerOptions;

export const STRICT_OPTIONS: ts.CompilerOptions = {
  ...STRICTEST_FLAGS,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

/**
 * For an emitter's raw output in a folder with `{ "type": "module" }`: NodeNext, and `.ts`
 * imports allowed: the runtime sources copied into the output keep theirs until `generate`
 * writes them (portable-imports).
 */
export const RAW_EMITTER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
};

/**
 * Diagnostics of the files under `root` (and global ones). odatakit's own sources, which
 * `conformanceConsumerOptions` maps `odatakit/*` to, are not reported: users compile against
 * their declarations (with `skipLibCheck`), so only the code the generator writes is judged.
 */
export function typeCheckFolder(root: string, rootNames: string[], options: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram({ rootNames: rootNames.map((name) => join(root, name)), options: { ...STRICT_OPTIONS, ...options } });
  const judged = (file: string) => isUnder(root, file) || !isUnder(PROJECT_ROOT, file);
  // File by file, the judged ones only: checking all of odatakit's sources (what a program-wide
  // check does under conformanceConsumerOptions) took about 2 s a call, for diagnostics dropped.
  const diagnostics = program
    .getSourceFiles()
    .filter((file) => judged(file.fileName))
    .flatMap((file) => ts.getPreEmitDiagnostics(program, file));
  return ts.sortAndDeduplicateDiagnostics(diagnostics).map((diagnostic) => formatTsDiagnostic(diagnostic, root));
}

/**
 * What a project that type-checks `handlers.gen.ts` needs: `odatakit/conformance/handlers`
 * and the other package entries, resolved to odatakit's sources (`sourceEntries`, so no build
 * is needed), `fetch` types for msw, and `.ts` imports (the type tests import `./handlers.gen.ts`).
 */
export function conformanceConsumerOptions(): ts.CompilerOptions {
  const paths = Object.fromEntries(Object.entries(sourceEntries()).map(([specifier, source]) => [specifier, [source]]));
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
 * module that needs odatakit/conformance/handlers and msw) with `conformanceConsumerOptions()`, every
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

function isUnder(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

function formatTsDiagnostic(diagnostic: ts.Diagnostic, root: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = diagnostic.file.fileName.startsWith(root) ? diagnostic.file.fileName.slice(root.length + 1) : diagnostic.file.fileName;
  return `${file}(${line + 1},${character + 1}): ${message}`;
}
