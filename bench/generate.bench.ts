import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import { EMITTERS } from '../generator/emit/registry.ts';
import { createTemplateRenderer } from '../generator/emit/templates.ts';
import { loadModel } from '../generator/load-model.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';

/**
 * `generate` on all of Graph v1.0 (every registered emitter, in memory, nothing written)
 * beside its floor: building the model alone. Each round builds the model, then emits, so
 * both figures come from the same warm process, interleaved. Also reports each emitter's
 * time and output size, and the process's peak memory.
 */
const ROUNDS = 5;

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`generate.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  const build: number[] = [];
  const total: number[] = [];
  const perEmitter = new Map<string, { ms: number[]; bytes: number; files: number }>();
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    const { model } = loadModel({ csdl: [GRAPH_CSDL] });
    const built = performance.now();
    const templates = createTemplateRenderer();
    for (const emitter of EMITTERS) {
      const emitStart = performance.now();
      const files = emitter.emit({ model, templates, options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() });
      const entry = perEmitter.get(emitter.name) ?? { ms: [], bytes: 0, files: 0 };
      if (round > 0) entry.ms.push(performance.now() - emitStart);
      entry.bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
      entry.files = files.length;
      perEmitter.set(emitter.name, entry);
    }
    // Round 0 warms up.
    if (round === 0) continue;
    build.push(built - start);
    total.push(performance.now() - start);
  }
  const baseline = { name: 'build the model', ms: middle(build) };
  const bytes = [...perEmitter.values()].reduce((sum, entry) => sum + entry.bytes, 0);
  const peak = process.resourceUsage().maxRSS / 1024;
  const results: BenchResult[] = [
    {
      name: 'generate Graph v1.0, all emitters (no write)',
      ms: middle(total),
      baseline,
      notes: `${mib(bytes)} in ${[...perEmitter.values()].reduce((sum, entry) => sum + entry.files, 0)} files; peak RSS ${peak.toFixed(0)} MiB`,
    },
  ];
  for (const [name, entry] of perEmitter) {
    results.push({ name: `  emitter ${name}`, ms: middle(entry.ms), baseline, notes: `${mib(entry.bytes)} in ${entry.files} files` });
  }
  return results;
};


function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

export default bench;
