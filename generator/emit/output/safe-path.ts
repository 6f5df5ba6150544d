import { lstatSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Output paths are relative, `/`-separated and stay inside the output folder. They come from
 * emitters (built from schema names) and from the manifest on disk (which anyone can edit),
 * so both are checked before any write or removal.
 */
export function unsafeOutputPathReason(path: string): string | undefined {
  if (path === '') return 'empty path';
  if (path.includes('\\')) return 'backslash in path';
  if (/[\u0000-\u001f]/.test(path)) return 'control character in path';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute path';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 'empty, "." or ".." segment';
  return undefined;
}

/**
 * The first existing symbolic link on the way from `root` to `path` (inclusive of the
 * folders, exclusive of the file itself), or undefined. Writing through a linked folder
 * could land outside the output folder, so such paths are refused.
 */
export function linkedFolderOnPath(root: string, path: string): string | undefined {
  const segments = path.split('/').slice(0, -1);
  let current = root;
  for (const segment of segments) {
    current = join(current, segment);
    const stats = lstatOrUndefined(current);
    if (!stats) return undefined;
    if (stats.isSymbolicLink() || !stats.isDirectory()) return current;
  }
  return undefined;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
