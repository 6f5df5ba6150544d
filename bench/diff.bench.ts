import { diffModels } from '../generator/diff/diff-models.ts';
import { loadModel } from '../generator/load-model.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL, GRAPH_CSDL_OLD } from '../generator/testing/corpus.ts';
import { type Bench, middle } from './measure.ts';

/**
 * The schema diff of two real Graph releases (2026-01-06 -> 2026-08-04), beside the floor
 * it cannot go under: building the two models it compares. Each round builds both models,
 * then diffs them, so the two figures come from the same warm process, interleaved.
 */
const ROUNDS = 5;

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`diff.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  const build: number[] = [];
  const compare: number[] = [];
  const total: number[] = [];
  let summary = '';
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    const before = loadModel({ csdl: [GRAPH_CSDL_OLD] }).model;
    const after = loadModel({ csdl: [GRAPH_CSDL] }).model;
    const built = performance.now();
    const report = diffModels(before, after);
    const done = performance.now();
    // Round 0 warms up.
    if (round === 0) {
      const { breaking, dangerous, safe, docs } = report.summary;
      summary = `${report.changes.length} changes (${breaking} breaking, ${dangerous} dangerous, ${safe} safe, ${docs} docs)`;
      continue;
    }
    build.push(built - start);
    compare.push(done - built);
    total.push(done - start);
  }
  const baseline = { name: 'build both models', ms: middle(build) };
  return [
    { name: 'diff Graph v1.0 2026-01 -> 2026-08, end to end', ms: middle(total), baseline, notes: summary },
    { name: 'diff Graph v1.0 2026-01 -> 2026-08, models built', ms: middle(compare), baseline },
  ];
};


export default bench;
