import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputPlan, PlannedFile } from './plan.ts';
import { textPieces } from './text-pieces.ts';

/**
 * Applies a plan, so that a failure leaves the previous output as it was for as long as
 * possible: every new content is first written to a temporary file beside its target
 * (inside the output folder); only when all are written are they renamed over the targets,
 * each rename atomic. Stale files go next, the manifest last. Unchanged files are not touched.
 * The plan must have no problems (see planOutput).
 */
export function applyPlan(plan: OutputPlan): void {
  if (plan.problems.length > 0) throw new Error('internal: applyPlan called with a plan that has problems');
  const pending = [...plan.files, plan.manifest].filter((file) => file.status !== 'unchanged');
  const staged: { temporary: string; target: string }[] = [];
  try {
    mkdirSync(plan.out, { recursive: true });
    for (const file of pending) staged.push(stage(plan.out, file));
  } catch (error) {
    for (const { temporary } of staged) unlinkQuietly(temporary);
    throw error;
  }
  for (const { temporary, target } of staged) renameSync(temporary, target);
  for (const path of plan.removed) {
    unlinkSync(join(plan.out, path));
    removeEmptyFolders(plan.out, dirname(path));
  }
}

function stage(out: string, file: PlannedFile): { temporary: string; target: string } {
  const target = join(out, file.path);
  makeFolders(out, dirname(file.path));
  const temporary = `${target}.${randomBytes(6).toString('hex')}.odatakit-tmp`;
  writeNewFile(temporary, file.content);
  return { temporary, target };
}

/**
 * Creates `path` (failing if it exists, as `wx`) with `content` in UTF-8. From the string, not
 * by writeFileSync: that makes a Buffer of each file, which stays on the heap until V8's next
 * full collection, and the files are written at the end of a run, near its peak (Graph v1.0:
 * about 14 MB of Buffers at once, 9 MB more peak RSS); here the bytes live for the call only,
 * and a long text is encoded a piece at a time (text-pieces.ts).
 */
function writeNewFile(path: string, content: string): void {
  const descriptor = openSync(path, 'wx');
  try {
    for (const piece of textPieces(content)) {
      const written = writeSync(descriptor, piece);
      // A short write (a full disk): the rest from a Buffer, whose next write reports the error.
      if (written < Buffer.byteLength(piece)) writeBytes(descriptor, Buffer.from(piece).subarray(written));
    }
  } catch (error) {
    closeSync(descriptor);
    // Not staged yet: applyPlan would not know to remove it.
    unlinkQuietly(path);
    throw error;
  }
  closeSync(descriptor);
}

function writeBytes(descriptor: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset);
}

/** Creates the folders of a relative path one by one, never following into an existing link (checked by the plan). */
function makeFolders(out: string, folder: string): void {
  if (folder === '.' || folder === '') return;
  let current = out;
  for (const segment of folder.split('/')) {
    current = join(current, segment);
    try {
      mkdirSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Removes folders emptied by removals, up to (not including) the output folder. */
function removeEmptyFolders(out: string, folder: string): void {
  for (let current = folder; current !== '.' && current !== ''; current = dirname(current)) {
    const path = join(out, current);
    try {
      if (readdirSync(path).length > 0) return;
      rmdirSync(path);
    } catch {
      return;
    }
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
