import { basename } from 'node:path';
import type { Model } from '../model/types.ts';

/**
 * What `templates/partials/header.hbs` names as the source of a generated file: the CSDL
 * file names and a count of doc pages. File names only, so output does not depend on where
 * the inputs live; control characters replaced, so a file name cannot end the `//` comment.
 */
export function headerSource(model: Model): string {
  const csdl = model.inputs.filter((file) => !/\.md$/i.test(file)).map((file) => basename(file));
  const pages = model.inputs.length - csdl.length;
  const parts = [...csdl, ...(pages > 0 ? [`${pages} doc page${pages === 1 ? '' : 's'}`] : [])];
  const text = parts.length > 0 ? parts.join(', ') : 'an empty model';
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '_');
}
