import { isPacked, unpackJson } from './packed-json.ts';
import type { Model } from './types.ts';

/**
 * The model back from JSON: the model is plain data (`JSON.stringify(model)` is its
 * serialised form; `generate` writes one as `model.gen.ts` beside `handlers.gen.ts`), so
 * reading it is `JSON.parse` plus a check that the value has the model's top-level shape,
 * so that a wrong file fails here with a clear message rather than deep inside a handler.
 * Accepts the JSON text or the already parsed value (a JSON module import, a fetch), plain
 * (`JSON.stringify`) or packed (packed-json.ts, as `model.gen.ts` carries it).
 */
export function modelFromJson(json: string | unknown): Model {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new Error(`odatakit: the serialised model is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (isPacked(value)) {
    try {
      value = unpackJson(value);
    } catch (error) {
      throw new Error(`odatakit: not a serialised model: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const problem = shapeProblem(value);
  if (problem) throw new Error(`odatakit: not a serialised model: ${problem}`);
  return value as Model;
}

const ARRAYS = ['schemas', 'actions', 'functions', 'operations', 'examples', 'inputs'] as const;

function shapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected a JSON object';
  for (const name of ARRAYS) if (!Array.isArray(value[name])) return `expected an array at '/${name}'`;
  if (!isObject(value['types'])) return "expected an object at '/types'";
  if (value['entityContainer'] !== undefined && !isObject(value['entityContainer'])) return "expected an object at '/entityContainer'";
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
