import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownParser } from '../generator/graph-docs/markdown-parser.ts';
import { loadModel } from '../generator/load-model.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL, GRAPH_DOCS, PROJECT_ROOT } from '../generator/testing/corpus.ts';
import { validateDocs } from '../generator/validate-docs/validate-docs.ts';
import { median, middle, type Bench, type BenchResult } from './measure.ts';
import { compiledCli } from './process-run.ts';

/**
 * validate-docs over the Graph corpus (the v1.0 and beta pages on their own; the v1.0 pages
 * against the 3.5 MB CSDL), in pages per second. Warm: in this process, beside the bare
 * markdown parse of the same pages (read and parsed with the parser the page reader uses).
 * Cold: a fresh process of the compiled `odatakit validate-docs` each time, beside a fresh
 * process that only reads and parses the same pages; both start Node, so the ratio is the work,
 * not startup. With the CSDL, twice: the model built (`--no-cache`) and read from a warm cache
 * (a temporary folder, filled by a first run): what a repeated run costs.
 */
const FOLDERS = ['v1.0', 'beta'].map((version) => path.join(GRAPH_DOCS, version));

const bench: Bench = async () => {
  if (!corpusAvailable) {
    console.log(`validate-docs.bench.ts${CORPUS_SKIP_REASON}`);
    return [];
  }
  const files = FOLDERS.flatMap(markdownFiles);
  const v1Files = markdownFiles(FOLDERS[0]!);
  const bare = await median(5, () => files.forEach(parseBare));
  const bareV1 = await median(5, () => v1Files.forEach(parseBare));
  let findings = 0;
  const docsOnly = await median(5, () => {
    findings = FOLDERS.reduce((sum, folder) => sum + validateDocs({ docs: [folder] }).diagnostics.length, 0);
  });
  const docsCpu = cpuMedian(5, () => FOLDERS.forEach((folder) => validateDocs({ docs: [folder] })));
  const load = await median(3, () => loadModel({ csdl: [GRAPH_CSDL], docs: [FOLDERS[0]!] }));
  let csdlFindings = 0;
  const withCsdl = await median(3, () => {
    csdlFindings = validateDocs({ docs: [FOLDERS[0]!], csdl: [GRAPH_CSDL] }).diagnostics.length;
  });
  const cli = compiledCli().args;
  const coldBare = median3(() => run(process.execPath, ['--input-type=module', '-e', BARE_SCRIPT, ...files]));
  const cold = median3(() => run(process.execPath, [...cli, 'validate-docs', ...FOLDERS, '--format', 'json']));
  const withGraph = [...cli, 'validate-docs', FOLDERS[0]!, '--csdl', GRAPH_CSDL, '--format', 'json'];
  const coldCsdl = median3(() => run(process.execPath, [...withGraph, '--no-cache']));
  const cache = mkdtempSync(path.join(tmpdir(), 'odatakit-validate-docs-cache-'));
  let coldCached: number;
  try {
    run(process.execPath, [...withGraph, '--cache', cache]);
    coldCached = median3(() => run(process.execPath, [...withGraph, '--cache', cache]));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  const rate = (pages: number, ms: number) => `${((pages * 1000) / ms).toFixed(0)} pages/s`;
  const results: BenchResult[] = [
    { name: `validate-docs: ${files.length} pages, no CSDL, warm`, ms: docsOnly, baseline: { name: 'bare markdown parse', ms: bare }, notes: `${rate(files.length, docsOnly)} (CPU time: ${rate(files.length, docsCpu)}), ${findings} findings` },
    { name: `validate-docs: ${v1Files.length} v1.0 pages + Graph CSDL, warm`, ms: withCsdl, baseline: { name: 'loadModel alone', ms: load }, notes: `${rate(v1Files.length, withCsdl)}, ${csdlFindings} findings; bare parse ${bareV1.toFixed(0)} ms` },
    { name: `validate-docs: ${files.length} pages, no CSDL, cold process`, ms: cold, baseline: { name: 'cold read + bare parse', ms: coldBare }, notes: rate(files.length, cold) },
    { name: `validate-docs: ${v1Files.length} v1.0 pages + Graph CSDL, cold process`, ms: coldCsdl, baseline: { name: 'cold read + bare parse', ms: coldBare }, notes: `${rate(v1Files.length, coldCsdl)}; the model built (--no-cache)` },
    { name: `validate-docs: ${v1Files.length} v1.0 pages + Graph CSDL, cold process, warm cache`, ms: coldCached, baseline: { name: 'the same, model built', ms: coldCsdl }, notes: `${rate(v1Files.length, coldCached)}; the model read from the cache` },
  ];
  return results;
};

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(folder, name));
}

/** The lezer parse alone (CommonMark + GFM tables), before the tree becomes the page reader's nodes. */
function parseBare(file: string): void {
  markdownParser.parse(readFileSync(file, 'utf8'));
}

/** The cold baseline: Node starts, imports the markdown parser, reads and parses each page. */
const BARE_SCRIPT = `
import { readFileSync } from 'node:fs';
import { parser, Table } from '@lezer/markdown';
const markdown = parser.configure([Table]);
for (const file of process.argv.slice(1)) markdown.parse(readFileSync(file, 'utf8'));
`;

/** Wall time of one process; exit 0 or 1 (findings) are both a completed run. */
function run(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

/**
 * Median CPU time (user + system) of `runs` calls after a warm-up: beside wall time, since on
 * shared cores wall time also holds the time other processes had the CPU.
 */
function cpuMedian(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return middle(times);
}

function median3(measure: () => number): number {
  return middle([measure(), measure(), measure()]);
}

export default bench;
