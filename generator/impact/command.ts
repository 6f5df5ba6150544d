import { existsSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Project } from 'ts-morph';
import { readGenerateConfig } from '../cli/config.ts';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import type { DiffReport } from '../diff/change.ts';
import { includeOnly } from '../emit/include.ts';
import { hashInput } from '../emit/output/hash.ts';
import { MANIFEST_FILE, readManifest } from '../emit/output/manifest.ts';
import type { Model } from '../model/types.ts';
import { analyzeImpact, usesGeneratedCode } from './analyze.ts';
import type { ImpactReport } from './finding.ts';
import { formatImpactJson } from './format/json.ts';
import { formatImpactMarkdown } from './format/markdown.ts';
import { formatImpactSarif } from './format/sarif.ts';
import { formatImpactText } from './format/text.ts';
import { hasGeneratedTypes } from './generated-code.ts';

/**
 * `odatakit diff <old> <new> --impact <tsconfig.json> [--generated <dir>]`: the CLI side.
 * Only this module loads ts-morph (the diff command imports it on demand), so no other
 * command pays for the compiler.
 */
export interface ImpactRun {
  tsconfig: string;
  /** The generated code the project compiles against; default: `generate.out` of odatakit.config.json. */
  generated?: string;
  cwd: string;
  oldModel: Model;
  /** The inputs of the old side, to tell whether the generated code came from them. */
  oldInputs: string[];
  diff: DiffReport;
}

export interface ImpactResult {
  report: ImpactReport;
  warnings: Diagnostic[];
}

export function runImpact(run: ImpactRun): ImpactResult {
  const given = resolve(run.cwd, generatedFolder(run));
  const tsconfig = resolve(run.cwd, run.tsconfig);
  const project = openProject(tsconfig);
  // The compiler may see the folder by its real path (imports resolved through a symbolic link) or as given.
  const program = project.getProgram().compilerObject;
  const generatedDir = [given, realpathSync(given)].find((dir) => usesGeneratedCode(program, dir));
  if (generatedDir === undefined) {
    throw new UserInputError([createDiagnostic('impact/generated-not-used', at(tsconfig), { path: run.tsconfig, dir: given })]);
  }
  const { model, warnings } = generatedModel(run, generatedDir);
  const report = analyzeImpact({ project, generatedDir, oldModel: model, diff: run.diff, cwd: run.cwd });
  return { report, warnings };
}

function generatedFolder(run: ImpactRun): string {
  const folder = run.generated ?? readGenerateConfig(run.cwd).out;
  if (folder === undefined || !hasGeneratedTypes(resolve(run.cwd, folder))) {
    const dir = resolve(run.cwd, folder ?? '.');
    throw new UserInputError([
      createDiagnostic('impact/no-generated-code', at(dir), {
        dir,
        reason: folder === undefined ? 'no --generated and no "generate.out" in odatakit.config.json' : 'it has no types.gen.ts',
      }),
    ]);
  }
  return folder;
}

function openProject(tsconfig: string): Project {
  if (!existsSync(tsconfig) || !statSync(tsconfig).isFile()) {
    throw new UserInputError([createDiagnostic('impact/unusable-tsconfig', at(tsconfig), { path: tsconfig, reason: 'no such file' })]);
  }
  try {
    return new Project({ tsConfigFilePath: tsconfig });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new UserInputError([createDiagnostic('impact/unusable-tsconfig', at(tsconfig), { path: tsconfig, reason })]);
  }
}

/**
 * The old model as the generated code saw it: narrowed by the `--include` patterns its
 * manifest records. A manifest whose input hashes are not the old side's means the code came
 * from another schema; the analysis goes on, with a warning.
 */
function generatedModel(run: ImpactRun, generatedDir: string): { model: Model; warnings: Diagnostic[] } {
  const manifestPath = join(generatedDir, MANIFEST_FILE);
  const read = readManifest(manifestPath);
  if (read.kind !== 'ok') return { model: run.oldModel, warnings: [] };
  const include = read.manifest.options['include'];
  const patterns = Array.isArray(include) ? include.filter((item): item is string => typeof item === 'string') : [];
  const model = patterns.length > 0 ? includeOnly(run.oldModel, patterns).model : run.oldModel;
  const generatedFrom = new Set(Object.values(read.manifest.inputs));
  const oldHashes = run.oldInputs.map((input) => hashInput(resolve(run.cwd, input)));
  const same = oldHashes.length === generatedFrom.size && oldHashes.every((hash) => generatedFrom.has(hash));
  if (same) return { model, warnings: [] };
  const reason = `its manifest lists ${Object.keys(read.manifest.inputs).join(', ') || 'no inputs'}`;
  return { model, warnings: [createDiagnostic('impact/stale-generated-code', at(manifestPath), { dir: generatedDir, reason })] };
}

function at(file: string) {
  return { file, line: 1, column: 1 };
}

export const IMPACT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type ImpactFormat = (typeof IMPACT_FORMATS)[number];

/** The package's version, for the SARIF tool record (a self-reference: the same from the sources and from dist/). */
const VERSION = (createRequire(import.meta.url)('odatakit/package.json') as { version: string }).version;

export function renderImpact(report: ImpactReport, format: ImpactFormat, version = VERSION): string {
  switch (format) {
    case 'text':
      return formatImpactText(report);
    case 'json':
      return formatImpactJson(report);
    case 'markdown':
      return formatImpactMarkdown(report);
    case 'sarif':
      return formatImpactSarif(report, version);
    default:
      throw new Error(`unexpected format ${String(format satisfies never)}`);
  }
}

/** `--fail-on` with `--impact`: only changes that have at least one finding count. */
export function impactFailed(report: ImpactReport, failOn: 'breaking' | 'dangerous' | 'none'): boolean {
  if (failOn === 'none') return false;
  return report.changes.some(({ change }) => change.severity === 'breaking' || (failOn === 'dangerous' && change.severity === 'dangerous'));
}
