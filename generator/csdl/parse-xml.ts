import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex } from '../diagnostics/line-index.ts';
import { createDiagnostic } from '../diagnostics/diagnostic.ts';
import { UserInputError } from '../diagnostics/user-error.ts';
import { canonicalizeNamespaces } from './namespaces.ts';
import { assertODataV4 } from './odata-version.ts';
import { readPlainDocument, type XmlDocument } from './plain-reader.ts';
import type { XmlElement } from './xml-element.ts';

export interface ParsedXml {
  root: XmlElement;
  /** The root element's canonical name (see namespaces.ts): `edmx:Edmx` for an EDMX V4 document. */
  rootTag: string;
  lines: LineIndex;
}

/** The reader of record for every document plain-reader.ts leaves alone. */
export const parser = new XMLParser({
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
  // isArray ignores the path: do not have the parser build a path string for every element.
  jPath: false,
});

/** A DOCTYPE can declare entities (billion laughs, external entities): refuse it outright. */
const DOCTYPE = /<!(DOCTYPE|ENTITY)\b/i;
/** What a server sends instead of $metadata (a login or error page). */
const HTML = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!DOCTYPE\s+html|html)\b/i;

/**
 * Parses CSDL XML text. Throws UserInputError (with file:line:col) for malformed XML or a
 * DOCTYPE; never returns a partial tree.
 */
export function parseXml(file: string, rawText: string): ParsedXml {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(file, text);
  if (HTML.test(text)) {
    throw new UserInputError([createDiagnostic('csdl/not-edmx', lines.position(text.search(/<(!DOCTYPE|html)/i)), { element: 'html', namespace: ' (an HTML page)' })]);
  }
  // Real CSDL is plain: read in one pass of our own (decision 20); anything else as before.
  const elementNames = new Set<string>();
  const plain = readPlainDocument(text, elementNames);
  const document = plain ?? parseOther(file, text, lines);
  const parsed = canonicalizeNamespaces(text, ...rootOf(file, document), lines, plain && elementNames);
  assertODataV4(parsed.rootTag, parsed.root, lines);
  return { ...parsed, lines };
}

/**
 * A document plain-reader.ts does not take: refuse a DOCTYPE (the plain reader takes none),
 * then the validating pass and fast-xml-parser; every failure of either is the user's, with
 * a position.
 */
function parseOther(file: string, text: string, lines: LineIndex): XmlDocument {
  const doctype = DOCTYPE.exec(text);
  if (doctype) throw new UserInputError([createDiagnostic('csdl/doctype-refused', lines.position(doctype.index))]);
  try {
    // The parser is lenient (it accepts mismatched tags); the validator is not, and says where.
    // Only documents the plain reader declined come here (CDATA, processing instructions, deep
    // nesting, malformed text): rare enough that the validator's pass is paid only for them.
    const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
    if (valid !== true) {
      const { line, col, msg } = valid.err;
      // Some of the validator's errors (an unclosed tag at the end) come without a column.
      const at = { file, line: Number.isInteger(line) && line > 0 ? line : 1, column: Number.isInteger(col) && col > 0 ? col : 1 };
      throw new UserInputError([createDiagnostic('csdl/malformed-xml', at, { reason: msg })]);
    }
    return parser.parse(text) as XmlDocument;
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw new UserInputError([createDiagnostic('csdl/malformed-xml', positionOfParserError(error, text, lines), { reason: parserReason(error) })]);
  }
}

/** The root element's tag and the element; a document without one is refused. */
function rootOf(file: string, document: XmlDocument): [string, XmlElement] {
  const rootTag = Object.keys(document).find((key) => Array.isArray(document[key]));
  const first: unknown = rootTag ? document[rootTag]?.[0] : undefined;
  // An empty root (`<root/>`) comes back as a string; it is still an element.
  const root = typeof first === 'object' && first !== null ? (first as XmlElement) : first === '' ? {} : undefined;
  if (!rootTag || !root) {
    throw new UserInputError([
      createDiagnostic('csdl/malformed-xml', { file, line: 1, column: 1 }, { reason: 'no root element' }),
    ]);
  }
  return [rootTag, root];
}

function parserReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\.$/, '');
}

/**
 * The parser's own errors carry no position; the ones it raises are about processing
 * instructions, comments, CDATA and DOCTYPEs left open, so point at the first such construct
 * that does not close (else the start of the text).
 */
function positionOfParserError(error: unknown, text: string, lines: LineIndex) {
  const message = error instanceof Error ? error.message : '';
  const reported = /position (\d+)/.exec(message);
  if (reported) return lines.position(Math.min(Number(reported[1]), text.length));
  const opener = /Pi Tag/i.test(message) ? '<?' : /comment/i.test(message) ? '<!--' : /CDATA/i.test(message) ? '<![CDATA[' : '<';
  const closer = opener === '<?' ? '?>' : opener === '<!--' ? '-->' : opener === '<![CDATA[' ? ']]>' : '>';
  for (let at = text.indexOf(opener); at !== -1; at = text.indexOf(opener, at + 1)) {
    const end = text.indexOf(closer, at + opener.length);
    if (end === -1 || text.lastIndexOf('<', end) !== at) return lines.position(at);
  }
  return lines.position(0);
}
