import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fullGarbageCollection } from './garbage-collection.ts';

describe('fullGarbageCollection', () => {
  it('collects an object nothing refers to any more', async () => {
    const collect = fullGarbageCollection();
    expect(collect).toBeTypeOf('function');
    let held: object | undefined = { payload: new Array(1000).fill('x') };
    const reference = new WeakRef(held);
    held = undefined;
    // A WeakRef keeps its target for the rest of the job that made it.
    await nextTurn();
    collect!();
    expect(reference.deref()).toBeUndefined();
  });

  it('leaves gc unexposed to contexts made afterwards', async () => {
    fullGarbageCollection();
    const { runInNewContext } = await import('node:vm');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
