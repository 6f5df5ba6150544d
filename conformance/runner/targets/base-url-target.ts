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
}

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
  return {
    name: url.href.replace(/\/+$/, ''),
    serviceRoot,
    reproduce: 'curl',
    persistent: true,
    send: (request) => send(request, timeoutMs),
    close: async () => {},
  };
}

async function send(request: SentRequest, timeoutMs: number): Promise<Exchange> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      ...(request.body !== undefined && { body: request.body }),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { request, status: 0, headers: {}, body: '', networkError: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
  const body = await response.text();
  const json = parseBody(body);
  return { request, status: response.status, headers: headersOf(response), body, ...(json !== undefined && { json }) };
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
