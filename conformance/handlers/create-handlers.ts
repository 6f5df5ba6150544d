import { http, type HttpHandler } from 'msw';
import type { Model } from '../../generator/model/types.ts';
import { payloadValidator } from '../validation/validator.ts';
import type { HandlerContext } from './context.ts';
import { handleRequest } from './dispatch.ts';
import { DEFAULT_SERVICE_ROOT, type HandlerOptions } from './options.ts';
import { buildRoutes } from './routes.ts';
import { seedStore } from './seed.ts';
import { createStore } from './store.ts';

/**
 * Reference msw handlers for every operation of the model, over an in-memory store. Use them
 * with `setupServer(...createHandlers(model))` in Node or `setupWorker(...)` in the browser.
 *
 * One handler serves the whole service root and routes inside it: msw tries handlers one by
 * one, and ten thousand handlers (Graph v1.0) would cost milliseconds per request. Override
 * single operations as usual with `server.use(http.get(...))`, which goes first.
 */
export function createHandlers(model: Model, options: HandlerOptions = {}): HttpHandler[] {
  const root = new URL(options.serviceRoot ?? DEFAULT_SERVICE_ROOT);
  const serviceRoot = root.href.replace(/\/+$/, '');
  const rootPath = root.pathname.replace(/\/+$/, '');
  let counter = 0;
  const ctx: HandlerContext = {
    model,
    routes: buildRoutes(model.operations),
    store: options.store ?? createStore(),
    validator: payloadValidator(model),
    profile: options.profile ?? 'graph',
    serviceRoot,
    rootPath,
    pageSize: options.pageSize ?? 100,
    nextId: () => ++counter,
  };
  if (options.data) {
    seedStore(ctx, options.data);
    ctx.store.commit();
  }
  const pattern = new RegExp(`^${escapeRegExp(serviceRoot)}(?:/|$)`, 'i');
  return [http.all(pattern, ({ request }) => handleRequest(ctx, request))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
