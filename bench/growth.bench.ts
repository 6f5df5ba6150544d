import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadModel } from '../generator/load-model.ts';
import { CORPUS, corpusAvailable, CORPUS_SKIP_REASON, EXAMPLE_CSDL, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';
import { compiledCli, run, type Run } from './process-run.ts';

/**
 * How the cost of `odatakit generate` grows with the input: the compiled CLI, a fresh process
 * per run writing to disk, model cache off, on inputs from the example (one resource) to all of
 * Graph v1.0; median of three runs, time and peak memory. Each row is beside the smallest
 * input, with the size ratio of the model (types + operations), so that growth reads directly:
 * linear growth shows as a time ratio that follows the size ratio once start-up is small
 * beside the work. No Graph national cloud schema is in the corpus, and none can be made from
 * it honestly (the clouds differ in which workloads they serve, not by a rule), so there is no
 * such row; Northwind and the OData sample service fill the middle.
 */
const RUNS = 3;

interface Input {
  name: string;
  file: string;
}

const INPUTS: Input[] = [
  { name: 'example (one resource)', file: EXAMPLE_CSDL },
  { name: 'TripPin', file: path.join(CORPUS, 'csdl-other/trippin.xml') },
  { name: 'OData sample service', file: path.join(CORPUS, 'csdl-other/odata-wcf-service.xml') },
  { name: 'Northwind', file: path.join(CORPUS, 'csdl-other/northwind-v4.xml') },
  { name: 'Graph v1.0', file: GRAPH_CSDL },
];

const bench: Bench = async () => {
  const inputs = INPUTS.filter((input) => existsSync(input.file));
  if (!corpusAvailable) console.log(`growth.bench.ts: only the example${CORPUS_SKIP_REASON}`);
  const cli = compiledCli();
  const work = mkdtempSync(path.join(tmpdir(), 'odatakit-growth-'));
  try {
    const rows = inputs.map((input) => {
      const runs: Run[] = [];
      for (let index = 0; index < RUNS; index++) {
        const out = path.join(work, `out-${index}`);
        runs.push(run(work, [...cli.args, 'generate', '--csdl', input.file, '--out', out, '--no-cache']));
        rmSync(out, { recursive: true, force: true });
      }
      const { model } = loadModel({ csdl: [input.file] });
      const size = Object.keys(model.types).length + model.operations.length;
      return { input, size, kib: statSync(input.file).size / 1024, ms: middle(runs.map((item) => item.ms)), peakMiB: middle(runs.map((item) => item.peakMiB)) };
    });
    const smallest = rows[0]!;
    return rows.map((row): BenchResult => ({
      name: `growth: generate ${row.input.name} (${cli.name})`,
      ms: row.ms,
      baseline: { name: smallest.input.name, ms: smallest.ms },
      notes:
        `${row.kib.toFixed(0)} KiB, ${row.size} types + operations (${(row.size / smallest.size).toFixed(0)}x); peak RSS ${row.peakMiB.toFixed(0)} MiB; ` +
        `${((row.ms - smallest.ms) / Math.max(1, row.size - smallest.size) * 1000).toFixed(0)} µs per element over the smallest`,
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};


export default bench;
