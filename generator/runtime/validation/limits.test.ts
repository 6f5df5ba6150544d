import { describe, expect, it } from 'vitest';
import { DOG_ID, validDog, ZOO } from './__fixtures__/zoo.ts';
import { createEngine } from './engine.ts';
import type { ValidateOptions, ValidationMode } from './types.ts';

/** Hostile and non-JSON input: validation returns issues, never throws, never runs away. */
const engine = createEngine(ZOO);
const found = (value: unknown, options?: ValidateOptions, mode: ValidationMode = 'read', type = 'zoo.dog') =>
  engine.validate(type, value, mode, options).map((issue) => `${issue.path} ${issue.code}`);

function chain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { '@odata.type': '#zoo.cat', id: DOG_ID };
  for (let i = 0; i < depth; i++) node = { '@odata.type': '#zoo.dog', friends: [node] };
  return node;
}

describe('limits', () => {
  it('stops at the nesting limit', () => {
    expect(found(chain(10))).toEqual([]);
    const issues = found(chain(200));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^(\/friends\/0){64} limit$/);
    expect(found(chain(10), { maxDepth: 5 })).toHaveLength(1);
  });

  it('terminates on cycles', () => {
    const cyclic: Record<string, unknown> = { '@odata.type': '#zoo.dog' };
    cyclic.friends = [cyclic];
    cyclic.home = { street: 'x' };
    expect(found(cyclic).at(-1)).toMatch(/limit$/);
  });

  it('shared references cannot blow up: the node budget holds', () => {
    let node: Record<string, unknown> = { '@odata.type': '#zoo.cat' };
    for (let i = 0; i < 40; i++) node = { '@odata.type': '#zoo.dog', friends: [node, node] };
    expect(found(node, { maxNodes: 10_000 }).at(-1)).toMatch(/limit$/);
  });

  it('stops after maxIssues and says so', () => {
    const issues = engine.validate('zoo.dog', { tags: Array.from({ length: 100_000 }, (_, i) => i) }, 'read');
    expect(issues).toHaveLength(1001);
    expect(issues.at(-1)).toMatchObject({ code: 'limit', path: '/tags/1000' });
    expect(engine.validate('zoo.dog', { tags: [1, 2, 3, 4] }, 'read', { maxIssues: 2 })).toHaveLength(3);
  });

  it('once maxIssues holds an error, stops at the next value instead of searching for one more issue', () => {
    const first = (value: unknown) => found(value, { maxIssues: 1 });
    // Like ajv without allErrors: the first error, then where the walk stopped.
    expect(first({ tags: ['a', 1, 'b', 'c'] })).toEqual(['/tags/1 type', '/tags/2 limit']);
    expect(first({ name: 5, tags: ['a'] })).toEqual(['/name type', '/tags limit']);
    // Nothing left to visit: no limit issue.
    expect(first({ tags: ['a', 'b', 1] })).toEqual(['/tags/2 type']);
    // Warnings do not settle the outcome: the walk goes on until one more issue.
    expect(first({ nope: 1, tags: ['a', 'b'], x: 1 })).toEqual(['/nope unknown-property', '/x limit']);
  });

  it('walks huge arrays and long strings in linear time', () => {
    const started = performance.now();
    expect(found({ tags: Array.from({ length: 1_000_000 }, () => 'tag') })).toEqual([]);
    expect(found({ code: 'x'.repeat(10_000_000) })).toEqual(['/code facet']);
    expect(found({ tags: new Array(50_000_000) }, { maxNodes: 1_000_000 }).at(-1)).toMatch(/limit$/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('values that are not JSON', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
    ['NaN', Number.NaN],
    ['a Date', new Date(0)],
    ['a Map', new Map([['id', 1]])],
    ['a class instance', new (class Dog { id = DOG_ID })()],
    ['a null-prototype object', Object.assign(Object.create(null), { '@odata.type': '#zoo.dog', id: DOG_ID })],
    ['a frozen object', Object.freeze(validDog())],
    ['a typed array', new Uint8Array(4)],
    ['a sparse array', [, , 1]],
  ])('%s at the root and in properties', (_name, value) => {
    for (const mode of ['read', 'create', 'update'] as const) {
      expect(() => engine.validate('zoo.dog', value, mode)).not.toThrow();
      expect(() => engine.validate('zoo.dog', { name: value, tags: [value], home: value, size: value, rank: value, friends: [value] }, mode)).not.toThrow();
      expect(() => engine.validate('Edm.Int32', value, mode, { collection: true })).not.toThrow();
    }
  });

  it('reads own keys only, as Object.keys does, whatever the prototype', () => {
    const inheriting = (own: Record<string, unknown>) => Object.assign(Object.create({ nope: 1, '@odata.type': '#zoo.cat' }), own);
    expect(found(inheriting({ name: 5 }))).toEqual(['/name type']);
    expect(found(inheriting({}))).toEqual([]);
    expect(found({ home: inheriting({ street: 1 }) })).toEqual(['/home/street type']);
    expect(found(inheriting({ tags: ['a', 1, 2] }), { maxIssues: 1 })).toEqual(['/tags/1 type', '/tags/2 limit']);
  });

  it('reports values as non-JSON where they are', () => {
    expect(found({ name: undefined, tags: [() => 1], rank: 10n })).toEqual(['/name type', '/tags/0 type', '/rank type']);
  });

  it('a throwing getter or proxy becomes an unreadable issue at its path', () => {
    const getter = Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new Error('nope'); } });
    expect(found(getter)).toEqual(['/name unreadable']);
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(found({ home: proxy })).toEqual(['/home unreadable']);
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(found(revoked)).toEqual([' unreadable']);
    expect(found({ tags: revoked })).toEqual(['/tags unreadable']);
  });

  it('a throwing getter before @odata.type: the type is still checked first', () => {
    const getterThenType = () =>
      Object.defineProperty(Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new Error('nope'); } }), '@odata.type', { value: '#zoo.keeper', enumerable: true });
    expect(found(getterThenType())).toEqual(['/@odata.type not-derived', '/name unreadable']);
    expect(found({ home: getterThenType() })).toEqual(['/home/@odata.type not-derived', '/home/name unreadable']);
  });

  it('arguments from JavaScript callers that break the types', () => {
    expect(() => engine.validate(undefined as unknown as string, {}, 'read')).not.toThrow();
    expect(found({}, undefined, 'read', 5 as unknown as string)).toEqual([' unknown-type']);
    expect(() => engine.validate('zoo.dog', {}, 'read', { maxIssues: -1, maxDepth: Number.NaN, maxNodes: 0 })).not.toThrow();
    expect(() => engine.validate('zoo.dog', {}, 'read', null as unknown as ValidateOptions)).not.toThrow();
  });
});
