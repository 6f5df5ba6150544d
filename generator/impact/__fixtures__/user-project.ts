import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { diffModels } from '../../diff/diff-models.ts';
import { applyPlan } from '../../emit/output/write.ts';
import { planGenerate } from '../../emit/generate.ts';
import { loadModel } from '../../load-model.ts';
import type { Model } from '../../model/types.ts';
import type { DiffReport } from '../../diff/change.ts';

/**
 * A fixture user project made ready the way a user's is: copied to a temporary folder, with
 * the code generated from the OLD schema written into its `generated/` folder (at test time:
 * Graph's is 7 MB, too much to commit). Tests and the bench share it.
 */
export interface UserProject {
  root: string;
  tsconfig: string;
  generated: string;
  oldModel: Model;
  diff: DiffReport;
}

export function prepareUserProject(fixture: string, oldCsdl: string, newCsdl: string): UserProject {
  const root = mkdtempSync(join(tmpdir(), 'odatakit-impact-'));
  cpSync(fixture, root, { recursive: true });
  const generated = join(root, 'generated');
  const run = planGenerate({ csdl: [oldCsdl], docs: [], out: generated, include: [], emit: { ieee754Compatible: false } });
  if (!run.plan) throw new Error(`fixture: generating ${oldCsdl} failed: ${run.diagnostics.items.map((item) => item.message).join('; ')}`);
  applyPlan(run.plan);
  const newModel = loadModel({ csdl: [newCsdl] }).model;
  return { root, tsconfig: join(root, 'tsconfig.json'), generated, oldModel: run.model, diff: diffModels(run.model, newModel) };
}

export function openProject(project: UserProject): Project {
  return new Project({ tsConfigFilePath: project.tsconfig });
}

/** Removes the temporary copy (the generated Graph code is 7 MB). */
export function removeUserProject(project: UserProject): void {
  rmSync(project.root, { recursive: true, force: true });
}
