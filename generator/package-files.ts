import { fileURLToPath } from 'node:url';

/**
 * A file or folder of the package that is not compiled code: `templates/`, the runtime sources
 * `generate` copies (`generator/runtime/`), the bundled `examples/`. They ship at the package
 * root, beside `dist/`, so the same module finds them whether it runs from its source
 * (`generator/package-files.ts`) or compiled (`dist/generator/package-files.js`); see
 * docs/decisions/0013.
 */
const ROOT = new URL(import.meta.url.endsWith('/dist/generator/package-files.js') ? '../../' : '../', import.meta.url);

/** `relative` to the package root, as a path; a trailing `/` is kept. */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}
