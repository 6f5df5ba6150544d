import type { FetchLike, RequestInitLike } from '../send.ts';

/** What a fake service answers: a JSON body by default, or raw text, with a status and content type. */
export interface FakeResponse {
  status?: number;
  json?: unknown;
  text?: string;
  contentType?: string | null;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The parsed JSON body, if any. */
  body?: unknown;
  signal?: unknown;
}

/** A fetch that records every request and answers with `respond` (default: 204). */
export function fakeFetch(respond: (request: RecordedRequest) => FakeResponse = () => ({ status: 204 })): {
  fetch: FetchLike;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url: string, init: RequestInitLike) => {
    const request: RecordedRequest = { method: init.method, url, headers: { ...init.headers } };
    // JSON bodies are text; a `$value` body is recorded as it was given.
    if (init.body !== undefined) request.body = typeof init.body === 'string' && /json/.test(init.headers['content-type'] ?? '') ? (JSON.parse(init.body) as unknown) : init.body;
    if (init.signal !== undefined) request.signal = init.signal;
    requests.push(request);
    const answer = respond(request);
    const status = answer.status ?? 200;
    const text = answer.text ?? (answer.json === undefined ? null : JSON.stringify(answer.json));
    const headers: Record<string, string> = {};
    const contentType = answer.contentType === undefined ? (text === null ? null : 'application/json; odata.metadata=minimal') : answer.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    return new Response(status === 204 ? null : text, { status, headers });
  };
  return { fetch, requests };
}
