import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bench } from './measure.ts';

/**
 * `npm run bench`: runs every `bench/*.bench.ts`. Each measures our work beside a baseline
 * measured in the same run (a bare parse, a peer, a floor) and reports the ratio, so the
 * figures mean something on any machine.
 */
const only = process.argv[2];
const folder = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();
/** Whole milliseconds, or two decimals below 10 ms (sub-millisecond work still shows a ratio worth reading). */
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
for (const file of files) {
  const bench = (await import(`./${file}`)) as { default: Bench };
  for (const result of await bench.default()) {
    const ratio = result.baseline ? `  ${(result.ms / result.baseline.ms).toFixed(2)}x ${result.baseline.name} (${ms(result.baseline.ms)} ms)` : '';
    console.log(`${result.name.padEnd(56)} ${ms(result.ms).padStart(7)} ms${ratio}${result.notes ? `  ${result.notes}` : ''}`);
  }
}
