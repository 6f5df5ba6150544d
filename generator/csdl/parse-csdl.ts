import { parseCsdlJson } from './json/read-csdl-json.ts';
import { parseXml, type ParsedXml } from './parse-xml.ts';

/** CSDL JSON starts with an object; anything else is read as CSDL XML. */
const JSON_START = /^\uFEFF?\s*[{[]/;

/**
 * Documents parsed ahead of the build (to find their references, csdl/references.ts), kept
 * until the build asks for the same text: a document is parsed once. At most a few are held.
 */
const parsedAhead = new Map<string, { text: string; parsed: ParsedXml }>();
const AHEAD_LIMIT = 8;

/**
 * Parses a CSDL document in either form, CSDL XML or CSDL JSON, into the element tree the
 * model builders read. Throws UserInputError (with file, line and column) for input that is
 * not a usable OData V4 CSDL document. `keep` holds the result for the next call with the same
 * file and text.
 */
export function parseCsdl(file: string, text: string, options: { keep?: boolean } = {}): ParsedXml {
  const ahead = parsedAhead.get(file);
  parsedAhead.delete(file);
  const parsed = ahead?.text === text ? ahead.parsed : JSON_START.test(text) ? parseCsdlJson(file, text) : parseXml(file, text);
  if (options.keep) {
    if (parsedAhead.size >= AHEAD_LIMIT) parsedAhead.delete(parsedAhead.keys().next().value!);
    parsedAhead.set(file, { text, parsed });
  }
  return parsed;
}
