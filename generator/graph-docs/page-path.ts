/**
 * Paths of doc pages as the docs front end compares them, written without `node:path` so that
 * the model builds from text in a browser too (`modelFromText`). Both `/` and `\` separate;
 * `.` and `..` segments are resolved; the result uses `/`.
 */
export function normalizePagePath(file: string): string {
  const leading = /^[\\/]/.test(file) ? '/' : '';
  const parts: string[] = [];
  for (const part of file.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || leading === '') parts.push(part);
  }
  return leading + parts.join('/');
}

/** The page a relative link on `fromFile` points to (the link without its query or fragment). */
export function linkedPagePath(fromFile: string, link: string): string {
  const folder = fromFile.replace(/[^\\/]*$/, '');
  return normalizePagePath(`${folder}${link.replace(/[?#].*$/, '')}`);
}
