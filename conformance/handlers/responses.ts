/**
 * Responses of the reference handlers: JSON with the headers Graph sends, and OData errors
 * `{ "error": { "code", "message", "details"? } }` (OData JSON Format 4.0 §19). Every response
 * carries `OData-Version: 4.0` (OData Protocol 4.0 §8.1.5).
 */
export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, 'OData-Version': '4.0', ...headers },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { 'OData-Version': '4.0', ...headers } });
}

export function text(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain;charset=utf-8', 'OData-Version': '4.0' } });
}

export function odataError(status: number, code: string, message: string, details?: ErrorDetail[], headers: Record<string, string> = {}): Response {
  const error: Record<string, unknown> = { code, message };
  if (details && details.length > 0) error['details'] = details;
  return json({ error }, status, headers);
}
