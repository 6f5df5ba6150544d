import { describe, expect, it } from 'vitest';
import { deriveOperations } from '../operations/derive-operations.ts';
import { build } from './__fixtures__/edmx.ts';

const TREE = `
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="root" BaseType="t.entity">
        <NavigationProperty Name="folders" Type="Collection(t.folder)" ContainsTarget="true" />
        <NavigationProperty Name="settings" Type="t.settings" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="folder" BaseType="t.entity">
        <NavigationProperty Name="subfolders" Type="Collection(t.folder)" ContainsTarget="true" />
        <NavigationProperty Name="owner" Type="t.person" />
        <NavigationProperty Name="files" Type="Collection(t.file)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="file" BaseType="t.entity">
        <NavigationProperty Name="versions" Type="Collection(t.version)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="version" BaseType="t.entity" />
      <EntityType Name="settings" BaseType="t.entity" />
      <EntityType Name="person" BaseType="t.entity" />
      <EntityContainer Name="svc">
        <Singleton Name="root" Type="t.root" />
        <EntitySet Name="people" EntityType="t.person" />
      </EntityContainer>`;

describe('operations derived from the container', () => {
  const { model } = build(TREE);
  const ids = model.operations.map((o) => o.id);

  it('covers entity sets, singletons and containment, sorted by path then method', () => {
    expect(ids).toEqual(expect.arrayContaining([
      'GET /people',
      'POST /people',
      'GET /people/{id}',
      'PATCH /people/{id}',
      'DELETE /people/{id}',
      'GET /root',
      'PATCH /root',
      'GET /root/folders',
      'POST /root/folders',
      'GET /root/folders/{id}/files/{id2}/versions/{id3}',
      'GET /root/settings',
      'PATCH /root/settings',
      'DELETE /root/settings',
    ]));
    expect(ids).not.toContain('DELETE /root'); // singletons cannot be deleted
    const paths = model.operations.map((o) => o.path);
    expect(paths).toEqual([...paths].sort());
  });

  it('reads related (non-contained) entities without walking into them', () => {
    expect(ids).toContain('GET /root/folders/{id}/owner');
    expect(ids).not.toContain('PATCH /root/folders/{id}/owner');
  });

  it('is cycle-safe: a type recurs at most once on one path', () => {
    expect(ids).toContain('GET /root/folders/{id}/subfolders/{id2}');
    expect(ids.some((id) => id.includes('/subfolders/{id2}/subfolders'))).toBe(false);
  });

  it('is bounded by depth', () => {
    const shallow = deriveOperations(model, { maxDepth: 1 }).map((o) => o.id);
    expect(shallow).toContain('GET /root/folders/{id}');
    expect(shallow).not.toContain('GET /root/folders/{id}/files');
  });

  it('describes intent, bodies, responses and default statuses', () => {
    const byId = Object.fromEntries(model.operations.map((o) => [o.id, o]));
    expect(byId['POST /root/folders']).toMatchObject({
      intent: 'create',
      requestBody: { type: 'test.ns.folder', collection: false, mode: 'create' },
      response: { type: 'test.ns.folder', collection: false },
      successStatus: 201,
      statusSource: 'default',
    });
    expect(byId['GET /root/folders']).toMatchObject({ intent: 'list', response: { collection: true }, successStatus: 200 });
    expect(byId['PATCH /root/settings']).toMatchObject({ intent: 'update', requestBody: { mode: 'update' }, successStatus: 204 });
    expect(byId['DELETE /root/settings']!.response).toBeUndefined();
    expect(byId['GET /root/folders/{id}']!.segments).toEqual([
      { kind: 'singleton', name: 'root', type: 'test.ns.root' },
      { kind: 'navigation', name: 'folders', type: 'test.ns.folder', collection: true, containsTarget: true },
      { kind: 'key', keyProperties: ['id'], placeholders: ['id'], type: 'test.ns.folder' },
    ]);
  });
});
