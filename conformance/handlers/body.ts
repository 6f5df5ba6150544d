import { odataError } from './responses.ts';

/**
 * Reads a JSON request body: `application/json` (any parameters) or 415 Unsupported Media
 * Type (OData JSON Format 4.0 §3; RFC 9110 §15.5.16), then JSON or 400 Bad Request.
 */
export type BodyResult = { ok: true; value: unknown; empty: boolean } | { ok: false; response: Response };

export async function readJsonBody(request: Request, allowEmpty = false): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === '') {
    if (allowEmpty) return { ok: true, value: {}, empty: true };
    return { ok: false, response: odataError(400, 'BadRequest', 'The request body is empty; a JSON object is required') };
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!isJsonMediaType(contentType)) {
    return {
      ok: false,
      response: odataError(415, 'UnsupportedMediaType', `Content-Type '${contentType || '(none)'}' is not supported; send application/json`),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text), empty: false };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, response: odataError(400, 'BadRequest', `The request body is not valid JSON: ${reason}`) };
  }
}

export function isJsonMediaType(contentType: string): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType.trim());
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
