/**
 * YAML front matter between leading `---` lines. CommonMark alone would read it as a thematic
 * break and a setext heading, so it is cut out before the markdown is parsed (replaced by
 * empty lines, which keeps every later line number right).
 */
import { parseDocument } from 'yaml';
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import type { SourcePosition } from '../model/types.ts';
import { splitLines } from './text-span.ts';
import type { DocPage, JsonValue } from './types.ts';

export interface FrontMatterSplit {
  /** The markdown with the front matter lines emptied. */
  body: string;
  /** The YAML text and the line of its first line, when there is front matter. */
  yaml?: { text: string; line: number };
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  if (!/^\uFEFF?---/.test(text)) return { body: text };
  if (!text.includes('\r')) return splitLfFrontMatter(text);
  const lines = splitLines(text);
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return { body: text };
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  // No closing line: not front matter, leave the page to the markdown parser.
  if (close === -1) return { body: text };
  const yamlText = lines.slice(1, close).join('\n');
  const body = '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n');
  return { body, yaml: { text: yamlText, line: 2 } };
}

/** The same split for a text whose lines all end in `\n`, without splitting the whole page into lines. */
function splitLfFrontMatter(text: string): FrontMatterSplit {
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1 || text.slice(0, firstEnd).replace(/^\uFEFF/, '').trimEnd() !== '---') return { body: text };
  let line = 1;
  for (let start = firstEnd + 1; start <= text.length; line++) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    if (/^(---|\.\.\.)\s*$/.test(text.slice(start, end))) {
      const yamlText = start > firstEnd + 1 ? text.slice(firstEnd + 1, start - 1) : '';
      return { body: '\n'.repeat(line + 1) + text.slice(Math.min(end + 1, text.length)), yaml: { text: yamlText, line: 2 } };
    }
    if (found === -1) break;
    start = found + 1;
  }
  return { body: text };
}

/** Parses the YAML; bad YAML is reported, never thrown. */
export function parseFrontMatter(
  file: string,
  yaml: { text: string; line: number },
  diagnostics: DiagnosticCollector,
): DocPage['frontMatter'] {
  const source: SourcePosition = { file, line: yaml.line - 1, column: 1 };
  const flat = readFlatMapping(yaml.text);
  if (flat) return { data: flat, source };
  const document = parseDocument(yaml.text, { prettyErrors: false, uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const at = new LineIndex(file, yaml.text).position(error.pos[0]);
    const position = { file, line: yaml.line + at.line - 1, column: at.column };
    diagnostics.report('docs/malformed-front-matter', position, { reason: error.message.split('\n')[0]! });
    return undefined;
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    // toJS refuses alias bombs and the like by throwing.
    diagnostics.report('docs/malformed-front-matter', source, { reason: (thrown as Error).message });
    return undefined;
  }
  if (data === null || data === undefined) return { data: {}, source };
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.report('docs/malformed-front-matter', source, { reason: 'front matter is not a mapping of keys to values' });
    return undefined;
  }
  return { data: toJson(data) as Record<string, JsonValue>, source };
}

/** YAML can hold values JSON cannot (dates, Maps with non-string keys); the page keeps plain data. */
function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v)]));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return String(value);
}

/** `key: value`: a plain key, then a quoted string without escapes or a plain scalar that can only be a string. */
const FLAT_LINE = /^([A-Za-z_][\w.-]*):[ \t]+(?:"([^"\\]*)"|'([^']*)'|([A-Za-z][\w ./()+,-]*?|\d{1,4}\/\d{1,4}\/\d{1,4}))[ \t]*$/;
/** Plain scalars the YAML 1.2 core schema reads as booleans or null, not strings. */
const CORE_KEYWORD = /^(?:true|false|null)$/i;

/**
 * Graph front matter is a flat list of `key: string` lines (title, description, author,
 * ms.*, doc_type). Read that shape directly, the same values the YAML parser gives; anything
 * else (comments, lists, numbers, escapes, booleans) is left to the YAML parser.
 */
export function readFlatMapping(text: string): Record<string, JsonValue> | undefined {
  const data: Record<string, JsonValue> = {};
  let keys = 0;
  for (const line of splitLines(text)) {
    if (line.trim() === '') continue;
    const match = FLAT_LINE.exec(line);
    if (!match || match[1] === '__proto__') return undefined;
    const value = match[2] ?? match[3] ?? match[4]!;
    if (match[4] !== undefined && CORE_KEYWORD.test(value)) return undefined;
    data[match[1]!] = value;
    keys++;
  }
  return keys ? data : undefined;
}
