import { describe, expect, it } from 'vitest';
import { loadModel } from '../../load-model.ts';
import { emptyModel } from '../../model/build/build-model.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS, PROJECT_ROOT } from '../../testing/corpus.ts';
import { modelFromJson } from '../../model/json.ts';
import { packedPortableModelJson, packedPortableModelLiteral, portableModelJson } from './model-json.ts';
import { relative } from 'node:path';

describe('the model as model.gen.ts carries it', () => {
  it('does not depend on where the inputs live: absolute and relative paths give the same text', () => {
    const absolute = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] }).model;
    const cwd = process.cwd();
    process.chdir(PROJECT_ROOT);
    let relativeModel;
    try {
      relativeModel = loadModel({ csdl: [relative(PROJECT_ROOT, EXAMPLE_CSDL)], docs: [relative(PROJECT_ROOT, EXAMPLE_DOCS)] }).model;
    } finally {
      process.chdir(cwd);
    }
    const text = portableModelJson(absolute);
    expect(portableModelJson(relativeModel)).toBe(text);
    expect(text).not.toContain(PROJECT_ROOT);
    const parsed = JSON.parse(text) as { inputs: string[]; operations: { sources: { file: string }[]; docPages?: string[] }[] };
    expect(parsed.inputs[0]).toBe('csdl/cross-tenant-sync.xml');
    expect(parsed.inputs).toContain('docs/api/crosstenantidentitysyncpolicypartner-get.md');
    const documented = parsed.operations.find((operation) => operation.docPages?.length)!;
    expect(documented.docPages![0]).toMatch(/^docs\/api\/[^/]+\.md$/);
    expect(documented.sources.map((source) => source.file)).toContain(documented.docPages![0]);
    // Nothing else changes: with the paths put back, it is the model.
    expect(JSON.parse(text, (key, value: unknown) => (key === 'file' && typeof value === 'string' ? value.replace(/^(csdl|docs)\//, `${PROJECT_ROOT}examples/$1/`) : value)).types).toEqual(absolute.types);
  });

  it('packed (as model.gen.ts carries it) is the same model, the same paths, in a fraction of the text', () => {
    const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
    const packed = packedPortableModelJson(model);
    expect(JSON.stringify(modelFromJson(packed))).toBe(portableModelJson(model));
    expect(packed).not.toContain(PROJECT_ROOT);
    expect(packed.length).toBeLessThan(portableModelJson(model).length / 2);
  });

  it('packed, is ASCII whatever the model holds (other characters escaped), and reads back the same', () => {
    const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
    const type = Object.values(model.types)[0]!;
    const hostile = { ...model, types: { ...model.types, [type.qualifiedName]: { ...type, description: 'caf\u00e9 \u20ac \u{1F600} \u2028' } } };
    const packed = packedPortableModelJson(hostile);
    expect(packed).toMatch(/^[\u0000-\u007f]*$/);
    expect(JSON.stringify(modelFromJson(packed))).toBe(portableModelJson(hostile));
  });

  it('keeps paths as they are when the inputs share no folder, with / separators', () => {
    const model = { ...emptyModel(), inputs: ['a.xml', 'sub\\b.xml'] };
    expect(JSON.parse(portableModelJson(model)).inputs).toEqual(['a.xml', 'sub/b.xml']);
  });

  it('as model.gen.ts carries it, is one string literal whatever the schema holds: quotes, backslashes, line and paragraph separators, comment ends', () => {
    const { model } = loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] });
    const type = Object.values(model.types)[0]!;
    const hostile = { ...model, types: { ...model.types, [type.qualifiedName]: { ...type, description: 'a"b\\c\n*/ ${x} `\u2028\u2029</script>\u00e9' } } };
    const literal = packedPortableModelLiteral(hostile);
    expect(literal).toBe(JSON.stringify(packedPortableModelJson(hostile)));
    expect(literal).toMatch(/^"[\u0020-\u007f]*"$/);
    // eslint-disable-next-line no-new-func -- evaluating the literal is the point: it must be one string.
    expect(new Function(`return ${literal};`)()).toBe(packedPortableModelJson(hostile));
  });
});
