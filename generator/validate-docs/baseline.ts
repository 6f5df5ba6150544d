/**
 * A baseline is a file of known findings, written by `validate-docs --format json`, so that
 * CI fails only on new ones. Findings match on file, code and message, never on line or
 * column: an unrelated edit that moves a finding does not make it new again. A finding
 * listed twice in the baseline excuses two identical findings, not more.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';

export interface BaselineEntry {
  file: string;
  code: string;
  message: string;
}

export interface BaselineResult {
  /** Findings the baseline does not know. */
  fresh: Diagnostic[];
  /** Findings the baseline knows. */
  known: number;
  /** Baseline entries no finding matched any more (fixed, or the message changed). */
  gone: number;
}

/** Reads a baseline; an unreadable or malformed file is unusable input (exit 2). */
export function readBaseline(file: string): BaselineEntry[] {
  const fail = (reason: string): never => {
    throw new UserInputError([createDiagnostic('validate/bad-baseline', { file, line: 1, column: 1 }, { path: file, reason })]);
  };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error));
  }
  const diagnostics = isRecord(data) ? data.diagnostics : undefined;
  if (!Array.isArray(diagnostics)) return fail('expected the JSON that --format json writes: { "files": ..., "diagnostics": [...] }');
  return diagnostics.map((item, index) => {
    if (!isRecord(item) || typeof item.file !== 'string' || typeof item.code !== 'string' || typeof item.message !== 'string') {
      return fail(`diagnostics[${index}] needs string "file", "code" and "message"`);
    }
    return { file: item.file, code: item.code, message: item.message };
  });
}

/**
 * Splits findings into new and known. Paths are compared relative to `cwd` with `/`, so
 * a baseline written on one machine or OS works on another checkout.
 */
export function applyBaseline(diagnostics: Diagnostic[], baseline: BaselineEntry[], cwd = process.cwd()): BaselineResult {
  const remaining = new Map<string, number>();
  for (const entry of baseline) {
    const key = keyOf(entry, cwd);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const fresh: Diagnostic[] = [];
  let known = 0;
  for (const diagnostic of diagnostics) {
    const key = keyOf(diagnostic, cwd);
    const count = remaining.get(key) ?? 0;
    if (count > 0) {
      remaining.set(key, count - 1);
      known++;
    } else {
      fresh.push(diagnostic);
    }
  }
  const gone = [...remaining.values()].reduce((sum, count) => sum + count, 0);
  return { fresh, known, gone };
}

function keyOf(entry: BaselineEntry, cwd: string): string {
  return `${portablePath(entry.file, cwd)}\n${entry.code}\n${entry.message}`;
}

/** Relative to `cwd` when inside it, always with `/`. */
export function portablePath(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const chosen = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return chosen.split(path.sep).join('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
