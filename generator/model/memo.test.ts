import { describe, expect, it } from 'vitest';
import { memo } from './memo.ts';

describe('memo', () => {
  it('makes a value once per key and keeps it', () => {
    const map = new Map<string, number>();
    let made = 0;
    const make = () => ++made;
    expect(memo(map, 'a', make)).toBe(1);
    expect(memo(map, 'a', make)).toBe(1);
    expect(memo(map, 'b', make)).toBe(2);
    expect(made).toBe(2);
  });

  it('keeps undefined as an answer, and works over a WeakMap', () => {
    const map = new Map<string, undefined>();
    let made = 0;
    memo(map, 'x', () => void made++);
    memo(map, 'x', () => void made++);
    expect(made).toBe(1);
    const weak = new WeakMap<object, string[]>();
    const key = {};
    expect(memo(weak, key, () => [])).toBe(memo(weak, key, () => ['other']));
  });
});
