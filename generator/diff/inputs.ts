import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import type { ModelInputs } from '../load-model.ts';

/** The inputs of each side as given: plain paths, and the explicit `--old-csdl`-style lists. */
export interface DiffArguments {
  paths: string[];
  oldCsdl: string[];
  oldDocs: string[];
  newCsdl: string[];
  newDocs: string[];
}

export interface DiffSides {
  old: Required<Pick<ModelInputs, 'csdl' | 'docs'>>;
  new: Required<Pick<ModelInputs, 'csdl' | 'docs'>>;
}

const ARGUMENTS = { file: '<arguments>', line: 1, column: 1 };

/**
 * Sorts the arguments into the two sides. Plain paths fill, in order, the sides that have no
 * explicit option (`diff a.xml --new-csdl b.xml` puts a.xml on the old side). A plain path is
 * CSDL when it ends in .xml or .edmx, docs when it ends in .md or is a folder.
 * Throws UserInputError when a side ends up empty or a path is neither.
 */
export function resolveSides(args: DiffArguments): DiffSides {
  const sides: DiffSides = {
    old: { csdl: [...args.oldCsdl], docs: [...args.oldDocs] },
    new: { csdl: [...args.newCsdl], docs: [...args.newDocs] },
  };
  const open = (['old', 'new'] as const).filter((side) => sides[side].csdl.length + sides[side].docs.length === 0);
  const problems: Diagnostic[] = [];
  if (args.paths.length > open.length) {
    problems.push(
      createDiagnostic('input/extra-argument', ARGUMENTS, {
        path: args.paths.slice(open.length).join(' '),
        reason: 'both sides already have their inputs',
      }),
    );
  }
  const refused = new Set<string>();
  args.paths.slice(0, open.length).forEach((path, index) => {
    const kind = classifyPath(path);
    if (typeof kind === 'string') sides[open[index]!][kind].push(path);
    else {
      problems.push(kind);
      refused.add(open[index]!);
    }
  });
  for (const side of ['old', 'new'] as const) {
    if (sides[side].csdl.length + sides[side].docs.length > 0 || refused.has(side)) continue;
    problems.push(
      createDiagnostic('input/not-found', ARGUMENTS, {
        path: `the ${side} schema`,
        reason: `give <${side}>, --${side}-csdl or --${side}-docs`,
      }),
    );
  }
  if (problems.length > 0) throw new UserInputError(problems);
  return sides;
}

function classifyPath(path: string): 'csdl' | 'docs' | Diagnostic {
  const extension = extname(path).toLowerCase();
  if (extension === '.xml' || extension === '.edmx') return 'csdl';
  if (extension === '.md') return 'docs';
  try {
    if (statSync(path).isDirectory()) return 'docs';
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
    return createDiagnostic('input/not-found', { file: path, line: 1, column: 1 }, { path, reason });
  }
  return createDiagnostic('input/unsupported', { file: path, line: 1, column: 1 }, { path });
}
