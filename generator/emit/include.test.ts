import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { edmx } from '../model/build/__fixtures__/edmx.ts';
import { buildModel } from '../model/build/build-model.ts';
import type { StructuredType } from '../model/types.ts';
import { includeOnly } from './include.ts';

const model = buildModel(
  [
    {
      file: 'test.xml',
      text: edmx(
        `
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
  <ComplexType Name="address"><Property Name="kind" Type="t.kind" /></ComplexType>
  <EnumType Name="kind"><Member Name="home" Value="0" /></EnumType>
  <EntityType Name="user" BaseType="t.entity">
    <Property Name="home" Type="t.address" />
    <NavigationProperty Name="manager" Type="t.user" />
    <NavigationProperty Name="photo" Type="t.photo" ContainsTarget="true" />
  </EntityType>
  <EntityType Name="photo" BaseType="t.entity" />
  <EntityContainer Name="c"><EntitySet Name="users" EntityType="t.user" /><EntitySet Name="photos" EntityType="t.photo" /></EntityContainer>`,
        `
    <Schema Namespace="test.ns.sub" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="nested" /></Schema>`,
      ),
    },
  ],
  new DiagnosticCollector(),
);

const kept = (patterns: string[]) => Object.keys(includeOnly(model, patterns).model.types).sort();

describe('includeOnly', () => {
  it('keeps everything without patterns', () => {
    expect(includeOnly(model, []).model).toBe(model);
  });

  it.each([
    ['a type and what its properties and base reference', ['test.ns.user'], ['test.ns.address', 'test.ns.entity', 'test.ns.kind', 'test.ns.user']],
    ['* stays within a namespace segment', ['test.ns.*'], ['test.ns.address', 'test.ns.entity', 'test.ns.kind', 'test.ns.photo', 'test.ns.user']],
    ['** crosses segments', ['test.**.nested'], ['test.ns.sub.nested']],
    ['an operation path and the types along it', ['/users/{id}/photo'], ['test.ns.address', 'test.ns.entity', 'test.ns.kind', 'test.ns.photo', 'test.ns.user']],
    ['a path glob', ['/photos/**'], ['test.ns.entity', 'test.ns.photo']],
  ])('%s', (_name, patterns, want) => {
    expect(kept(patterns)).toEqual(want);
  });

  it('drops navigation properties to types left out, and keeps the operations selected', () => {
    const { model: only } = includeOnly(model, ['test.ns.user']);
    expect((only.types['test.ns.user'] as StructuredType).navigationProperties.map((navigation) => navigation.name)).toEqual(['manager']);
    expect(only.operations).toEqual([]);
    const { model: photos } = includeOnly(model, ['/photos/**']);
    expect(photos.operations.map((operation) => operation.id)).toEqual(model.operations.filter((operation) => operation.path.startsWith('/photos')).map((operation) => operation.id));
    expect(photos.entityContainer!.entitySets.map((set) => set.name)).toEqual(['photos']);
  });

  it('reports patterns that matched nothing', () => {
    expect(includeOnly(model, ['test.ns.usr', '/users', '/nowhere/**']).unmatched).toEqual(['/nowhere/**', 'test.ns.usr']);
  });
});
