import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { escapeBeyondAscii } from '../generator/model/ascii-json.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL, PROJECT_ROOT } from '../generator/testing/corpus.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';

/**
 * The model cache on Graph v1.0: a cold process loading the model from a warm cache, beside a
 * cold process building it (the same loadModel call, timed inside each process once its
 * modules are loaded), alternately, seven rounds; medians. Also the cost of a miss (build and
 * write the entry) and the entry's size. The first warm load checks that the cached model is
 * deeply equal to a fresh build. Beside them, a cold process that only reads the entry and
 * JSON.parses it: the floor of any JSON entry, most of a warm load. And the same for a leaner
 * entry no format of today's model can write (leanerPayload): what a model-wide change of
 * shape would buy at most (docs/decisions/0016).
 */
const ROUNDS = 7;
const CHILD = path.join(PROJECT_ROOT, 'bench/children/load-model.ts');

interface ChildResult {
  ms: number;
  equal?: boolean;
}

function child(cache: string, compare = false, input = GRAPH_CSDL): ChildResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, input, cache, ...(compare ? ['compare'] : [])], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`model cache child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`model-cache.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  const cache = mkdtempSync(path.join(tmpdir(), 'odatakit-model-cache-'));
  try {
    const miss = child(cache).ms;
    const entry = readdirSync(cache).find((name) => name.endsWith('.json'))!;
    const size = statSync(path.join(cache, entry)).size / 2 ** 20;
    if (child(cache, true).equal !== true) throw new Error('the cached Graph model differs from a fresh build');
    const build: number[] = [];
    const warm: number[] = [];
    const parse: number[] = [];
    const leanParse: number[] = [];
    const lean = path.join(cache, 'leaner-model.txt');
    writeFileSync(lean, leanerPayload(readFileSync(path.join(cache, entry), 'latin1')), 'latin1');
    const leanSize = statSync(lean).size / 2 ** 20;
    for (let round = 0; round < ROUNDS; round++) {
      build.push(child('none').ms);
      warm.push(child(cache).ms);
      parse.push(child('parse', false, path.join(cache, entry)).ms);
      leanParse.push(child('parse', false, lean).ms);
    }
    const baseline = { name: 'cold process, build', ms: middle(build) };
    const results: BenchResult[] = [
      { name: 'model cache: Graph v1.0, cold process, warm cache', ms: middle(warm), baseline, notes: `entry ${size.toFixed(1)} MiB; deeply equal to a build` },
      { name: 'model cache: Graph v1.0, cold process, miss (build + write)', ms: miss, baseline },
      { name: 'model cache: Graph v1.0, cold process, read and JSON.parse of the entry alone', ms: middle(parse), baseline, notes: 'the floor of a JSON entry' },
      {
        name: 'model cache: Graph v1.0, cold process, read and JSON.parse of a leaner model',
        ms: middle(leanParse),
        baseline,
        notes: `${leanSize.toFixed(1)} MiB: no empty annotation lists or capabilities, no csdl-only origins, positions as numbers; not a model odatakit has`,
      },
    ];
    return results;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
};

/**
 * The entry (header line kept) with what a leaner model would leave out: empty annotation
 * lists and capabilities, `origin: ["csdl"]`, and each source position as one number instead
 * of an object. Parsing it in a cold process is what a model-wide change of shape could reach,
 * without even the cost of putting those parts back.
 */
function leanerPayload(entry: string): string {
  const newline = entry.indexOf('\n');
  const payload = JSON.parse(entry.slice(newline + 1)) as unknown;
  const dropped = { lists: 0, positions: 0 };
  const leaner = JSON.stringify(payload, (key, value: unknown) => {
    const empty =
      (key === 'annotations' && Array.isArray(value) && value.length === 0) ||
      (key === 'origin' && Array.isArray(value) && value.length === 1 && value[0] === 'csdl') ||
      (key === 'capabilities' && isEmptyObject(value));
    if (empty) return void dropped.lists++;
    if (isPosition(value)) return (dropped.positions++, value.line * 2 ** 21 + value.column);
    return value;
  });
  // Graph: tens of thousands of each. None means the entry's shape changed, and the row would time the entry itself.
  if (dropped.lists === 0 || dropped.positions === 0) throw new Error(`the leaner entry left nothing out (${JSON.stringify(dropped)}): the entry's shape changed`);
  return `${entry.slice(0, newline)}\n${escapeBeyondAscii(leaner)}`;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function isPosition(value: unknown): value is { line: number; column: number } {
  return typeof value === 'object' && value !== null && 'file' in value && 'line' in value && 'column' in value;
}


export default bench;
