import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/corpus.ts';
import { planGenerate } from './generate.ts';

const EXAMPLE = join(PROJECT_ROOT, 'examples/csdl/cross-tenant-sync.xml');

describe('planGenerate', () => {
  it('calls collectGarbage once per run', () => {
    let calls = 0;
    const run = planGenerate({
      csdl: [EXAMPLE],
      docs: [],
      out: join(PROJECT_ROOT, 'generated'),
      include: [],
      emit: { ieee754Compatible: false },
      collectGarbage: () => calls++,
    });
    expect(calls).toBe(1);
    expect(run.plan!.files.length).toBeGreaterThan(5);
  });
});
