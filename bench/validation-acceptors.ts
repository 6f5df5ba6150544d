import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import { createTemplateRenderer } from '../generator/emit/templates.ts';
import { validatorsEmitter } from '../generator/emit/validators/index.ts';
import type { Model } from '../generator/model/types.ts';
import type { Acceptors } from '../generator/runtime/validation/index.ts';

/**
 * The generated acceptors of a model, as users run them: the validators emitter's output
 * written to a temporary folder (with its runtime copy) and imported, not evaluated.
 */
export async function generatedAcceptors(model: Model): Promise<{ acceptors: Acceptors; files: { path: string; bytes: number }[] }> {
  const files = validatorsEmitter.emit({ model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() });
  const folder = mkdtempSync(join(tmpdir(), 'odatakit-bench-acceptors-'));
  try {
    // An ES module package, as a user's: imports are live bindings, not CommonJS getters.
    writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
    for (const file of files) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), file.content);
    }
    const module = (await import(pathToFileURL(join(folder, 'acceptors.gen.ts')).href)) as { acceptors: Acceptors };
    return { acceptors: module.acceptors, files: files.map((file) => ({ path: file.path, bytes: Buffer.byteLength(file.content) })) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
