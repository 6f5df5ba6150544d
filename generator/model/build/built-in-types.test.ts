import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../diagnostics/collector.ts';
import { tsTypesEmitter } from '../../emit/ts-types/index.ts';
import { createTemplateRenderer } from '../../emit/templates.ts';
import { createValidator } from '../../emit/validators/create-validator.ts';
import { EDM_PRIMITIVES } from '../types.ts';
import { edmx } from './__fixtures__/edmx.ts';
import { buildModel } from './build-model.ts';

/**
 * Every built-in type of CSDL 4.01 (section 4.4): the primitives, Edm.Untyped, the abstract
 * Edm.PrimitiveType, Edm.EntityType and Edm.ComplexType, and the five path types, each as a
 * property, a collection property, a parameter and a return type.
 */
const property = (type: string, index: number) =>
  `<Property Name="p${index}" Type="${type}" /><Property Name="c${index}" Type="Collection(${type})" />`;
const BODY = `
  <ComplexType Name="everything">${EDM_PRIMITIVES.map(property).join('')}</ComplexType>
  ${EDM_PRIMITIVES.map((type, index) => `<Function Name="f${index}"><Parameter Name="x" Type="${type}" /><ReturnType Type="${type}" /></Function>`).join('')}`;

describe('built-in types', () => {
  const diagnostics = new DiagnosticCollector();
  const model = buildModel([{ file: 'test.xml', text: edmx(BODY) }], diagnostics);

  it('are all known, path types included', () => {
    expect(EDM_PRIMITIVES).toEqual(expect.arrayContaining(['Edm.AnyPropertyPath', 'Edm.ModelElementPath', 'Edm.Untyped', 'Edm.PrimitiveType', 'Edm.EntityType', 'Edm.ComplexType']));
    expect(diagnostics.sorted()).toEqual([]);
  });

  it('each have a TypeScript type', () => {
    const [file] = tsTypesEmitter.emit({ model, templates: createTemplateRenderer(), options: { ieee754Compatible: false }, diagnostics });
    const text = file!.content;
    const type = (name: string) => new RegExp(`  ${name}\\?: ([^;]+);`).exec(text)?.[1];
    EDM_PRIMITIVES.forEach((edm, index) => expect(type(`p${index}`), edm).toBeDefined());
    for (const path of ['Edm.AnnotationPath', 'Edm.PropertyPath', 'Edm.NavigationPropertyPath', 'Edm.AnyPropertyPath', 'Edm.ModelElementPath']) {
      expect(type(`p${EDM_PRIMITIVES.indexOf(path as never)}`), path).toBe('string | null');
    }
    expect(type(`p${EDM_PRIMITIVES.indexOf('Edm.Untyped')}`)).toBe('unknown | null');
    expect(type(`c${EDM_PRIMITIVES.indexOf('Edm.EntityType')}`)).toBe('({ [property: string]: unknown } | null)[]');
  });

  it('each validate their values', () => {
    const validator = createValidator(model);
    const codes = (value: Record<string, unknown>) => validator.validate('test.ns.everything', value, 'read').map((issue) => issue.code);
    const at = (type: string) => EDM_PRIMITIVES.indexOf(type as never);
    expect(codes({ [`p${at('Edm.AnyPropertyPath')}`]: 'a/b', [`p${at('Edm.ModelElementPath')}`]: 'S.T/p' })).toEqual([]);
    expect(codes({ [`p${at('Edm.AnyPropertyPath')}`]: 1 })).not.toEqual([]);
    expect(codes({ [`p${at('Edm.Untyped')}`]: { any: ['thing'] }, [`p${at('Edm.PrimitiveType')}`]: 3 })).toEqual([]);
    expect(codes({ [`p${at('Edm.PrimitiveType')}`]: { not: 'primitive' } })).not.toEqual([]);
    expect(codes({ [`c${at('Edm.ComplexType')}`]: [{ a: 1 }] })).toEqual([]);
  });
});
