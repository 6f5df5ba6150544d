import { createDiagnostic } from '../../../generator/diagnostics/diagnostic.ts';
import { UserInputError } from '../../../generator/diagnostics/user-error.ts';
import { headersOf, parseBody, type Exchange, type SentRequest } from '../exchange.ts';
import type { Target } from './target.ts';

/**
 * A running server, reached with `fetch`. The suite creates and deletes data, so by default it
 * only talks to loopback addresses (a local test server); `allowRemote` lifts that.
 */
export interface BaseUrlTargetOptions {
  /** Root the operations are requested under; default the base URL. */
  serviceRoot?: string;
  allowRemote?: boolean;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** Sent with every request (authentication); reports show their names, never their values. */
  headers?: Record<string, string>;
}

/** How a header value the user gave appears in reports and reproduce lines. */
export const REDACTED = '<redacted>';

export function baseUrlTarget(baseUrl: string, options: BaseUrlTargetOptions = {}): Target {
  const url = parseUrl(baseUrl, '--base-url');
  const root = parseUrl(options.serviceRoot ?? baseUrl, '--service-root');
  const serviceRoot = root.href.replace(/\/+$/, '');
  // Requests go to the service root: it must be local too.
  for (const [option, target] of [['--base-url', url], ['--service-root', root]] as const) {
    if (!options.allowRemote && !isLoopback(target.hostname)) {
      throw unusable(target.href, `${option} host ${target.hostname} is not a loopback address; the suite writes and deletes data, so it only runs against a local test server (or pass --allow-remote)`);
    }
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const extra = options.headers ?? {};
  const target: Target = {
    name: url.href.replace(/\/+$/, ''),
    serviceRoot,
    reproduce: 'curl',
    persistent: true,
    send: (request) => send(request, timeoutMs, extra),
    preflight: () => preflight(target),
    close: async () => {},
  };
  return target;
}

/**
 * Whether an OData service answers at the service root: something must answer, and it must be
 * the service (its service document, or at least an OData answer), not a web server's HTML 404
 * page for a base URL without the service path. `$metadata`, where served, must be XML.
 */
export async function preflight(target: Target): Promise<string | undefined> {
  const root = await target.send({ method: 'GET', url: `${target.serviceRoot}/`, headers: { Accept: 'application/json' } });
  if (root.networkError !== undefined) return `nothing answers at ${target.serviceRoot} (${root.networkError}); start the server, or check --base-url`;
  const odata = root.headers['odata-version'] !== undefined || (root.json !== undefined && typeof root.json === 'object');
  if (root.status >= 200 && root.status < 300 && odata) return undefined;
  const metadata = await target.send({ method: 'GET', url: `${target.serviceRoot}/$metadata`, headers: {} });
  const xml = metadata.status === 200 && /xml/i.test(metadata.headers['content-type'] ?? '') && /<edmx:Edmx\b/.test(metadata.body);
  if (xml || (odata && root.status < 500)) return undefined;
  const what = `${root.status} ${root.headers['content-type'] ?? 'with no Content-Type'}`;
  return `${target.serviceRoot} is not an OData service root: GET ${target.serviceRoot}/ answered ${what}, and GET ${target.serviceRoot}/$metadata answered ${metadata.status || metadata.networkError}; give the service's own URL (e.g. --base-url http://127.0.0.1:4004/odata/v4/catalog), or the path the operations are under with --service-root`;
}

async function send(request: SentRequest, timeoutMs: number, extra: Record<string, string>): Promise<Exchange> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: { ...extra, ...request.headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      ...(request.body !== undefined && { body: request.body }),
    });
  } catch (error) {
    const recorded = redacted(request, extra);
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { request: recorded, status: 0, headers: {}, body: '', networkError: `no answer within ${timeoutMs} ms (--timeout)`, timedOut: true };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { request: recorded, status: 0, headers: {}, body: '', networkError: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    return { request: redacted(request, extra), status: response.status, headers: headersOf(response), body: '', networkError: `the body did not arrive: ${error instanceof Error ? error.message : String(error)}` };
  }
  const json = parseBody(body);
  return { request: redacted(request, extra), status: response.status, headers: headersOf(response), body, ...(json !== undefined && { json }) };
}

/** The request as reports show it: the user's headers by name, their values never. */
function redacted(request: SentRequest, extra: Record<string, string>): SentRequest {
  const names = Object.keys(extra);
  if (names.length === 0) return request;
  return { ...request, headers: { ...Object.fromEntries(names.map((name) => [name, REDACTED])), ...request.headers } };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parseUrl(text: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw unusable(text, `${option} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw unusable(text, `${option} must be an http or https URL`);
  return url;
}

function unusable(target: string, reason: string): UserInputError {
  return new UserInputError([createDiagnostic('conformance/unusable-target', { file: '<arguments>', line: 1, column: 1 }, { target, reason })]);
}
