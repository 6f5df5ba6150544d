import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bench } from './measure.ts';

/**
 * `npm run bench`: runs every `bench/*.bench.ts`. Each measures our work beside a baseline
 * measured in the same run (a bare parse, a peer, a floor) and reports the ratio, so the
 * figures mean something on any machine. `npm run bench -- <part of a file name>` runs those
 * files only.
 *
 * Each file runs in a process of its own: in one process the in-process benches measured what
 * the earlier files left behind (a heap of over a gigabyte after the emitters' bench, whose
 * full collections then fell in the next bench's timings; validate-docs read 893 pages/s after
 * it and 1325 alone).
 */
const ONE = '--one';
const folder = fileURLToPath(new URL('.', import.meta.url));

if (process.argv[2] === ONE) {
  await runFile(process.argv[3]!);
} else {
  const only = process.argv[2];
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
    .sort();
  for (const file of files) {
    // The same Node and loader flags (tsx's) as this process.
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ONE, file], { stdio: 'inherit' });
    if (child.status !== 0) {
      console.error(`bench: ${file} failed (${child.signal ?? `exit ${child.status}`})`);
      process.exitCode = 1;
    }
  }
}

/** Whole milliseconds, or two decimals below 10 ms (sub-millisecond work still shows a ratio worth reading). */
function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}

async function runFile(file: string): Promise<void> {
  const bench = (await import(`./${file}`)) as { default: Bench };
  for (const result of await bench.default()) {
    const ratio = result.baseline ? `  ${(result.ms / result.baseline.ms).toFixed(2)}x ${result.baseline.name} (${ms(result.baseline.ms)} ms)` : '';
    console.log(`${result.name.padEnd(56)} ${ms(result.ms).padStart(7)} ms${ratio}${result.notes ? `  ${result.notes}` : ''}`);
  }
}
