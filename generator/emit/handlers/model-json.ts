import { SHARED_OPERATION_FIELDS } from '../../model-cache/shared-parts.ts';
import { packJson, type PackOptions } from '../../model/packed-json.ts';
import type { Model } from '../../model/types.ts';

/**
 * The model as `model.gen.ts` carries it: `JSON.stringify(model)`, with the input file paths
 * (`inputs`, `docPages`, every `source.file`) made relative to the folder the inputs share,
 * so that the output does not depend on where the inputs live (`/home/me/api/x.xml` and
 * `api/x.xml` give the same file) and no local folder names leak into checked-in code.
 */
export function portableModelJson(model: Model): string {
  const strip = commonFolderStripper(model.inputs);
  return JSON.stringify(model, (key, value: unknown) => {
    if (isInputPath(key, false) && typeof value === 'string') return strip(value);
    if (isInputPath(key, true) && Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? strip(item) : item));
    return value;
  });
}

/** Where the model holds input file paths: `source.file`, and the items of `inputs` and `docPages`. */
function isInputPath(key: string, inList: boolean): boolean {
  return inList ? key === 'inputs' || key === 'docPages' : key === 'file';
}

/**
 * `portableModelJson` packed (model/packed-json.ts): the same model, the same paths, in about a
 * third of the text (Graph v1.0: 24 MB of plain JSON); `modelFromJson` reads either form. The
 * text is ASCII (characters beyond it escaped) and one byte per character: the model's strings
 * are cut from the input text, which is two bytes per character when it holds any character
 * beyond Latin-1 (for Graph, 14 MB instead of 7 MB in every copy on the way to the file).
 */
export function packedPortableModelJson(model: Model): string {
  return packJson(model, packOptions(model));
}

/**
 * What `model.gen.ts` carries: `JSON.stringify(packedPortableModelJson(model))`, written so by
 * the packer rather than quoted afterwards (one pass and one 7 MB copy less). It is a
 * JavaScript string literal as well: the text is ASCII, so it holds no U+2028 or U+2029 (which
 * older parsers take for line ends), and it is a string and nothing else, whatever the schema holds.
 */
export function packedPortableModelLiteral(model: Model): string {
  return packJson(model, { ...packOptions(model), quoted: true });
}

function packOptions(model: Model): PackOptions {
  const strip = commonFolderStripper(model.inputs);
  return {
    // What the build shares between operations (model-cache/shared-parts.ts says how much).
    sharedUnder: SHARED_OPERATION_FIELDS,
    rewriteString: (text, key, inList) => (isInputPath(key, inList) ? strip(text) : text),
  };
}

function commonFolderStripper(inputs: string[]): (file: string) => string {
  const folders = inputs.map((file) => slashes(file).split('/').slice(0, -1));
  const common: string[] = [];
  for (let index = 0; folders.length > 0 && folders.every((parts) => index < parts.length && parts[index] === folders[0]![index]); index++) {
    common.push(folders[0]![index]!);
  }
  const prefix = common.length > 0 ? `${common.join('/')}/` : '';
  // The same few files come again and again (Graph: one, 35,000 times): the last one remembered.
  let lastFile: string | undefined;
  let lastStripped = '';
  return (file) => {
    if (file === lastFile) return lastStripped;
    const normal = slashes(file);
    lastFile = file;
    return (lastStripped = prefix !== '' && normal.startsWith(prefix) ? normal.slice(prefix.length) : normal);
  };
}

function slashes(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
