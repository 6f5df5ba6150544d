import { getResponse, http, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { headersOf, parseBody, type Exchange, type SentRequest } from '../exchange.ts';
import type { Target } from './target.ts';

/**
 * msw handlers run in-process, with no network.
 * - `server`: what users do, `setupServer(...handlers)` and `fetch`. A catch-all handler answers
 *   whatever the handlers do not, and with msw 2 `fetch` is blocked underneath msw, so that even
 *   a `passthrough()` cannot reach the network. msw 3 intercepts below `fetch` (in Node's HTTP
 *   layer) and calls the `fetch` it finds, so there the block would refuse every request: it is
 *   left out, and only the catch-all keeps requests off the network.
 * - `direct`: msw's `getResponse(handlers, request)`, which runs the same handler code
 *   (`handler.run`) without intercepting anything; about twice as fast, for large runs.
 */
export interface HandlersTargetOptions {
  /** How reports name the target. */
  name?: string;
  serviceRoot?: string;
  /** Called when a run starts over (the module's `reset` export). */
  reset?: () => unknown;
  transport?: 'server' | 'direct';
}

const UNHANDLED = 'x-odatakit-unhandled';

export async function handlersTarget(handlers: readonly RequestHandler[], options: HandlersTargetOptions = {}): Promise<Target> {
  const serviceRoot = (options.serviceRoot ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const base = { name: options.name ?? 'msw handlers', serviceRoot, reproduce: 'fetch' as const, persistent: false };
  const reset = options.reset;
  if ((options.transport ?? 'server') === 'direct') {
    return {
      ...base,
      send: async (request) => {
        await nextTurn();
        return sendDirect(handlers, request);
      },
      ...(reset && { reset: async () => void (await reset()) }),
      close: async () => {},
    };
  }
  const original = globalThis.fetch;
  const catchAll = http.all('*', () => new Response(null, { status: 599, headers: { [UNHANDLED]: '1' } }));
  const listen = (underneath: typeof globalThis.fetch) => {
    globalThis.fetch = underneath;
    const started = setupServer(...handlers, catchAll);
    started.listen({ onUnhandledRequest: 'bypass' });
    return started;
  };
  let server = listen(blockedFetch);
  if (!(await interceptsAboveFetch(globalThis.fetch))) {
    server.close();
    server = listen(original);
  }
  const intercepted = globalThis.fetch;
  return {
    ...base,
    send: async (request) => {
      await nextTurn();
      return sendThroughServer(intercepted, request);
    },
    ...(reset && {
      reset: async () => {
        server.resetHandlers();
        await reset();
      },
    }),
    close: async () => {
      server.close();
      globalThis.fetch = original;
    },
  };
}

/**
 * One turn of the event loop before each request. V8 keeps the target of every WeakRef made
 * during a job alive until the job ends (ECMAScript ClearKeptObjects, when the microtask queue
 * drains), and undici's Request.clone (msw clones each request) makes one; a run that only
 * awaits promises is one job, so every request's clone (its body, headers, AbortSignal and
 * listeners) stayed in memory to the end: at 40,000 requests, 40,000 AbortControllers.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether msw answered a request without calling the (blocked) fetch beneath it: msw 2 does, msw 3 does not. */
async function interceptsAboveFetch(fetch: typeof globalThis.fetch): Promise<boolean> {
  try {
    await fetch('http://odatakit.invalid/interception-probe', { method: 'HEAD' });
    return true;
  } catch {
    return false;
  }
}

async function blockedFetch(input: string | URL | Request): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  throw new Error(`odatakit conformance: network access is disabled while the suite runs handlers in-process (${url})`);
}

function toRequest(request: SentRequest): Request {
  const init: RequestInit = { method: request.method, ...(request.body !== undefined && { body: request.body }) };
  // Most requests carry no header: undici would still fill a Headers object from an empty record.
  if (Object.keys(request.headers).length > 0) init.headers = request.headers;
  return new Request(request.url, init);
}

async function sendDirect(handlers: readonly RequestHandler[], request: SentRequest): Promise<Exchange> {
  let response: Response | undefined;
  try {
    response = await getResponse(handlers as RequestHandler[], toRequest(request));
  } catch (error) {
    return { request, status: 0, headers: {}, body: '', thrown: error instanceof Error ? error.message : String(error) };
  }
  if (!response || response.headers.get('x-msw-intention') === 'passthrough') {
    return { request, status: 0, headers: {}, body: '', unhandled: true };
  }
  return read(request, response);
}

async function sendThroughServer(fetch: typeof globalThis.fetch, request: SentRequest): Promise<Exchange> {
  let response: Response;
  try {
    response = await fetch(toRequest(request));
  } catch (error) {
    return { request, status: 0, headers: {}, body: '', networkError: error instanceof Error ? error.message : String(error) };
  }
  if (response.headers.get(UNHANDLED) === '1') return { request, status: 0, headers: {}, body: '', unhandled: true };
  const exchange = await read(request, response);
  // msw answers an exception in a resolver with 500 "Unhandled Exception" and the error as JSON.
  if (response.status === 500 && response.statusText === 'Unhandled Exception') {
    const error = exchange.json as { message?: unknown } | undefined;
    return { ...exchange, thrown: typeof error?.message === 'string' ? error.message : exchange.body };
  }
  return exchange;
}

async function read(request: SentRequest, response: Response): Promise<Exchange> {
  const body = await response.text();
  const json = parseBody(body);
  return { request, status: response.status, headers: headersOf(response), body, ...(json !== undefined && { json }) };
}
