import { Ajv } from 'ajv';
import { DiagnosticCollector } from '../generator/diagnostics/collector.ts';
import { createTemplateRenderer } from '../generator/emit/templates.ts';
import { buildValidationTable, validatorsEmitter } from '../generator/emit/validators/index.ts';
import { loadModel } from '../generator/load-model.ts';
import type { Model } from '../generator/model/types.ts';
import { createEngine, type StructuredTypeEntry, type ValidationTable } from '../generator/runtime/validation/index.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, EXAMPLE_CSDL, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import type { Bench, BenchResult } from './measure.ts';
import { toJsonSchema } from './validation-json-schema.ts';
import { samplePayload } from './validation-payload.ts';

/**
 * Validator throughput: a collection response of 10,000 generated entities, checked by the
 * engine in read mode, beside ajv compiled from an equivalent JSON Schema (the peer) and
 * JSON.parse of the same payload (the floor every consumer pays), interleaved in the same
 * run. Three payloads each: valid; invalid with a wrong value in every 100th entity, checked
 * for the first error (ajv's default, our `maxIssues: 1`) and for all errors (ajv
 * `allErrors`, our default).
 */
const COUNT = 10_000;
/** Even: each side runs first in as many rounds as the other, so their medians compare alike. */
const RUNS = 22;

interface Case {
  name: string;
  engine: () => unknown;
  ajv: () => unknown;
}

async function measure(label: string, model: Model, type: string): Promise<BenchResult[]> {
  const table = buildValidationTable(model);
  const text = JSON.stringify(samplePayload(table, type, COUNT));
  const valid = JSON.parse(text) as { value: Record<string, unknown>[] };
  const invalid = JSON.parse(text) as { value: Record<string, unknown>[] };
  const broken = breakEvery100th(table, type, invalid.value);
  const engine = createEngine(table);
  const ajvAll = new Ajv({ strict: false, allErrors: true });
  const ajvFirst = new Ajv({ strict: false, allErrors: false });
  const compileStart = performance.now();
  const validateAll = ajvAll.compile(toJsonSchema(table, type));
  const compileMs = performance.now() - compileStart;
  const validateFirst = ajvFirst.compile(toJsonSchema(table, type));
  const read = (payload: unknown, maxIssues?: number) =>
    engine.validate(type, payload, 'read', maxIssues === undefined ? { collection: true } : { collection: true, maxIssues });

  // Each side must see what the other sees, or the race means nothing.
  const issues = read(valid);
  if (issues.length > 0) throw new Error(`bench payload is not valid: ${JSON.stringify(issues.slice(0, 3))}`);
  if (!validateAll(valid)) throw new Error(`ajv rejects the bench payload: ${JSON.stringify(validateAll.errors?.slice(0, 3))}`);
  const ours = read(invalid, 1_000_000).filter((issue) => issue.severity === 'error').length;
  validateAll(invalid);
  const theirs = validateAll.errors?.length ?? 0;
  if (ours !== broken || theirs !== broken) throw new Error(`${label}: ${broken} broken entities, engine found ${ours}, ajv ${theirs}`);
  const ourFirst = read(invalid, 1)[0]?.path;
  validateFirst(invalid);
  const theirFirst = validateFirst.errors?.[0]?.instancePath;
  if (ourFirst !== theirFirst) throw new Error(`${label}: the first error is at ${ourFirst} for the engine, at ${theirFirst} for ajv`);

  const cases: Case[] = [
    { name: 'valid', engine: () => read(valid), ajv: () => validateAll(valid) },
    { name: 'invalid, first error', engine: () => read(invalid, 1), ajv: () => validateFirst(invalid) },
    { name: 'invalid, all errors', engine: () => read(invalid, 1_000_000), ajv: () => validateAll(invalid) },
  ];
  // Interleaved rounds, so that load from elsewhere on the machine hits every side alike.
  const times = new Map<string, number[]>();
  const time = (key: string, work: () => unknown) => {
    const start = performance.now();
    work();
    (times.get(key) ?? times.set(key, []).get(key)!).push(performance.now() - start);
  };
  for (const item of cases) {
    item.engine();
    item.ajv();
  }
  // The order alternates: whichever side runs second finds the payload warmer in the CPU
  // cache, so a fixed order favours one side. A first-error run touches a hundred entities
  // only: there the cache, not the code, would decide, so each side gets them warm, as a
  // body just parsed is.
  for (let round = 0; round < RUNS; round++) {
    time('parse', () => JSON.parse(text));
    for (const item of cases) {
      const sides: [string, () => unknown][] = [[`engine ${item.name}`, item.engine], [`ajv ${item.name}`, item.ajv]];
      if (round % 2 === 1) sides.reverse();
      for (const [key, work] of sides) {
        if (item.name === 'invalid, first error') work();
        time(key, work);
      }
    }
  }
  const parseMs = middle(times.get('parse')!);
  const coldStart = performance.now();
  createEngine(table).validate(type, valid, 'read', { collection: true });
  const coldMs = performance.now() - coldStart;
  const megabytes = text.length / 1024 / 1024;
  const results: BenchResult[] = [];
  for (const item of cases) {
    const engineMs = middle(times.get(`engine ${item.name}`)!);
    const notes = item.name === 'valid'
      ? `${COUNT} entities, ${megabytes.toFixed(1)} MB, ${(megabytes / (engineMs / 1000)).toFixed(0)} MB/s; ajv compile ${compileMs.toFixed(0)} ms`
      : item.name === 'invalid, all errors'
        ? `${broken} wrong values`
        : 'maxIssues 1: stops at the value after the first error';
    results.push({ name: `validate ${label}, ${item.name}`, ms: engineMs, baseline: { name: 'ajv', ms: middle(times.get(`ajv ${item.name}`)!) }, notes });
  }
  results.push({ name: `validate ${label}, valid, against the floor`, ms: middle(times.get('engine valid')!), baseline: { name: 'JSON.parse', ms: parseMs } });
  results.push({ name: `validate ${label}, valid, first use`, ms: coldMs, baseline: { name: 'JSON.parse', ms: parseMs }, notes: 'new engine: compiles checks lazily' });
  return results;
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

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** The size of what the validators emitter writes for a model (table, entry points, runtime). */
function validatorsSize(model: Model): string {
  const files = validatorsEmitter.emit({ model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics: new DiagnosticCollector() });
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB in ${files.length} files`;
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
