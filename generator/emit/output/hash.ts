import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { textPieces } from './text-pieces.ts';

/** The SHA-256 of the UTF-8 bytes of `content`; a long text is encoded a piece at a time (text-pieces.ts). */
export function sha256(content: string | Buffer): string {
  const hash = createHash('sha256');
  if (typeof content !== 'string') return hash.update(content).digest('hex');
  for (const piece of textPieces(content)) hash.update(piece);
  return hash.digest('hex');
}

/**
 * One hash per input argument: a file's content, or for a folder the sorted list of its
 * files' relative paths and hashes. Paths use `/` so the hash is the same on every platform.
 */
export function hashInput(path: string): string {
  if (!statSync(path).isDirectory()) return hashFile(path);
  const lines = listFiles(path)
    .map((file) => `${relative(path, file).split(sep).join('/')}\u0000${hashFile(file)}`)
    .sort();
  return sha256(lines.join('\n'));
}

/**
 * A file's hash, read in small pieces: `generate` hashes its inputs just before it plans the
 * output, near its peak, where a Buffer of the whole file (Graph v1.0: 3 MB) would stay on the
 * heap until the next full collection.
 */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(64 * 1024);
  const descriptor = openSync(path, 'r');
  try {
    for (let read = readSync(descriptor, chunk); read > 0; read = readSync(descriptor, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(descriptor);
  }
  return hash.digest('hex');
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return listFiles(path);
      return entry.isFile() ? [path] : [];
    });
}
