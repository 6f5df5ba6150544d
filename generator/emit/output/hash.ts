import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * One hash per input argument: a file's content, or for a folder the sorted list of its
 * files' relative paths and hashes. Paths use `/` so the hash is the same on every platform.
 */
export function hashInput(path: string): string {
  if (!statSync(path).isDirectory()) return sha256(readFileSync(path));
  const lines = listFiles(path)
    .map((file) => `${relative(path, file).split(sep).join('/')}\u0000${sha256(readFileSync(file))}`)
    .sort();
  return sha256(lines.join('\n'));
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
