import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'msw';
import { createDiagnostic } from '../../../generator/diagnostics/diagnostic.ts';
import { UserInputError } from '../../../generator/diagnostics/user-error.ts';

/**
 * A handlers module: an ES module (JS or TS) that exports `handlers`, an array of msw request
 * handlers, and optionally `reset()`, which clears what the handlers stored (called between runs).
 */
export interface HandlersModule {
  file: string;
  handlers: RequestHandler[];
  reset?: () => unknown;
}

export async function loadHandlersModule(file: string): Promise<HandlersModule> {
  const path = resolve(file);
  if (!existsSync(path)) throw unusable(file, 'the file does not exist');
  let loaded: Record<string, unknown>;
  try {
    loaded = await importModule(path);
  } catch (error) {
    if (error instanceof TypeScriptUnavailable) throw unusable(file, error.message);
    throw unusable(file, `importing it failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const handlers = loaded['handlers'];
  if (!Array.isArray(handlers)) throw unusable(file, 'it has no `handlers` export (an array of msw handlers)');
  const bad = handlers.findIndex((handler) => typeof (handler as { run?: unknown } | null)?.run !== 'function');
  if (bad !== -1) throw unusable(file, `handlers[${bad}] is not an msw request handler`);
  const reset = typeof loaded['reset'] === 'function' ? (loaded['reset'] as () => unknown) : undefined;
  return { file, handlers: handlers as RequestHandler[], ...(reset && { reset }) };
}

/** What loading a module needs from its surroundings; tests replace it. */
export interface ModuleLoaders {
  /** Whether this Node strips TypeScript types itself (22.18+, 23.6+; earlier 22s with a flag). */
  nodeStripsTypes: boolean;
  /** Node's own `import()`. */
  importNative(url: string): Promise<Record<string, unknown>>;
  /** tsx's `tsImport`, from the optional peer dependency; rejects when tsx is not installed. */
  importWithTsx(url: string): Promise<Record<string, unknown>>;
}

const NATIVE: ModuleLoaders = {
  nodeStripsTypes: Boolean((process.features as { typescript?: unknown }).typescript),
  importNative: (url) => import(url) as Promise<Record<string, unknown>>,
  importWithTsx: async (url) => {
    // tsx is an optional peer dependency, loaded only here: most runs never need it.
    const { tsImport } = (await import('tsx/esm/api')) as { tsImport: (url: string, parent: string) => Promise<Record<string, unknown>> };
    return tsImport(url, import.meta.url);
  },
};

const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * Imports a module the way it is written. JavaScript: Node's `import()`. TypeScript: Node's own
 * type stripping where this Node has it (not for `.tsx`); else tsx; else a TypeScriptUnavailable
 * that says what to install. What Node refuses before running anything (syntax it cannot erase,
 * such as `enum`; an import without its `.ts` extension) goes to tsx when it is installed.
 */
export async function importModule(path: string, loaders: ModuleLoaders = NATIVE): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  if (!TYPESCRIPT.test(path)) return loaders.importNative(url);
  if (loaders.nodeStripsTypes && !path.endsWith('x')) {
    try {
      return await loaders.importNative(url);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
      return importWithTsx(url, loaders, error);
    }
  }
  return importWithTsx(url, loaders);
}

async function importWithTsx(url: string, loaders: ModuleLoaders, nodeError?: unknown): Promise<Record<string, unknown>> {
  try {
    return await loaders.importWithTsx(url);
  } catch (error) {
    if (!isTsxMissing(error)) throw error;
    if ((nodeError as { code?: unknown } | undefined)?.code === 'ERR_MODULE_NOT_FOUND') throw nodeError;
    const why =
      nodeError instanceof Error
        ? `Node ${process.versions.node} cannot strip its types (${nodeError.message.split('\n')[0]})`
        : `Node ${process.versions.node} cannot load TypeScript by itself (Node 22.18 or later can, for erasable syntax)`;
    throw new TypeScriptUnavailable(`it is TypeScript, and ${why}: install tsx beside odatakit (npm install --save-dev tsx), or give a JavaScript module`);
  }
}

function isTsxMissing(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && /['"]tsx['"/]/.test(message);
}

/** A TypeScript module that neither Node nor tsx (not installed) can load. */
export class TypeScriptUnavailable extends Error {
  override name = 'TypeScriptUnavailable';
}

function unusable(target: string, reason: string): UserInputError {
  return new UserInputError([createDiagnostic('conformance/unusable-target', { file: target, line: 1, column: 1 }, { target, reason })]);
}
