import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  type: string;
  body: string;
}

export interface StaticServer {
  origin: string;
  /** Requests that matched no file, as `METHOD /path`: what reached the network, not the worker. */
  misses: string[];
  close(): Promise<void>;
}

/**
 * A static server on 127.0.0.1 (a port the system picks) for the files given by URL path.
 * Anything else gets a plain 404 and is recorded, so that a test can tell a request the
 * service worker answered from one that went past it.
 */
export async function serveStatic(files: Record<string, StaticFile>): Promise<StaticServer> {
  const misses: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = Object.hasOwn(files, path) ? files[path] : undefined;
    if (request.method !== 'GET' || !file) {
      misses.push(`${request.method} ${path}`);
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not a file of the test page');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    misses,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
