import { describe, expect, it } from 'vitest';
import { validDog, ZOO } from './__fixtures__/zoo.ts';
import { createEngine } from './engine.ts';
import type { ValidationIssue, ValidationMode } from './types.ts';

/**
 * Random JSON (and some values that are not JSON) never makes the engine throw, and every
 * issue it reports is well-formed and points at a place that exists in the value.
 */
const engine = createEngine(ZOO);
const TYPES = [...Object.keys(ZOO.types), 'zoo.dog', '#zoo.animal', 'Collection(zoo.cat)', 'Edm.Int64', 'Edm.Untyped', 'nothing', ''];
const MODES: ValidationMode[] = ['read', 'create', 'update'];
const KEYS = ['id', 'name', 'tags', 'home', 'friends', 'owner', '@odata.type', '@odata.count', 'owner@odata.bind', 'size', 'traits', '__proto__', 'constructor', 'value', 'a/b', '~', ''];
const STRINGS = ['', 'x', '#zoo.dog', '#zoo.cat', 'zoo.keeper', '#Edm.String', 'loud,fluffy', 'huge', '2024-01-01T00:00:00Z', 'NaN', '\u0000', '\ud800'];

/** Mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const roll = next();
  if (depth > 6 || roll < 0.35) {
    return pick([null, true, false, 0, -1, 1.5, 2 ** 40, 1e308, Number.NaN, undefined, pick(STRINGS), pick(STRINGS)]);
  }
  if (roll < 0.55) return Array.from({ length: Math.floor(next() * 4) }, () => generate(next, depth + 1));
  const object: Record<string, unknown> = next() < 0.3 ? validDog() : {};
  for (let i = Math.floor(next() * 5); i > 0; i--) {
    // defineProperty keeps `__proto__` an own data property, as JSON.parse makes it.
    Object.defineProperty(object, pick(KEYS), { value: generate(next, depth + 1), enumerable: true, configurable: true, writable: true });
  }
  return object;
}

function resolves(value: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let current: unknown = value;
  for (const token of pointer.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

function wellFormed(issue: ValidationIssue): boolean {
  return (
    (issue.path === '' || issue.path.startsWith('/')) &&
    (issue.severity === 'error' || issue.severity === 'warning') &&
    typeof issue.code === 'string' &&
    typeof issue.expected === 'string' &&
    typeof issue.received === 'string' &&
    issue.received.length < 200 &&
    typeof issue.message === 'string'
  );
}

describe('fuzz', () => {
  it('random values never throw; issues are well-formed and point into the value', () => {
    const next = random(20261127);
    let issues = 0;
    for (let run = 0; run < 5000; run++) {
      const value = generate(next, 0);
      const type = TYPES[run % TYPES.length]!;
      const mode = MODES[run % 3]!;
      const found = engine.validate(type, value, mode, { collection: run % 7 === 0 });
      issues += found.length;
      for (const issue of found) {
        expect(wellFormed(issue), JSON.stringify(issue)).toBe(true);
        if (issue.code !== 'limit') expect(resolves(value, issue.path), `${type} ${issue.path}`).toBe(true);
      }
    }
    expect(issues).toBeGreaterThan(1000);
  });

  it('mutations of a valid payload are found at the mutated place', () => {
    const next = random(7);
    for (let run = 0; run < 500; run++) {
      const dog = validDog();
      const keys = Object.keys(dog).filter((key) => !key.startsWith('@') && !key.includes('@'));
      const key = keys[Math.floor(next() * keys.length)]!;
      dog[key] = { unexpected: [true] };
      const paths = engine.validate('zoo.dog', dog, 'read').map((issue) => issue.path);
      expect(paths.some((path) => path === `/${key}` || path.startsWith(`/${key}/`)), key).toBe(true);
    }
  });
});
