import { readFileSync } from 'node:fs';
import { unsafeOutputPathReason } from './safe-path.ts';

/**
 * `.odatakit-manifest.json` in the output folder: the files the generator wrote, with their
 * hashes, and the hashes of the inputs they came from. It is how a later run knows which
 * files it may remove (only its own) and how `--check` sees that the inputs moved on.
 * Deterministic: sorted keys, no timestamps, LF.
 */
export const MANIFEST_FILE = '.odatakit-manifest.json';

export interface Manifest {
  generator: string;
  /** Input argument (relative to the working directory, `/`-separated) -> sha256. */
  inputs: Record<string, string>;
  /** Options that change the output. */
  options: Record<string, string | boolean | string[]>;
  /** Output path (relative to the output folder) -> sha256 of the content. */
  files: Record<string, string>;
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(
    {
      generator: manifest.generator,
      inputs: sortedRecord(manifest.inputs),
      options: sortedRecord(manifest.options),
      files: sortedRecord(manifest.files),
    },
    null,
    2,
  )}\n`;
}

export type ManifestRead =
  | { kind: 'absent' }
  | { kind: 'unusable'; reason: string }
  | { kind: 'ok'; manifest: Manifest; text: string };

/**
 * Reads and checks a manifest. Anything odd (bad JSON, a path that leaves the folder) makes
 * it unusable as a whole: removing files on the word of a tampered manifest is not safe.
 */
export function readManifest(path: string): ManifestRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'absent' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'unusable', reason: `not JSON: ${(error as Error).message}` };
  }
  if (!isRecord(data) || !isRecord(data['files']) || !isRecord(data['inputs'])) {
    return { kind: 'unusable', reason: 'expected an object with "files" and "inputs"' };
  }
  const files = Object.create(null) as Record<string, string>;
  for (const [file, hash] of Object.entries(data['files'])) {
    const unsafe = unsafeOutputPathReason(file);
    if (unsafe) return { kind: 'unusable', reason: `file ${JSON.stringify(file)}: ${unsafe}` };
    if (typeof hash !== 'string') return { kind: 'unusable', reason: `file ${JSON.stringify(file)}: hash is not a string` };
    files[file] = hash;
  }
  const manifest: Manifest = {
    generator: typeof data['generator'] === 'string' ? data['generator'] : '',
    inputs: data['inputs'] as Record<string, string>,
    options: isRecord(data['options']) ? (data['options'] as Manifest['options']) : {},
    files,
  };
  return { kind: 'ok', manifest, text };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
