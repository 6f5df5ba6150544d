import { SHARED_OPERATION_FIELDS } from '../../model-cache/shared-parts.ts';
import { escapeBeyondAscii } from '../../model/ascii-json.ts';
import { packJson } from '../../model/packed-json.ts';
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
 * third of the text (Graph v1.0: 24 MB of plain JSON), which is what `model.gen.ts` carries;
 * `modelFromJson` reads either form.
 */
export function packedPortableModelJson(model: Model): string {
  const strip = commonFolderStripper(model.inputs);
  return packJson(model, {
    // What the build shares between operations (model-cache/shared-parts.ts says how much).
    sharedUnder: SHARED_OPERATION_FIELDS,
    writePart: asciiJson,
    rewriteString: (text, key, inList) => (isInputPath(key, inList) ? strip(text) : text),
  });
}

/**
 * JSON text escaped to ASCII (model/ascii-json.ts) and made a one-byte string: the same value,
 * at one byte per character. The model's strings are cut from the input text, which is two
 * bytes per character when it holds any character beyond Latin-1, and JSON.stringify then
 * writes two-byte text even where all is ASCII: for Graph, 14 MB instead of 7 MB in every copy
 * of the text on the way to the file.
 */
function asciiJson(json: string): string {
  // Through latin1, a string with only ASCII in it comes back one byte per character.
  return Buffer.from(escapeBeyondAscii(json), 'latin1').toString('latin1');
}

/**
 * As a JavaScript string literal: JSON text is one, once quoted, except for U+2028 and U+2029,
 * which older parsers take for line ends; they are escaped too. A string and nothing else,
 * whatever the schema holds.
 */
export function stringLiteralOf(text: string): string {
  const literal = JSON.stringify(text);
  // Checked first: a replace copies the (Graph: 7 MB) text even when nothing matches.
  return /[\u2028\u2029]/.test(literal) ? literal.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : literal;
}

function commonFolderStripper(inputs: string[]): (file: string) => string {
  const folders = inputs.map((file) => slashes(file).split('/').slice(0, -1));
  const common: string[] = [];
  for (let index = 0; folders.length > 0 && folders.every((parts) => index < parts.length && parts[index] === folders[0]![index]); index++) {
    common.push(folders[0]![index]!);
  }
  const prefix = common.length > 0 ? `${common.join('/')}/` : '';
  return (file) => {
    const normal = slashes(file);
    return prefix !== '' && normal.startsWith(prefix) ? normal.slice(prefix.length) : normal;
  };
}

function slashes(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
