import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'msw';
import { tsImport } from 'tsx/esm/api';
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
    const url = pathToFileURL(path).href;
    loaded = /\.[cm]?tsx?$/.test(path) ? await tsImport(url, import.meta.url) : await import(url);
  } catch (error) {
    throw unusable(file, `importing it failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const handlers = loaded['handlers'];
  if (!Array.isArray(handlers)) throw unusable(file, 'it has no `handlers` export (an array of msw handlers)');
  const bad = handlers.findIndex((handler) => typeof (handler as { run?: unknown } | null)?.run !== 'function');
  if (bad !== -1) throw unusable(file, `handlers[${bad}] is not an msw request handler`);
  const reset = typeof loaded['reset'] === 'function' ? (loaded['reset'] as () => unknown) : undefined;
  return { file, handlers: handlers as RequestHandler[], ...(reset && { reset }) };
}

function unusable(target: string, reason: string): UserInputError {
  return new UserInputError([createDiagnostic('conformance/unusable-target', { file: target, line: 1, column: 1 }, { target, reason })]);
}
