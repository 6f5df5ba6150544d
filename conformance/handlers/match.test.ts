import { describe, expect, it } from 'vitest';
import type { Operation, PathSegment } from '../../generator/model/types.ts';
import { matchPath } from './match.ts';
import { buildRoutes } from './routes.ts';

function operation(method: Operation['method'], segments: PathSegment[]): Operation {
  return { id: `${method} x`, method, path: 'x', segments, intent: 'read', successStatus: 200, statusSource: 'default', origin: ['csdl'], sources: [] };
}

const users: PathSegment = { kind: 'entitySet', name: 'users', type: 'n.user' };
const key: PathSegment = { kind: 'key', keyProperties: ['id'], placeholders: ['id'], type: 'n.user' };
const orders: PathSegment = { kind: 'entitySet', name: 'orders', type: 'n.order' };
const orderKey: PathSegment = { kind: 'key', keyProperties: ['shop', 'number'], placeholders: ['shop', 'number'], type: 'n.order' };
const delta: PathSegment = { kind: 'function', name: 'n.delta', parameters: [], placeholders: [] };
const range: PathSegment = { kind: 'function', name: 'n.range', parameters: ['address'], placeholders: ['address'] };
const routes = buildRoutes([
  operation('GET', [users]),
  operation('GET', [users, key]),
  operation('GET', [users, delta]),
  operation('GET', [users, key, range]),
  operation('GET', [orders, orderKey]),
]);

describe('matchPath', () => {
  it.each([
    ['/users', '', undefined, undefined],
    ['/users/a', '/users/a', { id: 'a' }, undefined],
    ["/users('a')", '/users/a', { id: 'a' }, undefined],
    ["/users(id='it''s')", "/users/it's", { id: "it's" }, undefined],
    ['/users/a%2Fb', '/users/a%2Fb', { id: 'a/b' }, undefined],
    ['/USERS/a', '/users/a', { id: 'a' }, undefined],
    ["/orders(shop='x',number=5)", '/orders/shop=x,number=5', { shop: 'x', number: '5' }, undefined],
    ['/users/n.delta()', '/users', undefined, {}],
    ['/users/delta()', '/users', undefined, {}],
    ["/users/a/n.range(address='A1:B2')", '/users/a', undefined, { address: 'A1:B2' }],
  ])('%s', (path, canonical, keys, args) => {
    const match = matchPath(routes, path);
    expect(match.ok).toBe(true);
    if (!match.ok) return;
    expect(match.target.path).toBe(canonical === '' ? '/users' : canonical);
    expect(match.target.keys).toEqual(keys);
    expect(match.target.args).toEqual(args);
  });

  it('ends a collection with /$count', () => {
    const match = matchPath(routes, '/users/$count');
    expect(match.ok && match.count).toBe(true);
  });

  it.each([
    ['/nothing', 404],
    ['/users/a/nothing', 404],
    ["/orders('only-one-part')", 400],
    ['/users/%E0%A4%A', 400],
    ['/users/a/$ref', 501],
  ])('refuses %s with %i', (path, status) => {
    const match = matchPath(routes, path);
    expect(match.ok ? 200 : match.status).toBe(status);
  });
});
