import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { RAW_EMITTER_OPTIONS, typeCheckFolder } from '../../../testing/typecheck.ts';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DiagnosticCollector } from '../../../diagnostics/collector.ts';
import type { Model } from '../../../model/types.ts';
import { PROJECT_ROOT } from '../../../testing/corpus.ts';
import type { EmitOptions, OutputFile } from '../../emitter.ts';
import { EMITTERS } from '../../registry.ts';
import { createTemplateRenderer } from '../../templates.ts';

/**
 * Test support: the output of every registered emitter written to a temporary folder (an
 * ESM package that sees the project's node_modules, so fixtures can import `vitest`), and a
 * strict type-check of it through the TypeScript API.
 */
export function emitAll(model: Model, options: Partial<EmitOptions> = {}): OutputFile[] {
  const context = {
    model,
    templates: createTemplateRenderer(),
    options: { ieee754Compatible: false, ...options },
    diagnostics: new DiagnosticCollector(),
  };
  return EMITTERS.flatMap((emitter) => emitter.emit(context));
}

export interface TempOutput {
  dir: string;
  write(path: string, content: string): void;
  remove(): void;
}

export function writeOutput(files: OutputFile[]): TempOutput {
  const dir = mkdtempSync(join(tmpdir(), 'odatakit-builders-'));
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  for (const file of files) write(file.path, file.content);
  write('package.json', '{ "type": "module" }\n');
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `tsc --noEmit --strict` over the given files of the folder; returns formatted errors. */
export function typeCheck(dir: string, files: string[]): string[] {
  return typeCheckFolder(dir, files, RAW_EMITTER_OPTIONS);
}
