import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../generator/testing/corpus.ts';

/**
 * Fresh processes for the benches that compare CLIs: wall time and peak memory (the peak RSS
 * each node process reports through a preloaded hook, bench/children/report-rss.cjs), and the
 * compiled odatakit CLI.
 */
const REPORT_RSS = path.join(PROJECT_ROOT, 'bench/children/report-rss.cjs');

export interface Run {
  ms: number;
  peakMiB: number;
}

/** The installed CLI, compiled; dist/ is built when it is missing or older than a source file. */
export function compiledCli(): { name: string; args: string[] } {
  const main = path.join(PROJECT_ROOT, 'dist/cli/main.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newestSource()) {
    console.log('bench: building dist/ (npm run build) for the compiled CLI');
    const built = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) {
      console.log('bench: npm run build failed; measuring the development CLI (bin/odatakit-dev.mjs, tsx) instead');
      return { name: 'odatakit dev CLI, tsx', args: [path.join(PROJECT_ROOT, 'bin/odatakit-dev.mjs')] };
    }
  }
  return { name: 'odatakit, compiled', args: [path.join(PROJECT_ROOT, 'bin/odatakit.mjs')] };
}

function newestSource(): number {
  const root = path.join(PROJECT_ROOT, 'generator');
  let newest = 0;
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts')) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

/** One process: wall time, and the largest peak RSS of the node processes it ran. */
export function run(cwd: string, args: string[]): Run {
  const rssFile = path.join(cwd, `rss-${Date.now()}.txt`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', REPORT_RSS, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ODATAKIT_BENCH_RSS: rssFile, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${path.basename(args[0]!)} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  const peaks = readFileSync(rssFile, 'utf8').trim().split('\n').map((line) => Number(line.split(' ')[1]));
  rmSync(rssFile);
  return { ms, peakMiB: Math.max(...peaks) / 1024 };
}

