import { getResponse, type RequestHandler } from 'msw';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * One request through the handlers, in process (msw's getResponse): a body object goes as JSON,
 * a string as it is (with `contentType`); the answer's body parsed as JSON, undefined when empty.
 */
export async function send(handlers: readonly RequestHandler[], url: string, method: string, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'Content-Type': contentType };
  }
  const response = (await getResponse(handlers as RequestHandler[], new Request(url, init)))!;
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}
