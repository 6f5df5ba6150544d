import { Ajv } from 'ajv';
import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import { createTemplateRenderer } from '../generator/emit/templates.ts';
import { buildValidationTable, validatorsEmitter } from '../generator/emit/validators/index.ts';
import { loadModel } from '../generator/load-model.ts';
import type { Model } from '../generator/model/types.ts';
import { createEngine, type Engine, type StructuredTypeEntry, type ValidationIssue, type ValidationTable } from '../generator/runtime/validation/index.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, EXAMPLE_CSDL, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { type Bench, type BenchResult, middle } from './measure.ts';
import { generatedAcceptors } from './validation-acceptors.ts';
import { toJsonSchema } from './validation-json-schema.ts';
import { samplePayload } from './validation-payload.ts';

/**
 * Validator throughput: a collection response of 10,000 generated entities, checked by the
 * engine in read mode with the generated acceptors (what `validators.gen.ts` runs) and with
 * the table walk alone, beside ajv compiled once, before any timing, from an equivalent JSON
 * Schema (the peer), and JSON.parse of the same payload (the floor every consumer pays).
 * Three payloads each: valid; invalid with a wrong value in every 100th entity, checked for
 * the first error (ajv's default, our `maxIssues: 1`) and for all errors (ajv `allErrors`,
 * our default). Before timing, both sides must report the same: no error on the valid
 * payload, the same first error, the same paths for all errors.
 *
 * A sample is one side repeating its call until about SAMPLE_MS have passed (the same count
 * of calls for every side of a case, calibrated on ajv), so that sub-millisecond calls (the
 * example's tiny entities, a first error found after a hundred of them) are timed well above
 * the timer's resolution and a scheduler tick; the figure is the median of ROUNDS samples per
 * side, the sides interleaved, so that load from elsewhere on the machine hits all alike.
 */
const COUNT = 10_000;
/** Even: each side runs first in as many rounds as the other, so their medians compare alike. */
const ROUNDS = 30;
const SAMPLE_MS = 20;

interface Case {
  name: string;
  sides: [string, () => unknown][];
}

async function measure(label: string, model: Model, type: string): Promise<BenchResult[]> {
  const table = buildValidationTable(model);
  const text = JSON.stringify(samplePayload(table, type, COUNT));
  const valid = JSON.parse(text) as { value: Record<string, unknown>[] };
  const invalid = JSON.parse(text) as { value: Record<string, unknown>[] };
  const broken = breakEvery100th(table, type, invalid.value);
  const { acceptors } = await generatedAcceptors(model);
  const engine = createEngine(table, { acceptors });
  const tableEngine = createEngine(table);
  const ajvAll = new Ajv({ strict: false, allErrors: true });
  const ajvFirst = new Ajv({ strict: false, allErrors: false });
  const compileStart = performance.now();
  const validateAll = ajvAll.compile(toJsonSchema(table, type));
  const compileMs = performance.now() - compileStart;
  const validateFirst = ajvFirst.compile(toJsonSchema(table, type));
  const readWith = (which: Engine) => (payload: unknown, maxIssues?: number) =>
    which.validate(type, payload, 'read', maxIssues === undefined ? { collection: true } : { collection: true, maxIssues });
  const read = readWith(engine);
  const readTable = readWith(tableEngine);

  // Each side must see what the other sees, or the race means nothing.
  for (const [name, check] of [['engine', read], ['table walk', readTable]] as const) {
    const issues = check(valid);
    if (issues.length > 0) throw new Error(`bench payload is not valid for the ${name}: ${JSON.stringify(issues.slice(0, 3))}`);
    const paths = errorPaths(check(invalid, 1_000_000));
    validateAll(invalid);
    const theirs = (validateAll.errors ?? []).map((error) => error.instancePath).sort();
    if (paths.length !== broken || JSON.stringify(paths) !== JSON.stringify(theirs)) {
      throw new Error(`${label}: ${broken} broken entities, the ${name} found ${paths.length}, ajv ${theirs.length}, or at other paths`);
    }
    const ourFirst = check(invalid, 1)[0]?.path;
    validateFirst(invalid);
    const theirFirst = validateFirst.errors?.[0]?.instancePath;
    if (ourFirst !== theirFirst) throw new Error(`${label}: the first error is at ${ourFirst} for the ${name}, at ${theirFirst} for ajv`);
  }
  if (!validateAll(valid)) throw new Error(`ajv rejects the bench payload: ${JSON.stringify(validateAll.errors?.slice(0, 3))}`);

  const cases: Case[] = [
    { name: 'valid', sides: [['engine', () => read(valid)], ['ajv', () => validateAll(valid)], ['table', () => readTable(valid)]] },
    { name: 'invalid, first error', sides: [['engine', () => read(invalid, 1)], ['ajv', () => validateFirst(invalid)], ['table', () => readTable(invalid, 1)]] },
    { name: 'invalid, all errors', sides: [['engine', () => read(invalid, 1_000_000)], ['ajv', () => validateAll(invalid)], ['table', () => readTable(invalid, 1_000_000)]] },
  ];
  const times = new Map<string, number[]>();
  const time = (key: string, calls: number, work: () => unknown) => {
    const start = performance.now();
    for (let call = 0; call < calls; call++) work();
    (times.get(key) ?? times.set(key, []).get(key)!).push((performance.now() - start) / calls);
  };
  // Warm-up (every side optimised before timing), then the calls per sample, from ajv's time.
  const calls = new Map<string, number>();
  for (const item of cases) {
    for (const [, work] of item.sides) for (let call = 0; call < 3; call++) work();
    const ajv = item.sides.find(([side]) => side === 'ajv')![1];
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < SAMPLE_MS / 4 || count < 3) {
      ajv();
      count++;
    }
    calls.set(item.name, Math.max(1, Math.round((SAMPLE_MS * count) / (performance.now() - start))));
  }
  const parseCalls = Math.max(1, Math.round(SAMPLE_MS / middleOf(5, () => JSON.parse(text))));
  // The order rotates: whichever side runs later finds the payload warmer in the CPU cache,
  // so a fixed order favours one side. Within a sample the same payload is walked again and
  // again, so each side finds it as warm as a body just parsed.
  for (let round = 0; round < ROUNDS; round++) {
    time('parse', parseCalls, () => JSON.parse(text));
    for (const item of cases) {
      const sides = [...item.sides];
      const shift = round % sides.length;
      const order = round % 2 === 0 ? [...sides.slice(shift), ...sides.slice(0, shift)] : [...sides.slice(shift), ...sides.slice(0, shift)].reverse();
      for (const [side, work] of order) time(`${side} ${item.name}`, calls.get(item.name)!, work);
    }
  }
  const parseMs = middle(times.get('parse')!);
  const coldStart = performance.now();
  createEngine(table, { acceptors }).validate(type, valid, 'read', { collection: true });
  const coldMs = performance.now() - coldStart;
  const megabytes = text.length / 1024 / 1024;
  const results: BenchResult[] = [];
  for (const item of cases) {
    const engineMs = middle(times.get(`engine ${item.name}`)!);
    const ajvMs = middle(times.get(`ajv ${item.name}`)!);
    // Sub-millisecond calls print as 0.00 ms: their time per call is in the notes, in µs.
    const perCall = engineMs < 1 ? `, ${(engineMs * 1000).toFixed(1)} µs vs ${(ajvMs * 1000).toFixed(1)} µs a call` : '';
    const sample = `median of ${ROUNDS} samples of ${calls.get(item.name)} calls${perCall}`;
    const notes = item.name === 'valid'
      ? `${COUNT} entities, ${megabytes.toFixed(1)} MB, ${(megabytes / (engineMs / 1000)).toFixed(0)} MB/s; ajv compile ${compileMs.toFixed(0)} ms; ${sample}`
      : item.name === 'invalid, all errors'
        ? `${broken} wrong values; ${sample}`
        : `maxIssues 1: stops at the value after the first error; ${sample}`;
    results.push({ name: `validate ${label}, ${item.name}`, ms: engineMs, baseline: { name: 'ajv', ms: ajvMs }, notes });
  }
  for (const item of cases) {
    const tableMs = middle(times.get(`table ${item.name}`)!);
    const ajvMs = middle(times.get(`ajv ${item.name}`)!);
    const perCall = tableMs < 1 ? `, ${(tableMs * 1000).toFixed(1)} µs a call` : '';
    results.push({ name: `validate ${label}, ${item.name}, table walk only`, ms: tableMs, baseline: { name: 'ajv', ms: ajvMs }, notes: `createEngine(table) without acceptors ("validatorAcceptors": false)${perCall}` });
  }
  results.push({ name: `validate ${label}, valid, against the floor`, ms: middle(times.get('engine valid')!), baseline: { name: 'JSON.parse', ms: parseMs } });
  results.push({ name: `validate ${label}, valid, first use`, ms: coldMs, baseline: { name: 'JSON.parse', ms: parseMs }, notes: 'new engine: compiles checks lazily' });
  return results;
}

/** The paths of the errors among `issues`, sorted (ajv and the engine find them in different orders). */
function errorPaths(issues: ValidationIssue[]): string[] {
  return issues.filter((issue) => issue.severity === 'error').map((issue) => issue.path).sort();
}

function middleOf(runs: number, work: () => unknown): number {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    values.push(performance.now() - start);
  }
  return middle(values);
}

/** Puts a number where a string goes in every 100th entity; returns how many were broken. */
function breakEvery100th(table: ValidationTable, type: string, entities: Record<string, unknown>[]): number {
  const property = firstStringProperty(table, type);
  let broken = 0;
  for (let index = 99; index < entities.length; index += 100) {
    entities[index]![property] = 42;
    broken++;
  }
  return broken;
}

function firstStringProperty(table: ValidationTable, type: string): string {
  for (let name: string | undefined = type; name !== undefined; ) {
    const entry = table.types[name] as StructuredTypeEntry;
    const found = Object.entries(entry.properties ?? {}).find(([, [propertyType, flags]]) => propertyType === 'Edm.String' && flags === 0);
    if (found) return found[0];
    name = entry.base;
  }
  throw new Error(`${type} has no non-nullable string property to break`);
}


/** The size of what the validators emitter writes for a model (table, acceptors, entry points, runtime). */
function validatorsSize(model: Model): string {
  const files = validatorsEmitter.emit({ model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() });
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  const acceptors = Buffer.byteLength(files.find((file) => file.path === 'acceptors.gen.ts')?.content ?? '');
  const mib = (count: number) => `${(count / 1024 / 1024).toFixed(2)} MiB`;
  return `${mib(bytes)} in ${files.length} files, of which acceptors.gen.ts ${mib(acceptors)} (table walk alone: ${mib(bytes - acceptors)})`;
}

const bench: Bench = async () => {
  const example = loadModel({ csdl: [EXAMPLE_CSDL] }).model;
  const results = await measure('crossTenantIdentitySyncPolicyPartner, example', example, 'microsoft.graph.crossTenantIdentitySyncPolicyPartner');
  if (!corpusAvailable) {
    console.log(`validate.bench.ts: Graph payloads skipped${CORPUS_SKIP_REASON}`);
    return results;
  }
  const graph = loadModel({ csdl: [GRAPH_CSDL] }).model;
  results.push(...(await measure('Graph user', graph, 'microsoft.graph.user')));
  results.push(...(await measure('Graph crossTenantAccessPolicyConfigurationPartner', graph, 'microsoft.graph.crossTenantAccessPolicyConfigurationPartner')));
  const start = performance.now();
  const size = validatorsSize(graph);
  results.push({ name: 'validators emitter, Graph v1.0', ms: performance.now() - start, notes: `output ${size}` });
  return results;
};

export default bench;
