import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL, PROJECT_ROOT } from '../generator/testing/corpus.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';
import { compiledCli, run, type Run } from './process-run.ts';

/**
 * `odatakit generate` beside odata2ts 0.34 (service mode) on Graph v1.0, each a fresh CLI
 * process writing its output to disk, alternately, five rounds; medians of wall time and of
 * peak memory (the peak RSS of each process, reported by a preloaded hook). odata2ts lives in
 * its own sub-package, bench/peers/ (installed on first use with `npm ci --prefix bench/peers`),
 * so that neither CI nor users install it. It crashes on Graph's two enums without members, so
 * both CLIs read a copy where each has one placeholder member (../shared/corpus/README.md).
 * Its settings are those under which it gets through Graph: TypeScript out (`--emit-mode ts`,
 * as odatakit writes; its default compiles the output too, which took over 14 minutes here), a
 * file per model (its bundled default fails), and `--allow-renaming` (PascalCase names: else
 * the entity `microsoft.graph.security.case` becomes `interface case`, a syntax error).
 * odatakit runs compiled (bin/odatakit.mjs, dist/ built by `npm run build` when missing or
 * older than the sources), with the model cache off: the whole path is measured.
 */
// Five: odata2ts's own time varies by half from run to run on a shared 2-core machine (15 to 24 s).
const ROUNDS = 5;
const PEERS = path.join(PROJECT_ROOT, 'bench/peers');
const ODATA2TS = path.join(PEERS, 'node_modules/@odata2ts/odata2ts/lib/run-cli.js');

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`odata2ts.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  if (!ensurePeers()) return [];
  const cli = compiledCli();
  const work = mkdtempSync(path.join(tmpdir(), 'odatakit-peers-'));
  try {
    const csdl = path.join(work, 'graph-v1.0.xml');
    const placeholders = writePatchedGraph(csdl);
    // One file per model: odata2ts's bundled default fails on Graph ("Inserting syntax kind of
    // InterfaceDeclaration"); its docs say this mode is for large services.
    writeFileSync(path.join(work, 'odata2ts.config.cjs'), 'module.exports = { bundledFileGeneration: false };\n');
    // odata2ts reads the TypeScript settings of the folder it runs in.
    writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true } }));
    const ours: Run[] = [];
    const theirs: Run[] = [];
    const warm: Run[] = [];
    const cache = path.join(work, 'model-cache');
    let files = { ours: 0, theirs: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const oursOut = path.join(work, `odatakit-${round}`);
      const theirsOut = path.join(work, `odata2ts-${round}`);
      ours.push(run(work, [...cli.args, 'generate', '--csdl', csdl, '--out', oursOut, '--no-cache']));
      theirs.push(run(work, [ODATA2TS, '--source', csdl, '--output', theirsOut, '--mode', 'service', '--emit-mode', 'ts', '--allow-renaming']));
      // What a project gets by default once the model is cached (the first round fills it).
      const warmOut = path.join(work, `odatakit-warm-${round}`);
      const warmRun = run(work, [...cli.args, 'generate', '--csdl', csdl, '--out', warmOut, '--cache', cache]);
      if (round > 0) warm.push(warmRun);
      rmSync(warmOut, { recursive: true, force: true });
      files = { ours: countFiles(oursOut), theirs: countFiles(theirsOut) };
      // A run that wrote nothing measured nothing.
      if (files.ours === 0 || files.theirs === 0) throw new Error(`a CLI wrote no files (odatakit ${files.ours}, odata2ts ${files.theirs})`);
      rmSync(oursOut, { recursive: true, force: true });
      rmSync(theirsOut, { recursive: true, force: true });
    }
    const [ms, peerMs] = [middle(ours.map((item) => item.ms)), middle(theirs.map((item) => item.ms))];
    const [peak, peerPeak] = [middle(ours.map((item) => item.peakMiB)), middle(theirs.map((item) => item.peakMiB))];
    const result: BenchResult = {
      name: `generate Graph v1.0 CLI to disk (${cli.name})`,
      ms,
      baseline: { name: 'odata2ts 0.34 service mode, TS, a file per model', ms: peerMs },
      notes:
        `${(peerMs / ms).toFixed(1)}x faster; peak RSS ${peak.toFixed(0)} MiB vs ${peerPeak.toFixed(0)} MiB (${(peak / peerPeak).toFixed(2)}x); ` +
        `${files.ours} vs ${files.theirs} files; ${placeholders} empty enums given a placeholder member; ${ROUNDS} rounds, alternating`,
    };
    const warmMs = middle(warm.map((item) => item.ms));
    const warmPeak = middle(warm.map((item) => item.peakMiB));
    const warmResult: BenchResult = {
      name: `generate Graph v1.0 CLI to disk (${cli.name}, warm model cache)`,
      ms: warmMs,
      baseline: result.baseline!,
      notes: `${(peerMs / warmMs).toFixed(1)}x faster; peak RSS ${warmPeak.toFixed(0)} MiB vs ${peerPeak.toFixed(0)} MiB (${(warmPeak / peerPeak).toFixed(2)}x); the default in a project after the first run`,
    };
    return [result, warmResult];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

/** Installs bench/peers from its lockfile when it is not there yet; false (and says why) when that fails. */
function ensurePeers(): boolean {
  if (existsSync(ODATA2TS)) return true;
  console.log('odata2ts.bench.ts: installing the bench peers (odata2ts 0.34): npm ci --prefix bench/peers');
  const installed = spawnSync('npm', ['ci', '--prefix', PEERS, '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (installed.status === 0 && existsSync(ODATA2TS)) return true;
  console.log('odata2ts.bench.ts: skipped, bench/peers could not be installed (no registry?)');
  return false;
}

/** Graph v1.0 with one placeholder member in each `<EnumType ... />` that has none; returns how many. */
function writePatchedGraph(file: string): number {
  let count = 0;
  const text = readFileSync(GRAPH_CSDL, 'utf8').replace(/<EnumType\b([^>]*?)\s*\/>/g, (_whole, attributes: string) => {
    count++;
    return `<EnumType${attributes}><Member Name="placeholder" Value="0" /></EnumType>`;
  });
  writeFileSync(file, text);
  return count;
}

function countFiles(folder: string): number {
  return existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;
}


export default bench;
