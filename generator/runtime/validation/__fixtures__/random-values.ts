import { validDog } from './zoo.ts';

/**
 * Random values for fuzz tests of the engine (and of the generated acceptors beside it):
 * JSON of the zoo schema's shapes, mixed with values that are not JSON (undefined, NaN).
 */
const KEYS = ['id', 'name', 'tags', 'home', 'friends', 'owner', '@odata.type', '@odata.count', 'owner@odata.bind', 'size', 'traits', '__proto__', 'constructor', 'value', 'a/b', '~', ''];
const STRINGS = ['', 'x', '#zoo.dog', '#zoo.cat', 'zoo.keeper', '#Edm.String', 'loud,fluffy', 'huge', '2024-01-01T00:00:00Z', 'NaN', '\u0000', '\ud800'];

/** Mulberry32: a small seeded generator, so a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(next: () => number, depth: number): unknown {
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

