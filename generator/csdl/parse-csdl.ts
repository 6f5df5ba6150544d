import { parseCsdlJson } from './json/read-csdl-json.ts';
import { parseXml, type ParsedXml } from './parse-xml.ts';

/** CSDL JSON starts with an object; anything else is read as CSDL XML. */
const JSON_START = /^\uFEFF?\s*[{[]/;

/**
 * Parses a CSDL document in either form, CSDL XML or CSDL JSON, into the element tree the
 * model builders read. Throws UserInputError (with file, line and column) for input that is
 * not a usable OData V4 CSDL document.
 */
export function parseCsdl(file: string, text: string): ParsedXml {
  return JSON_START.test(text) ? parseCsdlJson(file, text) : parseXml(file, text);
}
