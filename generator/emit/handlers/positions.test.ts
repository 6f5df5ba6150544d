import { describe, expect, it } from 'vitest';
import { loadModel } from '../../load-model.ts';
import { emptyModel } from '../../model/build/build-model.ts';
import { build } from '../../model/build/__fixtures__/edmx.ts';
import type { Model, Operation } from '../../model/types.ts';
import { EXAMPLE_CSDL, EXAMPLE_DOCS } from '../../testing/corpus.ts';
import { seedPositions } from './positions.ts';

const PEOPLE = `
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="person" BaseType="t.entity">
        <NavigationProperty Name="manager" Type="t.person" />
        <NavigationProperty Name="notes" Type="Collection(t.note)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="employee" BaseType="t.person" />
      <EntityType Name="note">
        <Key><PropertyRef Name="book" /><PropertyRef Name="page" /></Key>
        <Property Name="book" Type="Edm.String" Nullable="false" />
        <Property Name="page" Type="Edm.Int32" Nullable="false" />
      </EntityType>
      <EntityContainer Name="svc">
        <EntitySet Name="people" EntityType="t.person" />
        <EntitySet Name="staff" EntityType="t.person" />
        <Singleton Name="me" Type="t.person" />
      </EntityContainer>`;

/** `GET <path>/test.ns.employee` for an operation of the model: a cast segment (OData URL Conventions 4.01 §4.11). */
function withCast(model: Model, path: string): Model {
  const base = model.operations.find((operation) => operation.id === `GET ${path}`)!;
  const cast: Operation = { ...base, id: `GET ${path}/test.ns.employee`, path: `${path}/test.ns.employee`, segments: [...base.segments, { kind: 'cast', type: 'test.ns.employee' }] };
  return { ...model, operations: [...model.operations, cast] };
}

describe('seedPositions', () => {
  it.each([
    [
      'the bundled example: a singleton, a contained collection, a single-valued navigation',
      loadModel({ csdl: [EXAMPLE_CSDL], docs: [EXAMPLE_DOCS] }).model,
      [
        ['P0', '/', '{ n: { policies: P1 } }'],
        ['P1', '/policies', '{ e: T.PolicyRoot; n: { crossTenantAccessPolicy: P2 } }'],
        ['P2', '/policies/crossTenantAccessPolicy', '{ e: T.CrossTenantAccessPolicy; n: { partners: P3 } }'],
        ['P3', '/policies/crossTenantAccessPolicy/partners', '{ e: Member<T.CrossTenantAccessPolicyConfigurationPartner, "tenantId">; c: 1; k: P4 }'],
        ['P4', '/policies/crossTenantAccessPolicy/partners/{tenantId}', '{ e: T.CrossTenantAccessPolicyConfigurationPartner; n: { identitySynchronization: P5 } }'],
        ['P5', '/policies/crossTenantAccessPolicy/partners/{tenantId}/identitySynchronization', '{ e: T.CrossTenantIdentitySyncPolicyPartner }'],
      ],
    ],
    [
      'equal subtrees share one alias (/me and /people/{id}; /people and /staff); composite keys',
      build(PEOPLE).model,
      [
        ['P0', '/', '{ n: { me: P1; people: P5; staff: P5 } }'],
        ['P1', '/me', '{ e: T.Person; n: { manager: P2; notes: P3 } }'],
        ['P2', '/me/manager', '{ e: T.Person }'],
        ['P3', '/me/notes', '{ e: Member<T.Note, "book" | "page">; c: 1; k: P4 }'],
        ['P4', '/me/notes/{book,page}', '{ e: T.Note }'],
        ['P5', '/people', '{ e: Member<T.Person, "id">; c: 1; k: P1 }'],
      ],
    ],
    [
      'a cast is a named segment (quoted), and it makes its position differ from the others',
      withCast(build(PEOPLE).model, '/people/{id}'),
      [
        ['P0', '/', '{ n: { me: P1; people: P5; staff: P8 } }'],
        ['P1', '/me', '{ e: T.Person; n: { manager: P2; notes: P3 } }'],
        ['P2', '/me/manager', '{ e: T.Person }'],
        ['P3', '/me/notes', '{ e: Member<T.Note, "book" | "page">; c: 1; k: P4 }'],
        ['P4', '/me/notes/{book,page}', '{ e: T.Note }'],
        ['P5', '/people', '{ e: Member<T.Person, "id">; c: 1; k: P6 }'],
        ['P6', '/people/{id}', '{ e: T.Person; n: { "test.ns.employee": P7; manager: P2; notes: P3 } }'],
        ['P7', '/people/{id}/test.ns.employee', '{ e: T.Employee }'],
        ['P8', '/staff', '{ e: Member<T.Person, "id">; c: 1; k: P1 }'],
      ],
    ],
    ['an empty model: a root with nothing below', emptyModel(), [['P0', '/', '{}']]],
  ])('%s', (_name, model, expected) => {
    const { root, aliases } = seedPositions(model);
    expect(root).toBe('P0');
    expect(aliases.map(({ name, path, text }) => [name, path, text])).toEqual(expected);
  });
});
