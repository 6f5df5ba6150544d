import { ODataRequestError, ODataValidationError, parseErrorBody, type ValidationProblem } from './errors.js';

/**
 * One HTTP exchange: headers, the optional validation hook, fetch, and the response mapped
 * to a value (OData JSON Format 4.01; OData Protocol 4.01 section 9 for status codes).
 * The fetch types are structural so that the runtime needs neither the DOM library nor Node
 * types: any WHATWG-style fetch fits.
 */

export interface ResponseLike {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  /** JSON as text; the bytes or text of a `$value` as given. */
  body?: RawBody;
  signal?: unknown;
}

export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;

export type HeaderValues = Readonly<Record<string, string>>;

/** What a `$value` PUT sends: text or bytes, as fetch takes them. */
export type RawBody = string | ArrayBuffer | ArrayBufferView;

/** A media resource or stream read through `$value`: its bytes and their content type. */
export interface MediaContent {
  data: ArrayBuffer;
  contentType: string;
}

/** What the validation hook is asked to check: one body, with the type and mode it must have. */
export interface ValidationCheck {
  phase: 'request' | 'response';
  method: string;
  url: string;
  /** Qualified name: an entity type, an Edm type, or for action parameters the action. */
  type: string;
  collection: boolean;
  mode: 'read' | 'create' | 'update' | 'parameters';
  body: unknown;
}

/** Returns the problems found; any that is not a warning fails the call with ODataValidationError. */
export type ValidateHook = (check: ValidationCheck) => readonly ValidationProblem[] | undefined | void;

export interface ClientOptions {
  /** The service root, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** Default: `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Sent with every request; a function is called per request (to add a fresh token, say). */
  headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
  validate?: ValidateHook;
}

export interface RequestOptions {
  /** Added to (and overriding) the client's headers. */
  headers?: HeaderValues;
  /** Passed to fetch: an AbortSignal. */
  signal?: unknown;
}

/** What a call sends, and the types its bodies are validated as. */
export interface Exchange {
  method: string;
  url: string;
  body?: unknown;
  options?: RequestOptions | undefined;
  request?: Omit<ValidationCheck, 'phase' | 'method' | 'url' | 'body'>;
  response?: Omit<ValidationCheck, 'phase' | 'method' | 'url' | 'body'> & { unwrap?: boolean };
  /** A `$value`: the body goes as it is, typed `contentType`; the answer is text or bytes (null for 204). */
  raw?: 'text' | 'bytes';
  contentType?: string;
}

export async function send(client: ClientOptions, exchange: Exchange): Promise<unknown> {
  const { method, url } = exchange;
  const hasBody = exchange.body !== undefined;
  if (hasBody && exchange.request) check(client, { ...exchange.request, phase: 'request', method, url, body: exchange.body });
  const fetch = client.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (!fetch) throw new TypeError('no fetch: pass one in the client options');
  const defaults = typeof client.headers === 'function' ? await client.headers() : client.headers;
  const raw = exchange.raw;
  const headers: Record<string, string> = {
    accept: raw ? '*/*' : 'application/json',
    ...(hasBody && { 'content-type': exchange.contentType ?? 'application/json' }),
    ...lowerCase(defaults),
    ...lowerCase(exchange.options?.headers),
  };
  const init: RequestInitLike = { method, headers };
  if (hasBody) init.body = raw ? (exchange.body as RawBody) : JSON.stringify(exchange.body);
  if (exchange.options?.signal !== undefined) init.signal = exchange.options.signal;
  const response = await fetch(url, init);
  if (raw) return readRaw(response, raw, method, url);
  const value = await read(response, method, url);
  if (value !== undefined && exchange.response && isJson(response)) {
    const body = exchange.response.unwrap ? (value as { value?: unknown }).value : value;
    check(client, { ...exchange.response, phase: 'response', method, url, body });
  }
  return value;
}

/** 204 and empty bodies are undefined; JSON is parsed; anything else is an ArrayBuffer. */
async function read(response: ResponseLike, method: string, url: string): Promise<unknown> {
  if (!response.ok) {
    const text = await response.text();
    throw new ODataRequestError({ status: response.status, method, url, body: parseErrorBody(parseJson(text)), text });
  }
  if (response.status === 204) return undefined;
  if (!isJson(response)) {
    const bytes = await response.arrayBuffer();
    return bytes.byteLength === 0 ? undefined : bytes;
  }
  const text = await response.text();
  if (text.trim() === '') return undefined;
  const value = parseJson(text);
  if (value === undefined) {
    throw new ODataRequestError({ status: response.status, method, url, body: undefined, text, reason: 'the response is not valid JSON' });
  }
  return value;
}

/**
 * A raw value (OData Protocol 4.01 section 11.2.4.1.1, 11.2.4.2): a primitive's text, or the
 * bytes of a stream with their content type; 204 (a null value, no stream) is null.
 */
async function readRaw(response: ResponseLike, kind: 'text' | 'bytes', method: string, url: string): Promise<string | MediaContent | null> {
  // An error throws there; a 204 reads as nothing.
  if (!response.ok || response.status === 204) {
    await read(response, method, url);
    return null;
  }
  if (kind === 'text') return response.text();
  return { data: await response.arrayBuffer(), contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
}

function isJson(response: ResponseLike): boolean {
  return isJsonType(response.headers.get('content-type'));
}

/** JSON or a `+json` media type; a body without a type is taken as JSON. */
export function isJsonType(type: string | null | undefined): boolean {
  return type == null || /^application\/(.+\+)?json\b/i.test(type.trim());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function check(client: ClientOptions, input: ValidationCheck): void {
  const problems = client.validate?.(input) ?? [];
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  if (errors.length > 0) throw new ODataValidationError({ phase: input.phase, method: input.method, url: input.url, issues: errors });
}

/** Header names are case-insensitive; lower-casing them lets a per-request header replace a default. */
function lowerCase(headers: HeaderValues | undefined): Record<string, string> {
  const result = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}
