import { sep } from 'node:path';
import { ts, type Project } from 'ts-morph';
import { compareChanges, summarize } from '../diff/diff-models.ts';
import type { Change, DiffReport } from '../diff/change.ts';
import type { Model } from '../model/types.ts';
import { ChangeIndex } from './change-index.ts';
import type { ImpactContext } from './context.ts';
import { visitEnums } from './enums.ts';
import type { ImpactFinding, ImpactReport } from './finding.ts';
import { mapGeneratedCode } from './generated-code.ts';
import { visitProperties } from './properties.ts';
import { visitRequests } from './request-builders.ts';
import { visitTypeReferences } from './types.ts';
import { visitValidators } from './validators.ts';

export interface ImpactInput {
  /** The user's project, compiled against the generated code of the old schema. */
  project: Project;
  /** The folder of that generated code. */
  generatedDir: string;
  /** The model the generated code came from (the old side of the diff). */
  oldModel: Model;
  diff: DiffReport;
  /** Finding paths are relative to it. */
  cwd: string;
}

const VISITORS = [visitProperties, visitTypeReferences, visitEnums, visitRequests, visitValidators];

/**
 * Every use, in the project's own source files, of what a breaking or dangerous change
 * touches. One walk per file; each kind of use looks at the nodes it knows.
 */
export function analyzeImpact(input: ImpactInput): ImpactReport {
  const generated = mapGeneratedCode(input.oldModel, input.generatedDir);
  const program = input.project.getProgram().compilerObject;
  const context: ImpactContext = {
    ts,
    checker: program.getTypeChecker(),
    generated,
    changes: new ChangeIndex(input.diff),
    oldModel: input.oldModel,
    cwd: input.cwd,
    findings: [],
    programFile: (path) => program.getSourceFile(path),
  };
  const files = userFiles(program, generated.dir);
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      for (const visitor of VISITORS) visitor(context, node);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return impactReport(input.diff, context.changes.relevant, unique(context.findings), files.length);
}

/** The project's own files: not the generated code, not declaration files, not dependencies. */
export function userFiles(program: ts.Program, generatedDir: string): ts.SourceFile[] {
  const prefix = `${generatedDir.split(sep).join('/')}/`;
  return program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !file.fileName.startsWith(prefix) && !file.fileName.includes('/node_modules/'));
}

/** Whether the program reaches the generated code at all: without it there is nothing to find. */
export function usesGeneratedCode(program: ts.Program, generatedDir: string): boolean {
  const prefix = `${generatedDir.split(sep).join('/')}/`;
  return program.getSourceFiles().some((file) => file.fileName.startsWith(prefix));
}

function impactReport(diff: DiffReport, relevant: Change[], findings: ImpactFinding[], files: number): ImpactReport {
  const counts = new Map<Change, number>();
  for (const finding of findings) counts.set(finding.change, (counts.get(finding.change) ?? 0) + 1);
  const changes = relevant.filter((change) => counts.has(change)).map((change) => ({ change, findings: counts.get(change)! }));
  return {
    findings,
    changes,
    summary: summarize(changes.map((item) => item.change)),
    unused: relevant.length - changes.length,
    files,
    diff,
  };
}

/** One finding per place and change, sorted by place, then as the diff sorts changes. */
function unique(findings: ImpactFinding[]): ImpactFinding[] {
  const seen = new Set<string>();
  const kept: ImpactFinding[] = [];
  for (const finding of findings) {
    const key = `${finding.file}:${finding.line}:${finding.column}\u0000${finding.change.kind}\u0000${finding.change.target}\u0000${finding.change.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(finding);
  }
  return kept.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || compareChanges(a.change, b.change),
  );
}
