import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL } from '../testing/corpus.ts';
import { typeCheckOutput } from '../testing/typecheck.ts';
import { planGenerate, type GenerateRun } from './generate.ts';
import { applyPlan } from './output.ts';

/**
 * The whole of Microsoft Graph v1.0 through every registered emitter: it generates, the
 * output passes `tsc --strict` and the other strictest flags (STRICT_OPTIONS; the output of
 * odata2ts and of the SAP Cloud SDK generator for this file does not pass `--strict` alone),
 * and two runs are byte-identical. Takes ~30 s, once.
 */
describe.skipIf(!corpusAvailable)(`generate all of Graph v1.0${CORPUS_SKIP_REASON}`, () => {
  let root: string;
  let first: GenerateRun;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'odatakit-graph-'));
    first = planGenerate({ csdl: [GRAPH_CSDL], docs: [], out: join(root, 'out'), include: [], emit: { ieee754Compatible: false } });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('generates without errors', () => {
    expect(first.diagnostics.items.filter((item) => item.severity === 'error')).toEqual([]);
    expect(first.plan!.problems).toEqual([]);
    expect(first.plan!.files.map((file) => file.path)).toContain('types.gen.ts');
  });

  it('is byte-identical on a second run', () => {
    const second = planGenerate({ csdl: [GRAPH_CSDL], docs: [], out: join(root, 'out'), include: [], emit: { ieee754Compatible: false } });
    const contents = (run: GenerateRun) => run.plan!.files.map((file) => [file.path, file.content]);
    expect(contents(second)).toEqual(contents(first));
    expect(second.plan!.manifest.content).toBe(first.plan!.manifest.content);
  });

  it('passes tsc --noEmit with the strictest flags', () => {
    applyPlan(first.plan!);
    const out = join(root, 'out');
    const files = readdirSync(out, { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));
    expect(typeCheckOutput(out, files)).toEqual([]);
  });
});
