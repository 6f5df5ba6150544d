import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { loadModel } from '../../generator/load-model.ts';
import { CORPUS } from '../../generator/testing/corpus.ts';
import { requiresConsistencyLevel } from './consistency-level.ts';
import { createHandlers } from './create-handlers.ts';
import { matchPath } from './match.ts';
import { buildRoutes } from './routes.ts';

/**
 * Graph's advanced queries: where ReadRestrictions/CustomHeaders name ConsistencyLevel (as the
 * Graph CSDL does for directory objects), `$count`, `$search` and `$filter` with `ne`, `not` or
 * `endsWith` need `ConsistencyLevel: eventual` in the graph profile.
 */
const CUSTOM_HEADER = `
<Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions">
  <Record>
    <PropertyValue Property="CustomHeaders">
      <Collection>
        <Record>
          <PropertyValue Property="Name" String="ConsistencyLevel" />
          <PropertyValue Property="Required" Bool="false" />
          <PropertyValue Property="ExampleValues"><Collection><Record><PropertyValue Property="Value" String="eventual" /></Record></Collection></PropertyValue>
        </Record>
      </Collection>
    </PropertyValue>
  </Record>
</Annotation>`;
const { model } = build(`
<EntityType Name="user">
  <Key><PropertyRef Name="id" /></Key>
  <Property Name="id" Type="Edm.String" Nullable="false" />
  <Property Name="displayName" Type="Edm.String" />
  <NavigationProperty Name="memberOf" Type="Collection(t.user)">${CUSTOM_HEADER}</NavigationProperty>
  <NavigationProperty Name="messages" Type="Collection(t.user)" ContainsTarget="true" />
</EntityType>
<EntityContainer Name="c">
  <EntitySet Name="users" EntityType="t.user"><NavigationPropertyBinding Path="memberOf" Target="users" />${CUSTOM_HEADER}</EntitySet>
</EntityContainer>`);

const ROOT = 'https://graph.test/v1.0';
const data = { '/users': [{ id: 'a', displayName: 'Adele' }, { id: 'b', displayName: 'Bob' }] };

function service(profile: 'graph' | 'odata' = 'graph') {
  const handlers = createHandlers(model, { profile, serviceRoot: ROOT, data });
  return async (path: string, headers: Record<string, string> = {}) => {
    const response = (await getResponse(handlers, new Request(`${ROOT}${path}`, { headers })))!;
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
}

const ADVANCED = ['/users/$count', '/users?$count=true', '/users?$search="displayName:Ad"', "/users?$filter=displayName ne 'Bob'", "/users?$filter=not(startswith(displayName,'B'))", "/users?$filter=endswith(displayName,'le')", '/users/a/memberOf?$count=true'];

describe('ConsistencyLevel: eventual (graph profile)', () => {
  it.each(ADVANCED)('%s without the header: 400 Request_UnsupportedQuery; with it: 200', async (path) => {
    const get = service();
    const refused = await get(path);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('Request_UnsupportedQuery');
    expect(refused.body.error.message).toMatch(/ConsistencyLevel: eventual/);
    expect((await get(path, { ConsistencyLevel: 'eventual' })).status).toBe(200);
  });

  it('simple queries, collections without the custom header, and the odata profile need no header', async () => {
    const get = service();
    for (const path of ['/users', "/users?$filter=displayName eq 'Bob'", '/users/a', '/users/a/messages?$count=true']) expect((await get(path)).status, path).toBe(200);
    expect((await service('odata')('/users/$count')).body).toBe('2');
  });
});

const GRAPH = join(CORPUS, 'csdl/graph-v1.0.xml');
describe.skipIf(!existsSync(GRAPH))(`the Graph CSDL${existsSync(GRAPH) ? '' : ' (skipped: the shared corpus is missing)'}`, () => {
  it('names ConsistencyLevel on the directory sets and their directory navigation, not elsewhere', () => {
    const graph = loadModel({ csdl: [GRAPH] }).model;
    const routes = buildRoutes(graph.operations);
    const at = (path: string) => {
      const match = matchPath(routes, path);
      if (!match.ok) throw new Error(`${path}: ${match.message}`);
      return requiresConsistencyLevel(graph, match.target.node);
    };
    for (const path of ['/users', '/groups', '/applications', '/servicePrincipals', '/devices', '/users/x/memberOf', '/groups/x/members', '/users/x/transitiveMemberOf']) expect(at(path), path).toBe(true);
    for (const path of ['/users/x/messages', '/drives', '/users/x/events']) expect(at(path), path).toBe(false);
  }, 60_000);
});
