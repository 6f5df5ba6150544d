import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/**
 * Serves msw handlers over real HTTP on a local port: for checking the suite's `--base-url`
 * path, or for pointing a non-JavaScript client at the reference handlers. Each request is
 * turned into a fetch `Request`, answered by the handlers (msw's `getResponse`), and written
 * back; no handler answers 404, a thrown handler 500.
 */
export interface ServedHandlers {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export async function serveHandlers(
  handlers: readonly RequestHandler[] | ((origin: string) => readonly RequestHandler[]),
  options: ServeOptions = {},
): Promise<ServedHandlers> {
  const host = options.host ?? '127.0.0.1';
  let active: readonly RequestHandler[] = typeof handlers === 'function' ? [] : handlers;
  const server = createServer((incoming, outgoing) => {
    void answer(active, host, incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  if (typeof handlers === 'function') active = handlers(origin);
  return {
    origin,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function answer(handlers: readonly RequestHandler[], host: string, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? host}`);
    const method = incoming.method ?? 'GET';
    const request = new Request(url, { method, headers, ...(body.length > 0 && method !== 'GET' && method !== 'HEAD' && { body }) });
    const response = await getResponse([...handlers], request);
    if (!response) {
      outgoing.writeHead(404, { 'Content-Type': 'text/plain' }).end(`No handler for ${method} ${url.pathname}\n`);
      return;
    }
    const payload = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    outgoing.writeHead(response.status, out).end(payload);
  } catch (error) {
    if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'text/plain' });
    outgoing.end(`Handler failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
