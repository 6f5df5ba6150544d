import { describe, expect, it } from 'vitest';
import { generate, random } from './__fixtures__/random-values.ts';
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
