import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { loadModel } from '../../generator/load-model.ts';

/**
 * One cold process of the model cache bench: loads the model of argv[2], through the cache in
 * argv[3] (or without one: "none"), and prints the milliseconds loadModel took as JSON, after
 * the modules are loaded (so Node's and tsx's start-up, the same for both, stay out).
 * With argv[4] === "compare", also builds without the cache and says whether the two are equal.
 * With argv[3] === "parse", argv[2] is a cache entry: only reads it and parses its payload with
 * JSON.parse (what no format of JSON entries can go below), for comparison.
 */
const [file, cache, compare] = process.argv.slice(2) as [string, string, string | undefined];
if (cache === 'parse') {
  const start = performance.now();
  const bytes = readFileSync(file);
  JSON.parse(bytes.toString('latin1', bytes.indexOf(10) + 1));
  process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
  process.exit(0);
}
const start = performance.now();
const loaded = loadModel({ csdl: [file], ...(cache === 'none' ? {} : { cache }) });
const ms = performance.now() - start;
const equal = compare === 'compare' ? isDeepStrictEqual(loaded.model, loadModel({ csdl: [file] }).model) : undefined;
process.stdout.write(JSON.stringify({ ms, equal, heapMiB: process.memoryUsage().heapUsed / 2 ** 20 }));
