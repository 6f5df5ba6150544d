import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { build } from '../../generator/model/build/__fixtures__/edmx.ts';
import { loadModel } from '../../generator/load-model.ts';
import type { Model } from '../../generator/model/types.ts';
import { CORPUS } from '../../generator/testing/corpus.ts';
import { errorsOf, payloadValidator } from '../validation/validator.ts';
import { createHandlers } from './create-handlers.ts';

/**
 * Media entities (`HasStream="true"`), stream properties (`Edm.Stream`) and raw values of
 * primitive properties through the reference handlers, over HTTP (msw).
 */
const { model } = build(`
<EntityType Name="photo" HasStream="true">
  <Key><PropertyRef Name="Id" /></Key>
  <Property Name="Id" Type="Edm.Int64" Nullable="false" />
  <Property Name="Name" Type="Edm.String" />
</EntityType>
<EntityType Name="person">
  <Key><PropertyRef Name="UserName" /></Key>
  <Property Name="UserName" Type="Edm.String" Nullable="false" />
  <Property Name="Age" Type="Edm.Int32" />
  <Property Name="Nick" Type="Edm.String" />
  <Property Name="Secret" Type="Edm.Binary" />
  <Property Name="Emails" Type="Collection(Edm.String)" />
  <Property Name="Photo" Type="Edm.Stream" />
</EntityType>
<EntityContainer Name="c">
  <EntitySet Name="Photos" EntityType="t.photo" />
  <EntitySet Name="Frames" EntityType="t.photo">
    <Annotation Term="Org.OData.Capabilities.V1.UpdateRestrictions"><Record><PropertyValue Property="UpdateMethod" EnumMember="Org.OData.Capabilities.V1.HttpMethod/PUT" /></Record></Annotation>
  </EntitySet>
  <EntitySet Name="People" EntityType="t.person" />
</EntityContainer>`);

const ROOT = 'https://media.test/svc';
const DATA = { '/Photos': [{ Id: 1, Name: 'lake' }], '/Frames': [{ Id: 1, Name: 'lake' }], '/People': [{ UserName: 'a', Age: 42, Nick: null, Secret: 'AQID', Emails: ['a@x'] }] };

function service(of: Model = model, data: Record<string, unknown> = DATA) {
  const handlers = createHandlers(of, { profile: 'odata', serviceRoot: ROOT, data });
  return async (method: string, path: string, body?: BodyInit, contentType?: string) => {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = body;
    if (contentType) init.headers = { 'Content-Type': contentType };
    return (await getResponse(handlers, new Request(`${ROOT}${path}`, init)))!;
  };
}

describe('a media entity: /$value', () => {
  it('has no media until one is PUT (204), then answers its bytes with their content type and ETag', async () => {
    const send = service();
    expect((await send('GET', '/Photos(1)/$value')).status).toBe(204);
    const put = await send('PUT', '/Photos(1)/$value', new Uint8Array([137, 80, 78, 71]), 'image/png');
    expect(put.status).toBe(204);
    const etag = put.headers.get('ETag');
    expect(etag).toMatch(/^W\/"/);
    const got = await send('GET', '/Photos(1)/$value');
    expect(got.status).toBe(200);
    expect(got.headers.get('Content-Type')).toBe('image/png');
    expect(got.headers.get('ETag')).toBe(etag);
    expect([...new Uint8Array(await got.arrayBuffer())]).toEqual([137, 80, 78, 71]);
  });

  it('the entity carries the media annotations (OData JSON Format 4.01, media control information)', async () => {
    const send = service();
    const before = await (await send('GET', '/Photos(1)')).json();
    expect(before).toMatchObject({ '@odata.mediaReadLink': `${ROOT}/Photos(1)/$value`, '@odata.mediaEditLink': `${ROOT}/Photos(1)/$value` });
    expect(before).not.toHaveProperty('@odata.mediaContentType');
    await send('PUT', '/Photos(1)/$value', 'hello', 'text/plain');
    const after = await (await send('GET', '/Photos(1)?$select=Name')).json();
    expect(after).toMatchObject({ '@odata.mediaContentType': 'text/plain', Name: 'lake' });
    expect(after['@odata.mediaEtag']).toMatch(/^W\//);
    const listed = await (await send('GET', '/Photos')).json();
    expect(listed.value[0]).toMatchObject({ '@odata.mediaReadLink': `${ROOT}/Photos(1)/$value`, '@odata.mediaContentType': 'text/plain' });
    // A filter over a media entity still sees only its properties.
    expect((await (await send('GET', "/Photos?$filter=Name eq 'lake'")).json()).value).toHaveLength(1);
  });

  it('keeps the media through a PUT or PATCH of the properties; the annotated entity is a valid read payload', async () => {
    const send = service();
    await send('PUT', '/Frames(1)/$value', 'y', 'text/plain');
    expect((await send('PUT', '/Frames(1)', JSON.stringify({ Id: 1, Name: 'pond' }), 'application/json')).status).toBe(204);
    expect(await (await send('GET', '/Frames(1)/$value')).text()).toBe('y');
    await send('PUT', '/Photos(1)/$value', 'x', 'text/plain');
    expect((await send('PATCH', '/Photos(1)', JSON.stringify({ Name: 'sea' }), 'application/json')).status).toBe(204);
    expect(await (await send('GET', '/Photos(1)/$value')).text()).toBe('x');
    const body = await (await send('GET', '/Photos(1)')).json();
    expect(body).toMatchObject({ Name: 'sea', '@odata.mediaContentType': 'text/plain' });
    expect(errorsOf(payloadValidator(model).validate('test.ns.photo', body, 'read'))).toEqual([]);
  });

  it('refuses other methods (405), a missing entity (404) and $value of an entity that is no media entity (400)', async () => {
    const send = service();
    const post = await send('POST', '/Photos(1)/$value', 'x', 'text/plain');
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, PUT');
    expect((await send('GET', '/Photos(9)/$value')).status).toBe(404);
    const plain = await send('GET', "/People('a')/$value");
    expect(plain.status).toBe(400);
    expect((await plain.json()).error.message).toMatch(/no media entity/);
  });

  it('an entity deleted and created again has no media', async () => {
    const send = service();
    await send('PUT', '/Photos(1)/$value', 'x', 'text/plain');
    expect((await send('DELETE', '/Photos(1)')).status).toBe(204);
    expect((await send('POST', '/Photos', JSON.stringify({ Id: 1, Name: 'again' }), 'application/json')).status).toBe(201);
    expect((await send('GET', '/Photos(1)/$value')).status).toBe(204);
  });
});

describe('a stream property', () => {
  it('is read and written at its URL and at its /$value, and named in the entity by its annotations', async () => {
    const send = service();
    expect((await send('GET', "/People('a')/Photo")).status).toBe(204);
    expect((await send('PUT', "/People('a')/Photo/$value", new Uint8Array([1, 2, 3]), 'image/jpeg')).status).toBe(204);
    for (const path of ["/People('a')/Photo", "/People('a')/Photo/$value"]) {
      const got = await send('GET', path);
      expect(got.headers.get('Content-Type')).toBe('image/jpeg');
      expect([...new Uint8Array(await got.arrayBuffer())]).toEqual([1, 2, 3]);
    }
    const person = await (await send('GET', "/People('a')")).json();
    expect(person).toMatchObject({ 'Photo@odata.mediaReadLink': `${ROOT}/People('a')/Photo`, 'Photo@odata.mediaContentType': 'image/jpeg' });
    expect(person).not.toHaveProperty('@odata.mediaReadLink');
    expect((await send('DELETE', "/People('a')/Photo")).status).toBe(204);
    expect((await send('GET', "/People('a')/Photo/$value")).status).toBe(204);
    expect(await (await send('GET', "/People('a')")).json()).not.toHaveProperty('Photo@odata.mediaContentType');
  });
});

describe('a primitive property and its raw value', () => {
  it('GET of a property gives { value }; of its $value the text; null is 204 (OData Protocol 4.01 section 11.2.4.1)', async () => {
    const send = service();
    const age = await send('GET', "/People('a')/Age");
    expect(await age.json()).toEqual({ '@odata.context': `${ROOT}/$metadata#People('a')/Age`, value: 42 });
    const raw = await send('GET', "/People('a')/Age/$value");
    expect(raw.headers.get('Content-Type')).toMatch(/^text\/plain/);
    expect(await raw.text()).toBe('42');
    expect((await send('GET', "/People('a')/Nick")).status).toBe(204);
    expect((await send('GET', "/People('a')/Nick/$value")).status).toBe(204);
    const binary = await send('GET', "/People('a')/Secret/$value");
    expect(binary.headers.get('Content-Type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await binary.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('$value of a collection is a bad request; an unknown property is not found; writes are not implemented', async () => {
    const send = service();
    expect((await send('GET', "/People('a')/Emails")).status).toBe(200);
    expect((await send('GET', "/People('a')/Emails/$value")).status).toBe(400);
    expect((await send('GET', "/People('a')/Nope/$value")).status).toBe(404);
    expect((await send('GET', "/People('zz')/Age/$value")).status).toBe(404);
    expect((await send('PUT', "/People('a')/Age/$value", '3', 'text/plain')).status).toBe(501);
  });
});

const TRIPPIN = join(CORPUS, 'csdl-other/trippin.xml');
describe.skipIf(!existsSync(TRIPPIN))(`TripPin's Person/Photo (Edm.Stream)${existsSync(TRIPPIN) ? '' : ' (skipped: the shared corpus is missing)'}`, () => {
  it('takes and gives back a photo; FirstName/$value is text', async () => {
    const trippin = loadModel({ csdl: [TRIPPIN] }).model;
    const send = service(trippin, { '/People': [{ UserName: 'russellwhyte', FirstName: 'Russell', LastName: 'Whyte', Gender: 'Male', Emails: [], AddressInfo: [], Features: [], FavoriteFeature: 'Feature1' }] });
    expect((await send('PUT', "/People('russellwhyte')/Photo", new Uint8Array([255, 216]), 'image/jpeg')).status).toBe(204);
    const photo = await send('GET', "/People('russellwhyte')/Photo/$value");
    expect(photo.headers.get('Content-Type')).toBe('image/jpeg');
    expect(await (await send('GET', "/People('russellwhyte')/FirstName/$value")).text()).toBe('Russell');
    expect(await (await send('GET', "/Me/Photo")).status).toBe(204);
  });
});

const GRAPH = join(CORPUS, 'csdl/graph-v1.0.xml');
describe.skipIf(!existsSync(GRAPH))(`Graph: a user's photo (profilePhoto, HasStream) and a driveItem's content (Edm.Stream)${existsSync(GRAPH) ? '' : ' (skipped: the shared corpus is missing)'}`, () => {
  it('PUT and GET /me/photo/$value, the photo annotated; PUT and GET .../items/{id}/content', async () => {
    const graph = loadModel({ csdl: [GRAPH] }).model;
    const handlers = createHandlers(graph, { profile: 'lenient', data: { '/drives': [{ id: 'd1' }], '/drives/d1/items': [{ id: 'i1', name: 'a.txt' }] } });
    const send = async (method: string, path: string, body?: string, type?: string) =>
      (await getResponse(handlers, new Request(`https://graph.microsoft.com/v1.0${path}`, { method, ...(body !== undefined && { body, headers: { 'Content-Type': type! } }) })))!;
    expect((await send('PUT', '/me/photo/$value', 'jpeg bytes', 'image/jpeg')).status).toBe(204);
    const photo = await send('GET', '/me/photo/$value');
    expect([photo.status, photo.headers.get('Content-Type'), await photo.text()]).toEqual([200, 'image/jpeg', 'jpeg bytes']);
    expect(await (await send('GET', '/me/photo')).json()).toMatchObject({ '@odata.mediaReadLink': 'https://graph.microsoft.com/v1.0/me/photo/$value', '@odata.mediaContentType': 'image/jpeg' });
    expect((await send('PUT', '/drives/d1/items/i1/content', 'hello', 'text/plain')).status).toBe(204);
    expect(await (await send('GET', '/drives/d1/items/i1/content')).text()).toBe('hello');
    expect(await (await send('GET', '/drives/d1/items/i1')).json()).toMatchObject({ 'content@odata.mediaReadLink': "https://graph.microsoft.com/v1.0/drives('d1')/items('i1')/content" });
  }, 60_000);
});
