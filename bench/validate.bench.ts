import { Ajv } from 'ajv';
import { buildValidationTable } from '../generator/emit/validators/index.ts';
import { loadModel } from '../generator/load-model.ts';
import { createEngine } from '../generator/runtime/validation/index.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, EXAMPLE_CSDL, GRAPH_CSDL } from '../generator/testing/corpus.ts';
import { median, type Bench, type BenchResult } from './measure.ts';
import { toJsonSchema } from './validation-json-schema.ts';
import { samplePayload } from './validation-payload.ts';

/**
 * Validator throughput: a collection response of 10,000 generated entities, checked by the
 * engine in read mode, beside JSON.parse of the same payload (the floor every consumer pays)
 * and beside ajv compiled from an equivalent JSON Schema (the peer), all in the same run.
 */
const COUNT = 10_000;
const RUNS = 21;

async function measure(label: string, csdl: string, type: string): Promise<BenchResult[]> {
  const { model } = loadModel({ csdl: [csdl] });
  const table = buildValidationTable(model);
  const text = JSON.stringify(samplePayload(table, type, COUNT));
  const payload = JSON.parse(text) as unknown;
  const engine = createEngine(table);
  const issues = engine.validate(type, payload, 'read', { collection: true });
  if (issues.length > 0) throw new Error(`bench payload is not valid: ${JSON.stringify(issues.slice(0, 3))}`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  const compileStart = performance.now();
  const ajvValidate = ajv.compile(toJsonSchema(table, type));
  const compileMs = performance.now() - compileStart;
  if (!ajvValidate(payload)) throw new Error(`ajv rejects the bench payload: ${JSON.stringify(ajvValidate.errors?.slice(0, 3))}`);

  // Interleaved rounds, so that load from elsewhere on the machine hits all three alike.
  const times: Record<'parse' | 'engine' | 'ajv', number[]> = { parse: [], engine: [], ajv: [] };
  for (let round = 0; round < RUNS; round++) {
    times.parse.push(await median(1, () => JSON.parse(text)));
    times.engine.push(await median(1, () => engine.validate(type, payload, 'read', { collection: true })));
    times.ajv.push(await median(1, () => ajvValidate(payload)));
  }
  const [parseMs, engineMs, ajvMs] = [middle(times.parse), middle(times.engine), middle(times.ajv)];
  const coldStart = performance.now();
  createEngine(table).validate(type, payload, 'read', { collection: true });
  const coldMs = performance.now() - coldStart;
  const megabytes = text.length / 1024 / 1024;
  const notes = `${COUNT} entities, ${megabytes.toFixed(1)} MB, ${(megabytes / (engineMs / 1000)).toFixed(0)} MB/s`;
  return [
    { name: `validate ${label} (engine, read)`, ms: engineMs, baseline: { name: 'JSON.parse', ms: parseMs }, notes },
    { name: `validate ${label} (engine, read)`, ms: engineMs, baseline: { name: 'ajv', ms: ajvMs }, notes: `ajv compile ${compileMs.toFixed(0)} ms, allErrors` },
    { name: `validate ${label} (engine, first use)`, ms: coldMs, baseline: { name: 'JSON.parse', ms: parseMs }, notes: 'new engine: compiles checks lazily' },
  ];
}

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const bench: Bench = async () => {
  const results = await measure('crossTenantIdentitySyncPolicyPartner, example', EXAMPLE_CSDL, 'microsoft.graph.crossTenantIdentitySyncPolicyPartner');
  if (!corpusAvailable) {
    console.log(`validate.bench.ts: Graph payloads skipped${CORPUS_SKIP_REASON}`);
    return results;
  }
  results.push(...(await measure('Graph user', GRAPH_CSDL, 'microsoft.graph.user')));
  results.push(...(await measure('Graph crossTenantAccessPolicyConfigurationPartner', GRAPH_CSDL, 'microsoft.graph.crossTenantAccessPolicyConfigurationPartner')));
  return results;
};

export default bench;
