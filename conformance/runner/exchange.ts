/**
 * One request the suite sent and what came back, kept as plain data so that every failure can
 * say what was sent, what was answered, and how to send it again.
 */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Exchange {
  request: SentRequest;
  /** 0 when nothing answered (no handler matched, the handler threw, the network failed). */
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it parses. */
  json?: unknown;
  /** In-process: no handler matched the request. */
  unhandled?: boolean;
  /** The handler threw; the error message. */
  thrown?: string;
  /** The request did not reach a server (connection refused, timeout). */
  networkError?: string;
  /** No answer within the timeout. */
  timedOut?: boolean;
}

/** How a failure tells the reader to send the request again. */
export type ReproduceStyle = 'curl' | 'fetch';

export function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const LIMIT = 600;

/** What was sent and what came back, for a failure message. */
export function describeExchange(exchange: Exchange, style: ReproduceStyle): string {
  const { request } = exchange;
  const lines = [`  sent:     ${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`            ${name}: ${value}`);
  if (request.body !== undefined) lines.push(`            ${truncate(request.body)}`);
  lines.push(`  got:      ${answer(exchange)}`);
  for (const name of ['content-type', 'odata-version', 'location']) {
    if (exchange.headers[name] !== undefined) lines.push(`            ${name}: ${exchange.headers[name]}`);
  }
  if (exchange.body !== '') lines.push(`            ${truncate(exchange.body)}`);
  lines.push(`  reproduce: ${style === 'curl' ? curlLine(request) : fetchLine(request)}`);
  return lines.join('\n');
}

function answer(exchange: Exchange): string {
  if (exchange.unhandled) return 'no handler matched the request';
  if (exchange.thrown !== undefined) return `the handler threw: ${exchange.thrown}`;
  if (exchange.networkError !== undefined) return `no answer: ${exchange.networkError}`;
  return String(exchange.status);
}

function truncate(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > LIMIT ? `${flat.slice(0, LIMIT)}... (${flat.length} characters)` : flat;
}

/** A shell-safe curl command line. */
export function curlLine(request: SentRequest): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(request.body));
  return parts.join(' ');
}

/** The same request as a fetch call, for in-process targets (run it where the handlers are active). */
export function fetchLine(request: SentRequest): string {
  const init: Record<string, unknown> = { method: request.method };
  if (Object.keys(request.headers).length > 0) init['headers'] = request.headers;
  if (request.body !== undefined) init['body'] = request.body;
  return `await fetch(${JSON.stringify(request.url)}, ${JSON.stringify(init)})`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}
