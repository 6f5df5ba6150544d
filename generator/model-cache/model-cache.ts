import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { escapeBeyondAscii } from '../model/ascii-json.ts';
import { buildModel, type InputFile } from '../model/build/build-model.ts';
import type { Model } from '../model/types.ts';
import { codeVersion } from './code-version.ts';
import { restoreParts, shareParts, type SharedParts } from './shared-parts.ts';

/**
 * The model cache: the model built from CSDL files, kept on disk with the diagnostics its
 * build reported, keyed by a hash of the input files (names and bytes) and of the code that
 * built it (code-version.ts). A cold process then reads one JSON file instead of parsing and
 * building the schema (decision 0016).
 *
 * An entry is used only when everything checks: its header names this format and this key,
 * and its payload has the length and CRC-32 the header gives and the shape of an entry. A
 * missing, stale (another key), corrupted (truncated, edited, garbage) or foreign (not ours,
 * or copied from another key) entry is rebuilt and overwritten. The cache is an optimisation:
 * a failure to read or write it never fails a command.
 *
 * The payload is the entry with the parts operations share (path segments, positions,
 * targets) written once each (shared-parts.ts): smaller and faster to parse, with the
 * build's sharing kept.
 */
const FORMAT = 'odatakit-model-cache 3';
/** Entries kept in a folder (the most recently used); each Graph version is about 25 MB. */
const KEEP = 8;
const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;

export interface CacheEntry {
  diagnostics: Diagnostic[];
  model: Model;
}

/** What the payload holds: the entry, its operations naming parts of `shared` by index. */
interface Payload extends CacheEntry {
  shared: SharedParts;
}

/** A build of CSDL files into a model that goes through the cache in `dir`. */
export function cachedBuild(dir: string): (files: InputFile[], diagnostics: DiagnosticCollector) => Model {
  return (files, diagnostics) => buildThroughCache(dir, files, diagnostics);
}

export function buildThroughCache(dir: string, files: InputFile[], diagnostics: DiagnosticCollector): Model {
  const key = cacheKey(files);
  const file = path.join(dir, `${key}.json`);
  const entry = readEntry(file, key);
  if (entry !== undefined) {
    diagnostics.items.push(...entry.diagnostics);
    return entry.model;
  }
  // A build that throws (malformed XML) leaves no entry: nothing is cached but a finished build.
  const start = diagnostics.items.length;
  const model = buildModel(files, diagnostics);
  writeEntry(dir, file, key, { diagnostics: diagnostics.items.slice(start), model });
  return model;
}

export function cacheKey(files: InputFile[]): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${codeVersion()}\0${files.length}\0`);
  for (const { file, text } of files) {
    hash.update(`${file}\0${text.length}\0`);
    hash.update(text);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The entry in `file` when it is whole and is the entry of `key`, else undefined. */
export function readEntry(file: string, key: string): CacheEntry | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0 || newline > 512) return undefined;
  const [magic, version, entryKey, sum, length] = bytes.toString('latin1', 0, newline).split(' ');
  if (`${magic} ${version}` !== FORMAT || entryKey !== key) return undefined;
  const payload = bytes.subarray(newline + 1);
  if (String(payload.length) !== length || checksum(payload) !== sum) return undefined;
  try {
    // The payload is ASCII (see writeEntry): latin1 makes a one-byte string without decoding.
    const parsed = JSON.parse(payload.toString('latin1')) as Partial<Payload> | null;
    const shared = parsed?.shared;
    if (!isEntry(parsed) || typeof shared !== 'object' || shared === null || !restoreParts(parsed.model, shared)) return undefined;
    touch(file);
    return { diagnostics: parsed.diagnostics, model: parsed.model };
  } catch {
    return undefined;
  }
}

/**
 * What the header says of the payload, to tell a damaged one (truncated, edited, garbage):
 * CRC-32, which catches every burst of up to 32 bits and any other change but once in 2^32,
 * at twice the speed of SHA-1 (Graph: about 7 ms against 14). Entries that are another
 * key's are told by the key in the header, not by this; the cache is no defence against
 * someone who can write to it (they can write node_modules).
 */
export function checksum(payload: Uint8Array): string {
  return crc32(payload).toString(16);
}

function isEntry(value: Partial<CacheEntry> | null): value is CacheEntry {
  const model = value?.model as Partial<Model> | undefined;
  return (
    Array.isArray(value?.diagnostics) &&
    typeof model === 'object' && model !== null &&
    typeof model.types === 'object' && model.types !== null &&
    Array.isArray(model.operations)
  );
}

/** Written to a temporary file and renamed, so that a reader sees a whole entry or none. */
export function writeEntry(dir: string, file: string, key: string, entry: CacheEntry): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const { model, shared } = shareParts(entry.model);
    const payload = Buffer.from(escapeBeyondAscii(JSON.stringify({ diagnostics: entry.diagnostics, model, shared } satisfies Payload)), 'latin1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${FORMAT} ${key} ${checksum(payload)} ${payload.length}\n`, 'latin1'), payload]));
    renameSync(temporary, file);
    prune(dir);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only cache still serves.
  }
}

/** Keeps the KEEP most recently used entries; touches nothing but entries. */
function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => ENTRY_NAME.test(name))
    .map((name) => ({ name, used: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
  for (const { name } of entries.slice(KEEP)) unlinkSync(path.join(dir, name));
}
