import { describe, expect, it } from 'vitest';
import { conformanceConsumerOptions, typeCheckFiles } from './typecheck.ts';

/** The helper every type-level test relies on: it must report the errors of the files it is given. */
describe('typeCheckFiles', () => {
  it('reports type errors in every file given, a clean file nothing', () => {
    expect(typeCheckFiles({ 'a.ts': "export const x: number = 'a';", 'b.ts': "import { y } from './a.js';", 'c.ts': 'export const z = 1;' })).toEqual([
      "a.ts(1,14): Type 'string' is not assignable to type 'number'.",
      `b.ts(1,10): Module '"./a.js"' has no exported member 'y'.`,
    ]);
    expect(typeCheckFiles({ 'c.ts': 'export const z = 1;' })).toEqual([]);
  });

  it('with the consumer options, judges the given code against odatakit and reports an unused @ts-expect-error', () => {
    const code = "import { createHandlers } from 'odatakit/conformance/handlers';\nexport const x: number = createHandlers;\n// @ts-expect-error\nexport const ok = 1;";
    expect(typeCheckFiles({ 'a.ts': code }, conformanceConsumerOptions())).toEqual([
      "a.ts(2,14): Type '(model: Model, options?: HandlerOptions) => HttpHandler[]' is not assignable to type 'number'.",
      "a.ts(3,1): Unused '@ts-expect-error' directive.",
    ]);
  });
});
