import { isJsonType, send, type ClientOptions, type FetchLike, type ResponseLike, type RequestOptions } from './send.js';

/**
 * `$batch` in the JSON format (OData JSON Format 4.01 section 19; OData Protocol 4.01 section
 * 11.7): the requests a build function makes with the normal builders are recorded instead of
 * sent, then go out in one `POST <root>/$batch`, and each call's promise settles from its own
 * response object, through the same decoding and validation as a single call.
 *
 *     const [user, list] = await client.$batch((b) => [b.users.post(body), b.users.get({ $top: 5 })]);
 *     if (user.ok) user.value.id; else user.error.status;
 *
 * A batch builder records a request when a verb is called, so that ids follow call order
 * (`"1"`, `"2"`...). `$at(request, collection)` is the entity a request of the batch created or
 * addressed (`$1`, section 19.1), and lists it in `dependsOn`; `$atomic` makes an atomicity
 * group; `$after` adds dependencies. Request urls are relative to the service root.
 */

/** One call's outcome: the value the call resolves to, or the error it fails with (ODataRequestError for its status). */
export type BatchResult<T> = { ok: true; value: T } | { ok: false; error: Error };

/** The results in the shape the build function returned (a tuple or an object of calls). */
export type BatchResults<R> = { -readonly [K in keyof R]: BatchResult<Awaited<R[K]>> };

/** What a batch builder adds to the client. */
export interface BatchBuilder {
  /** The entity `request` (of this batch) created or addressed, as a member of `collection`: `$1/...` (JSON Format 4.01 section 19.1). */
  $at<C extends { byId(...key: never[]): unknown }>(request: PromiseLike<unknown>, collection: C): ReturnType<C['byId']>;
  /** The requests `build` makes form one atomicity group: all succeed, or none has an effect. */
  $atomic<const R>(build: () => R): R;
  /** The requests `build` makes run only after `requests` succeeded (`dependsOn`). */
  $after<const R>(requests: readonly PromiseLike<unknown>[], build: () => R): R;
}

export interface Batching<Client> {
  /** Sends the requests `build` makes in one `$batch`; rejects only when the batch itself fails. */
  $batch<const R extends readonly unknown[] | Record<string, unknown>>(build: (batch: Client & BatchBuilder) => R, options?: RequestOptions): Promise<BatchResults<R>>;
}

interface Item {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
  atomicityGroup?: string;
}

interface Answer {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
}

type Settle = (response: ResponseLike | Error) => void;

/** The requests of one batch as they are recorded, and how each call's promise settles. */
interface Recording {
  items: Item[];
  waiting: Map<string, Settle>;
  /** Call promise -> request id. */
  ids: WeakMap<object, string>;
  group: string | undefined;
  after: string[];
  sent: boolean;
  fetch: FetchLike;
}

/** `client.$batch`: `make` builds a client over the given options (one whose fetch records). */
export function batching(options: ClientOptions, make: (options: ClientOptions) => unknown) {
  return async (build: (batch: unknown) => unknown, requestOptions?: RequestOptions): Promise<unknown> => {
    const base = options.baseUrl.replace(/\/+$/, '');
    const recording = recorder(base);
    // Per-call headers only: the client's own headers go on the batch request (a function of them would make recording asynchronous).
    const { headers: _headers, ...rest } = options;
    const calls = build(builder(recording, make({ ...rest, fetch: recording.fetch })));
    recording.sent = true;
    if (recording.items.length > 0) await deliver(options, base, recording, requestOptions);
    return settleAll(calls);
  };
}

/** A fetch that records each request as a request object (JSON Format 4.01 section 19.1) and answers when the batch does. */
function recorder(base: string): Recording {
  const record: FetchLike = (url, init) => {
    const { items, waiting, group, after } = recording;
    if (recording.sent) return Promise.reject(new TypeError('the batch was sent'));
    const id = String(items.length + 1);
    const path = url.startsWith(`${base}/`) ? url.slice(base.length + 1) : url;
    const item: Item = { id, method: init.method, url: path, headers: init.headers };
    if (init.body !== undefined) item.body = bodyOf(init.body, init.headers['content-type']);
    const reference = /^\$(\d+)(?=[/?]|$)/.exec(path)?.[1];
    // A `$<id>` names its request in dependsOn (JSON Format 4.01 section 19.1), whatever group it is in.
    const depends = [...after, ...(reference === undefined ? [] : [reference])];
    if (depends.length > 0) item.dependsOn = [...new Set(depends)];
    if (group !== undefined) item.atomicityGroup = group;
    items.push(item);
    return new Promise((resolve, reject) => waiting.set(id, (response) => (response instanceof Error ? reject(response) : resolve(response))));
  };
  const recording: Recording = { items: [], waiting: new Map(), ids: new WeakMap(), group: undefined, after: [], sent: false, fetch: record };
  return recording;
}

/** The client `build` gets: every call's promise known (for `$at`, `$after`) and handled, plus the batch tools. */
function builder(recording: Recording, client: unknown): unknown {
  const { items, ids } = recording;
  // A failure nobody awaits is then no unhandled rejection.
  const track = (value: unknown): unknown =>
    typeof value !== 'function'
      ? value
      : new Proxy(value, {
          get: (target, property) => track(Reflect.get(target, property)),
          apply: (target, self, args) => {
            const count = items.length;
            const result = Reflect.apply(target as (...args: unknown[]) => unknown, self, args);
            if (result instanceof Promise) {
              result.catch(() => undefined);
              if (items.length > count) ids.set(result, items[items.length - 1]!.id);
            }
            return track(result);
          },
        });
  const idOf = (request: unknown): string => {
    const id = ids.get(request as object);
    if (id === undefined) throw new TypeError('not a request of this batch');
    return id;
  };
  /** Runs `inner` with the requests it makes in `group`, depending on `after`. */
  const within = <R>(inner: () => R, group: string | undefined, after: string[]): R => {
    const outer = [recording.group, recording.after] as const;
    [recording.group, recording.after] = [group, after];
    try {
      return inner();
    } finally {
      [recording.group, recording.after] = outer;
    }
  };
  const tools: BatchBuilder = {
    $at: (request, collection) => collection.byId({ $batch: idOf(request) } as never) as never,
    $atomic: (inner) => within(inner, recording.group ?? `g${items.length + 1}`, recording.after),
    $after: (requests, inner) => within(inner, recording.group, [...recording.after, ...requests.map(idOf)]),
  };
  const tracked = track(client) as Record<string, unknown>;
  return new Proxy(tracked, { get: (target, property) => (Object.hasOwn(tools, property) ? tools[property as keyof BatchBuilder] : target[property as string]) });
}

/** Sends the batch and settles each call from its response object; a failed batch fails every call, and rejects. */
async function deliver(options: ClientOptions, base: string, { items, waiting }: Recording, requestOptions: RequestOptions | undefined): Promise<void> {
  let responses: unknown;
  try {
    const answer = await send(options, { method: 'POST', url: `${base}/$batch`, body: { requests: items }, options: requestOptions });
    responses = (answer as { responses?: unknown } | undefined)?.responses;
    if (!Array.isArray(responses)) throw new TypeError('not a JSON batch response');
  } catch (error) {
    for (const settle of waiting.values()) settle(error as Error);
    throw error;
  }
  for (const answer of responses as Answer[]) {
    waiting.get(String(answer.id))?.(responseOf(answer));
    waiting.delete(String(answer.id));
  }
  for (const [id, settle] of waiting) settle(new TypeError(`no response for request ${id}`));
}

/** The calls' outcomes in the shape `build` returned them (a tuple or an object). */
async function settleAll(calls: unknown): Promise<unknown> {
  const settle = (call: unknown) => Promise.resolve(call).then((value) => ({ ok: true, value }), (error: unknown) => ({ ok: false, error }));
  if (Array.isArray(calls)) return Promise.all(calls.map(settle));
  const entries = Object.entries(calls as Record<string, unknown>);
  const settled = await Promise.all(entries.map(([, call]) => settle(call)));
  return Object.fromEntries(entries.map(([name], index) => [name, settled[index]]));
}

/**
 * A response object as the response of a fetch (JSON Format 4.01 section 19.5): JSON bodies
 * as JSON text, text bodies as they are, other media types base64url-encoded.
 */
function responseOf(answer: Answer): ResponseLike {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name.toLowerCase()] = value;
  const type = headers['content-type'];
  const json = isJsonType(type);
  const { body } = answer;
  const text = body === undefined ? '' : typeof body === 'string' && !json ? body : JSON.stringify(body);
  const status = Number(answer.status);
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: async () => text,
    arrayBuffer: async () => (json || /^text\//i.test(type ?? '') ? utf8(text) : fromBase64Url(text)).buffer as ArrayBuffer,
  };
}

/**
 * A request body as a request object's body (JSON Format 4.01 section 19.1): JSON as JSON, text
 * as text. Bytes (a `$value` upload) would go base64url-encoded; the runtime leaves that out
 * to stay small, and refuses them.
 */
export function bodyOf(body: string | ArrayBuffer | ArrayBufferView, type?: string): unknown {
  if (typeof body !== 'string') throw new TypeError('binary bodies cannot go in a batch');
  return isJsonType(type) ? JSON.parse(body) : body;
}

function utf8(text: string): Uint8Array {
  return Uint8Array.from(unescape(encodeURIComponent(text)), (char) => char.charCodeAt(0));
}

/** Base64url (and base64) to bytes, without atob (the runtime assumes no DOM library). */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function fromBase64Url(text: string): Uint8Array {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const index = `${DIGITS}+/`.indexOf(char);
    if (index < 0) continue;
    const digit = index > 63 ? index - 2 : index;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return new Uint8Array(bytes);
}
