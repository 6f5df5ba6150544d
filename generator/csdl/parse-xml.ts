import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex } from '../diagnostics/line-index.ts';
import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import type { XmlElement } from './xml-element.ts';

export interface ParsedXml {
  root: XmlElement;
  /** The root element's tag, e.g. `edmx:Edmx`. */
  rootTag: string;
  lines: LineIndex;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '$',
  captureMetaData: true,
  // Untrusted input: never expand entities.
  processEntities: false,
  htmlEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** A DOCTYPE can declare entities (billion laughs, external entities): refuse it outright. */
const DOCTYPE = /<!(DOCTYPE|ENTITY)\b/i;

/**
 * Parses CSDL XML text. Throws UserInputError (with file:line:col) for malformed XML or a
 * DOCTYPE; never returns a partial tree.
 */
export function parseXml(file: string, rawText: string): ParsedXml {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(file, text);
  const doctype = DOCTYPE.exec(text);
  if (doctype) throw new UserInputError([createDiagnostic('csdl/doctype-refused', lines.position(doctype.index))]);
  // The parser is lenient (it accepts mismatched tags); the validator is not, and says where.
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new UserInputError([createDiagnostic('csdl/malformed-xml', { file, line, column: col }, { reason: msg })]);
  }
  const document = parser.parse(text) as Record<string, XmlElement[] | undefined>;
  const rootTag = Object.keys(document).find((key) => Array.isArray(document[key]));
  const first: unknown = rootTag ? document[rootTag]?.[0] : undefined;
  // An empty root (`<root/>`) comes back as a string; it is still an element.
  const root = typeof first === 'object' && first !== null ? (first as XmlElement) : first === '' ? {} : undefined;
  if (!rootTag || !root) {
    throw new UserInputError([
      createDiagnostic('csdl/malformed-xml', { file, line: 1, column: 1 }, { reason: 'no root element' }),
    ]);
  }
  return { root, rootTag, lines };
}
