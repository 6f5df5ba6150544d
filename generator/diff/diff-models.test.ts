import { describe, expect, it } from 'vitest';
import { diffModels } from './diff-models.ts';
import { reformat } from './__fixtures__/reformat.ts';
import { archiveAction, goAction, modelOf, overload, PART, schema } from './__fixtures__/schema.ts';

describe('diffModels: layout and order carry no meaning', () => {
  it('finds no change between a schema and a reformatted copy of itself', () => {
    const text = schema({
      itemAttributes: ' OpenType="true"',
      item: '<Property Name="name" Type="Edm.String" MaxLength="20"><Annotation Term="Core.Description" String="It&apos;s the name." /></Property><NavigationProperty Name="parts" Type="Collection(t.part)" ContainsTarget="true" />',
      types: `${PART}<EnumType Name="counted"><Member Name="a" /><Member Name="b" /></EnumType>`,
      callables: `${archiveAction('t.item')}${goAction('<Parameter Name="b" Type="Edm.Int32"><Annotation Term="Core.OptionalParameter" /></Parameter>')}${overload('a')}${overload('a', 'b')}`,
      container: '<Singleton Name="me" Type="t.item" />',
      other: '<ComplexType Name="item"><Property Name="name" Type="Edm.String" /></ComplexType>',
    });
    const copy = reformat(text);
    expect(copy).not.toBe(text);
    expect(diffModels(modelOf(text, 'a.xml'), modelOf(copy, 'b.xml')).changes).toEqual([]);
  });
});

describe('diffModels: output', () => {
  it('is sorted by severity, then target, and leaves the models untouched', () => {
    const before = modelOf(schema(), 'old.xml');
    const after = modelOf(schema({ item: '', types: '<ComplexType Name="extra" />', color: '<Member Name="red" Value="0" /><Member Name="green" Value="1" /><Member Name="blue" Value="2" />' }), 'new.xml');
    const snapshot = JSON.stringify([before, after]);
    const report = diffModels(before, after);
    expect(report.changes.map((change) => `${change.severity} ${change.target}`)).toEqual([
      'breaking test.ns.item/name',
      'dangerous test.ns.color/blue',
      'safe test.ns.extra',
    ]);
    expect(report.summary).toEqual({ breaking: 1, dangerous: 1, safe: 1, docs: 0 });
    expect(report.semver).toBe('major');
    expect(JSON.stringify([before, after])).toBe(snapshot);
    expect(diffModels(before, after)).toEqual(report);
  });

  it('notices order where it carries meaning: enum members that count up', () => {
    const before = modelOf(schema({ types: '<EnumType Name="counted"><Member Name="a" /><Member Name="b" /></EnumType>' }), 'old.xml');
    const after = modelOf(schema({ types: '<EnumType Name="counted"><Member Name="b" /><Member Name="a" /></EnumType>' }), 'new.xml');
    expect(diffModels(before, after).changes.map((change) => change.message)).toEqual(['Value changed from 0 to 1', 'Value changed from 1 to 0']);
  });
});
