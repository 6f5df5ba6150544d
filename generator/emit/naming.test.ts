import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { edmx } from '../model/build/__fixtures__/edmx.ts';
import { buildModel } from '../model/build/build-model.ts';
import { stringLiteral, typeNames } from './naming.ts';

describe('stringLiteral', () => {
  it('is the JSON string, with the line separators JSON leaves raw escaped', () => {
    expect(stringLiteral('#microsoft.graph.user')).toBe('"#microsoft.graph.user"');
    expect(stringLiteral('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(stringLiteral('x\u2028y\u2029z\u2028')).toBe('"x\\u2028y\\u2029z\\u2028"');
  });
});

describe('typeNames', () => {
  it('gives the bare name to the shortest namespace, then the shortest unique namespace suffix, then a number', () => {
    const schema = (namespace: string, body: string) =>
      `<Schema Namespace="${namespace}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`;
    const text = edmx(
      '<ComplexType Name="user" /><ComplexType Name="USER2" /><ComplexType Name="nsUser" />',
      schema('ns', '<ComplexType Name="user" />') + schema('a.security', '<ComplexType Name="user" />') + schema('b.security', '<ComplexType Name="user" />') + schema('security', '<ComplexType Name="user" />'),
      'Namespace="t" Alias="x"',
    );
    const diagnostics = new DiagnosticCollector();
    const names = typeNames(buildModel([{ file: 'names.xml', text }], diagnostics));
    expect({ ...names }).toEqual({
      't.user': 'User',
      't.USER2': 'USER2',
      't.nsUser': 'NsUser',
      'ns.user': 'User3',
      'security.user': 'SecurityUser',
      'a.security.user': 'ASecurityUser',
      'b.security.user': 'BSecurityUser',
    });
  });
});
