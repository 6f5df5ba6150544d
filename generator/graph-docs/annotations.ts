/**
 * Annotation comments `<!-- { ... } -->` in ApiDoctor's vocabulary (CodeBlockAnnotation).
 * Comments whose text does not start with `{` (uuids, lint directives) are not annotations.
 */
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { escapePointerToken, parseJsonWithPositions, type JsonValue } from './json-positions.ts';
import { spanPosition, spanSlice } from './text-span.ts';
import { KNOWN_BLOCK_TYPES, type DocAnnotation, type TextSpan } from './types.ts';

const KNOWN_LOWER = new Set<string>(KNOWN_BLOCK_TYPES.map((t) => t.toLowerCase()));

type Field = 'string' | 'boolean' | 'strings' | 'name';
const FIELDS: Record<string, [keyof DocAnnotation, Field]> = {
  blockType: ['blockType', 'string'],
  '@odata.type': ['odataType', 'string'],
  keyProperty: ['keyProperty', 'string'],
  openType: ['openType', 'boolean'],
  baseType: ['baseType', 'string'],
  abstract: ['abstract', 'boolean'],
  optionalProperties: ['optionalProperties', 'strings'],
  nullableProperties: ['nullableProperties', 'strings'],
  truncated: ['truncated', 'boolean'],
  isCollection: ['isCollection', 'boolean'],
  isEmpty: ['isEmpty', 'boolean'],
  expectError: ['expectError', 'boolean'],
  name: ['name', 'name'],
};
const EXPECTED: Record<Field, string> = {
  string: 'a string',
  boolean: 'true or false',
  strings: 'an array of strings',
  name: 'a string or an array of strings',
};

/** Every annotation comment in an HTML node's value (one node can hold several comments). */
export function annotationsInHtml(span: TextSpan, diagnostics: DiagnosticCollector): DocAnnotation[] {
  const found: DocAnnotation[] = [];
  const text = span.text;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', open + 4)) {
    const close = text.indexOf('-->', open + 4);
    const inner = text.slice(open + 4, close === -1 ? text.length : close);
    const lead = inner.length - inner.trimStart().length;
    if (inner[lead] !== '{') continue;
    const jsonStart = open + 4 + lead;
    const jsonText = withoutTrailingComments(inner.slice(lead).trimEnd());
    found.push(parseAnnotation(spanPosition(span, open), spanSlice(span, jsonStart, jsonText.length), diagnostics));
    if (close === -1) break;
  }
  return found;
}

/**
 * Graph pages write `<!-- { "blockType": "ignored" } // Note: Removing this line ... -->`.
 * ApiDoctor reads annotations with JSON.NET, which takes `//` and `/* *\/` comments after the
 * value, so the object alone is the annotation; other trailing text stays an error.
 */
export function withoutTrailingComments(text: string): string {
  const end = endOfObject(text);
  if (end === undefined) return text;
  const rest = text.slice(end).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return rest.trim() === '' ? text.slice(0, end) : text;
}

/** The offset after the `}` closing the object `text` starts with, strings skipped. */
function endOfObject(text: string): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
    } else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) return index + 1;
  }
  return undefined;
}

function parseAnnotation(source: DocAnnotation['source'], span: TextSpan, diagnostics: DiagnosticCollector): DocAnnotation {
  const annotation: DocAnnotation = { source, span, kind: 'block', fieldSources: {}, extra: {} };
  const parsed = parseJsonWithPositions(span.text);
  if (parsed.error || !isObject(parsed.value)) {
    const offset = parsed.error?.offset ?? 0;
    const reason = parsed.error?.message ?? 'the annotation is not a JSON object';
    diagnostics.report('docs/malformed-annotation', spanPosition(span, offset), { reason });
    return annotation;
  }
  annotation.data = parsed.value;
  for (const [key, value] of Object.entries(parsed.value)) {
    const at = parsed.pointers[`/${escapePointerToken(key)}`];
    const position = at ? spanPosition(span, at.start) : source;
    annotation.fieldSources[key] = position;
    const field = FIELDS[key];
    if (!field) annotation.extra[key] = value;
    else if (!assign(annotation, field, value)) {
      diagnostics.report('docs/invalid-annotation-value', position, { field: key, expected: EXPECTED[field[1]] });
    }
  }
  if (annotation.data.type === '#page.annotation' && annotation.blockType === undefined) annotation.kind = 'page';
  unwrapCollection(annotation);
  checkBlockType(annotation, diagnostics);
  return annotation;
}

function assign(annotation: DocAnnotation, [target, kind]: [keyof DocAnnotation, Field], value: JsonValue): boolean {
  const record = annotation as unknown as Record<string, unknown>;
  if (kind === 'string' && typeof value === 'string') record[target] = value;
  else if (kind === 'boolean' && typeof value === 'boolean') record[target] = value;
  else if (kind === 'strings' && isStringArray(value)) record[target] = value;
  else if (kind === 'name' && (typeof value === 'string' || isStringArray(value))) record[target] = typeof value === 'string' ? [value] : value;
  else return false;
  return true;
}

/** ApiDoctor reads `"@odata.type": "Collection(x)"` as x with isCollection. */
function unwrapCollection(annotation: DocAnnotation): void {
  if (annotation.odataType === undefined) return;
  let type = annotation.odataType.trim().replace(/^#/, '');
  const collection = /^collection\((.*)\)$/i.exec(type);
  if (collection) {
    type = collection[1]!.trim().replace(/^#/, '');
    annotation.isCollection = true;
  }
  annotation.odataType = type;
}

function checkBlockType(annotation: DocAnnotation, diagnostics: DiagnosticCollector): void {
  const blockType = annotation.blockType;
  if (blockType === undefined || KNOWN_LOWER.has(blockType.toLowerCase())) return;
  diagnostics.report('docs/unknown-block-type', annotation.fieldSources.blockType ?? annotation.source, { blockType });
}

function isObject(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: JsonValue): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Block types that annotate the code block that follows. */
export function expectsCodeBlock(blockType: string | undefined): boolean {
  return blockType !== undefined && /^(resource|request|response|example|samples|simulatedresponse|testparams)$/i.test(blockType);
}
