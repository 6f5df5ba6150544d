/**
 * Raw HTTP in ```http blocks: a request (method, URL, headers, body) or a response (status
 * line, headers, body), as ApiDoctor's HttpParser reads them. JSON bodies are parsed with
 * positions so errors land on their markdown line.
 */
import type { DiagnosticCollector } from '../diagnostics/collector.ts';
import { parseJsonWithPositions } from './json-positions.ts';
import { lineStarts, spanFromLine, spanPosition, splitLines } from './text-span.ts';
import type { DocBody, DocHeader, DocHttpRequest, DocHttpResponse, DocJson, DocRequestLine, DocUrl, TextSpan } from './types.ts';

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|MERGE';
// URLs may hold spaces ($filter expressions), so the URL runs up to an optional HTTP version.
const REQUEST_LINE = new RegExp(`^\\s*(${METHODS})\\s+(.+?)(?:\\s+HTTP/\\d(?:\\.\\d)?)?\\s*$`, 'i');
const STATUS_LINE = /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*?))?\s*$/i;
const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*?)\s*$/;

/** Splits the service root (`https://graph.microsoft.com/v1.0`, `/beta`) off a URL. */
export function splitUrl(url: string): DocUrl {
  let rest = url.trim();
  let root = '';
  const absolute = /^https?:\/\/[^/?#]*/i.exec(rest);
  if (absolute) {
    root = absolute[0];
    rest = rest.slice(root.length);
  }
  const version = /^\/(?:v1\.0|beta)(?=[/?#]|$)/i.exec(rest);
  if (version) {
    root += version[0];
    rest = rest.slice(version[0].length);
  }
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  const result: DocUrl = { url, path: path === '' ? '/' : path.startsWith('/') ? path : `/${path}` };
  if (root) result.serviceRoot = root;
  if (question !== -1) result.query = rest.slice(question + 1);
  return result;
}

export function isRequestLine(line: string): boolean {
  return REQUEST_LINE.test(line);
}

export function isStatusLine(line: string): boolean {
  return STATUS_LINE.test(line);
}

/** Every `METHOD url` line of a block (the "HTTP request" section may list several). */
export function parseRequestLines(span: TextSpan): DocRequestLine[] {
  const lines: DocRequestLine[] = [];
  splitLines(span.text).forEach((line, index) => {
    const match = REQUEST_LINE.exec(line);
    if (!match) return;
    const column = (span.columns[index] ?? 1) + line.indexOf(match[1]!);
    lines.push({ method: match[1]!.toUpperCase(), ...splitUrl(match[2]!), source: { file: span.file, line: span.line + index, column } });
  });
  return lines;
}

export function parseHttpRequest(span: TextSpan, diagnostics: DiagnosticCollector, report: boolean): DocHttpRequest | undefined {
  const lines = splitLines(span.text);
  const first = lines.findIndex((line) => line.trim() !== '');
  const match = first === -1 ? null : REQUEST_LINE.exec(lines[first]!);
  if (!match) {
    if (report) reportMalformed(span, first, lines, diagnostics);
    return undefined;
  }
  const { headers, body } = parseRest(span, lines, first, diagnostics, report);
  const source = spanPosition(span, lineStarts(span.text)[first]! + lines[first]!.indexOf(match[1]!));
  const request: DocHttpRequest = { kind: 'request', method: match[1]!.toUpperCase(), ...splitUrl(match[2]!), headers, source };
  if (body) request.body = body;
  return request;
}

export function parseHttpResponse(span: TextSpan, diagnostics: DiagnosticCollector, report: boolean): DocHttpResponse | undefined {
  const lines = splitLines(span.text);
  const first = lines.findIndex((line) => line.trim() !== '');
  const match = first === -1 ? null : STATUS_LINE.exec(lines[first]!);
  if (!match) {
    if (report) reportMalformed(span, first, lines, diagnostics);
    return undefined;
  }
  const { headers, body } = parseRest(span, lines, first, diagnostics, report);
  const source = spanPosition(span, lineStarts(span.text)[first]! + lines[first]!.search(/\S/));
  const response: DocHttpResponse = { kind: 'response', status: Number(match[1]), reason: match[2] ?? '', headers, source };
  if (body) response.body = body;
  return response;
}

function reportMalformed(span: TextSpan, first: number, lines: string[], diagnostics: DiagnosticCollector): void {
  const index = Math.max(first, 0);
  diagnostics.report('docs/malformed-http', spanPosition(span, lineStarts(span.text)[index] ?? 0), {
    line: (lines[index] ?? '').trim() || '(empty)',
  });
}

/** Headers up to the first blank line (or up to a line that is plainly a JSON body), then the body. */
function parseRest(span: TextSpan, lines: string[], first: number, diagnostics: DiagnosticCollector, report: boolean) {
  const headers: DocHeader[] = [];
  let index = first + 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const header = HEADER_LINE.exec(line);
    if (line.trim() === '' || !header) break;
    const source = spanPosition(span, lineStarts(span.text)[index] ?? 0);
    headers.push({ name: header[1]!, value: header[2]!, source });
  }
  while (index < lines.length && lines[index]!.trim() === '') index++;
  if (index >= lines.length) return { headers, body: undefined };
  const bodySpan = spanFromLine(span, index);
  const body: DocBody = { span: bodySpan };
  if (isJsonBody(headers, bodySpan.text)) body.json = parseJsonSpan(bodySpan, diagnostics, report);
  return { headers, body };
}

function isJsonBody(headers: DocHeader[], text: string): boolean {
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.toLowerCase();
  if (contentType !== undefined) return contentType.includes('json');
  return /^\s*[{[]/.test(text);
}

/** Parses JSON text with positions; a syntax error is reported at its markdown line and column. */
export function parseJsonSpan(span: TextSpan, diagnostics: DiagnosticCollector, report: boolean): DocJson {
  const parsed = parseJsonWithPositions(span.text);
  const json: DocJson = { span, pointers: parsed.pointers, duplicateKeys: parsed.duplicateKeys };
  if (parsed.error) {
    const source = spanPosition(span, parsed.error.offset);
    json.error = { ...parsed.error, source };
    if (report) diagnostics.report('docs/malformed-json', source, { reason: parsed.error.message });
  } else {
    json.value = parsed.value!;
  }
  return json;
}
