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

  it('uses the process\'s own gc when Node was started with --expose-gc, and leaves the flag on', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = [
      `const { fullGarbageCollection } = await import(${JSON.stringify(new URL('./garbage-collection.ts', import.meta.url).href)});`,
      'const collect = fullGarbageCollection();',
      'collect();',
      "const { runInNewContext } = await import('node:vm');",
      "process.stdout.write(typeof collect + ' ' + runInNewContext('typeof gc'));",
    ].join('\n');
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('function function');
  });

  it('leaves gc unexposed to contexts made afterwards', async () => {
    fullGarbageCollection();
    const { runInNewContext } = await import('node:vm');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
