import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { analyzeImpact } from '../generator/impact/analyze.ts';
import { openProject, prepareUserProject, removeUserProject } from '../generator/impact/__fixtures__/user-project.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL, GRAPH_CSDL_OLD, PROJECT_ROOT } from '../generator/testing/corpus.ts';
import { type Bench, middle } from './measure.ts';

/**
 * `diff --impact` on the real Graph change (v1.0 2026-01 -> 2026-08) and the 19-file fixture
 * app, beside `tsc --noEmit` of the same project (the same files, the same 7 MB of generated
 * code) in the same run. Rounds interleave the two. The analysis row opens the project and
 * walks it in this process (ts-morph loaded once); the command row runs the whole CLI in a
 * child process as a user would, models and diff included. Goal: within 2x of tsc.
 */
const ROUNDS = 3;
const APP = fileURLToPath(new URL('../generator/impact/__fixtures__/graph-app', import.meta.url));

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`impact.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  const project = prepareUserProject(APP, GRAPH_CSDL_OLD, GRAPH_CSDL);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const analysis: number[] = [];
  const command: number[] = [];
  const checker: number[] = [];
  let notes = '';
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      let start = performance.now();
      const report = analyzeImpact({ project: openProject(project), generatedDir: project.generated, oldModel: project.oldModel, diff: project.diff, cwd: project.root });
      const analysed = performance.now() - start;
      start = performance.now();
      const cli = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/odatakit-dev.mjs'), 'diff', GRAPH_CSDL_OLD, GRAPH_CSDL, '--impact', 'tsconfig.json', '--generated', 'generated'], {
        cwd: project.root,
        encoding: 'utf8',
      });
      const commanded = performance.now() - start;
      start = performance.now();
      const checked = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project.tsconfig], { encoding: 'utf8' });
      const typeChecked = performance.now() - start;
      if (checked.status !== 0) throw new Error(`tsc --noEmit failed on the fixture app: ${checked.stdout}`);
      if (cli.status !== 0) throw new Error(`diff --impact failed: ${cli.stderr}`);
      // Round 0 warms up.
      if (round === 0) {
        notes = `${report.findings.length} findings for ${report.changes.length} of ${report.changes.length + report.unused} breaking or dangerous changes, ${report.files} files`;
        continue;
      }
      analysis.push(analysed);
      command.push(commanded);
      checker.push(typeChecked);
    }
  } finally {
    removeUserProject(project);
  }
  const baseline = { name: 'tsc --noEmit of the same project', ms: middle(checker) };
  return [
    { name: 'diff --impact: open the project and analyse (in process)', ms: middle(analysis), baseline, notes },
    { name: 'diff --impact: the whole command (models, diff, analysis)', ms: middle(command), baseline },
  ];
};


export default bench;
