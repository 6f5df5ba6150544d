import { describe, expect, it } from 'vitest';
import { loadModel } from '../load-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../testing/corpus.ts';
import { modelFromJson } from './json.ts';
import { emptyModel } from './build/build-model.ts';
import { packJson } from './packed-json.ts';

describe('modelFromJson', () => {
  const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });

  it('reads back what JSON.stringify wrote, from text or from a parsed value', () => {
    expect(modelFromJson(JSON.stringify(model))).toEqual(model);
    expect(modelFromJson(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(modelFromJson(JSON.stringify(emptyModel()))).toEqual(emptyModel());
  });

  it('reads the packed form (packed-json.ts) as well, text or parsed', () => {
    expect(modelFromJson(packJson(model))).toEqual(model);
    expect(modelFromJson(JSON.parse(packJson(model)))).toEqual(model);
  });

  it.each([
    ['{"types":', /^odatakit: the serialised model is not JSON: /],
    ['[]', /^odatakit: not a serialised model: expected a JSON object$/],
    [JSON.stringify({ ...emptyModel(), operations: {} }), /expected an array at '\/operations'$/],
    [JSON.stringify({ ...emptyModel(), types: [] }), /expected an object at '\/types'$/],
    [JSON.stringify({ ...emptyModel(), entityContainer: 'x' }), /expected an object at '\/entityContainer'$/],
    [{ schemas: [] }, /expected an array at '\/actions'$/],
    ['{"format":"odatakit-packed/1","keys":[],"strings":[],"value":[2,0]}', /^odatakit: not a serialised model: no shared value 0$/],
    ['{"format":"odatakit-packed/1","keys":[],"strings":[],"value":[0]}', /^odatakit: not a serialised model: expected a JSON object$/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => modelFromJson(input)).toThrow(message);
  });
});
