import type { HandlerContext } from './context.ts';
import { lookupEntity, provideMembers } from './entities.ts';
import type { Step } from './match.ts';
import type { QueryError, QueryOptions } from './query-options.ts';
import { json, noContent, odataError, text } from './responses.ts';
import { isSingleNavigation } from './routes.ts';
import { page, viewEntity } from './view.ts';
import { refineMembers } from './collection-query.ts';
import { checkQueryCapabilities } from './query-capabilities.ts';

/** GET of an entity (OData Protocol 4.0 §11.2.2) and of a collection (§11.2.5, §11.2.9 for `/$count`). */
export function readEntity(ctx: HandlerContext, steps: readonly Step[], options: QueryOptions, relativePath: string): Response {
  const stored = lookupEntity(ctx, steps, steps.length - 1);
  if (!stored) return absent(ctx, steps);
  const view = viewEntity(ctx, steps, stored, options);
  if (!view.ok) return odataError(400, 'BadRequest', view.message);
  return json({ '@odata.context': `${ctx.serviceRoot}/$metadata#${contextPath(relativePath)}/$entity`, ...view.body }, 200);
}

/**
 * What GET answers for an entity that is not there: 404 for a collection member in every
 * profile; for a single-valued navigation 204 No Content in the odata profile (OData Protocol
 * 4.0 §11.2.6: no related entity) and 404 in the graph profile (what Graph answers).
 */
export function absent(ctx: HandlerContext, steps: readonly Step[]): Response {
  const target = steps.at(-1)!;
  if (ctx.profile === 'odata' && isSingleNavigation(target.node)) return noContent();
  return odataError(404, 'ResourceNotFound', `No entity at '${target.path}'`);
}

export function listCollection(ctx: HandlerContext, steps: readonly Step[], options: QueryOptions, url: URL, relativePath: string): Response {
  const target = steps.at(-1)!;
  const refused = checkQueryCapabilities(ctx.model, steps, options);
  if (refused) return refusal(refused);
  provideMembers(ctx, steps);
  const member = target.node.member ?? target.node;
  const bodies: Record<string, unknown>[] = [];
  const refined = refineMembers(ctx, target.node.type, ctx.store.members(target.path), options);
  if (!refined.ok) return odataError(400, 'BadRequest', refined.message);
  const selected = page(refined.paths, options, ctx.pageSize, ctx.profile === 'graph');
  for (const path of selected.value) {
    const stored = ctx.store.get(path);
    if (!stored) continue;
    const view = viewEntity(ctx, [...steps, { node: member, path }], stored, options);
    if (!view.ok) return odataError(400, 'BadRequest', view.message);
    bodies.push(view.body);
  }
  const body: Record<string, unknown> = { '@odata.context': `${ctx.serviceRoot}/$metadata#${contextPath(relativePath)}` };
  if (options.count) body['@odata.count'] = selected.count;
  if (selected.nextSkip !== undefined) body['@odata.nextLink'] = nextLink(url, selected.nextSkip, selected.nextTop);
  body['value'] = bodies;
  return json(body, 200);
}

/** `/$count` counts what `$filter` keeps (OData Protocol 4.01 §11.2.10). */
export function countCollection(ctx: HandlerContext, steps: readonly Step[], options: QueryOptions = {}): Response {
  const refused = checkQueryCapabilities(ctx.model, steps, options, true);
  if (refused) return refusal(refused);
  provideMembers(ctx, steps);
  const target = steps.at(-1)!;
  const refined = refineMembers(ctx, target.node.type, ctx.store.members(target.path), { ...(options.filter ? { filter: options.filter } : {}), ...(options.search ? { search: options.search } : {}) });
  if (!refined.ok) return odataError(400, 'BadRequest', refined.message);
  return text(String(refined.paths.length));
}

function refusal(error: QueryError): Response {
  return odataError(error.status, error.status === 501 ? 'NotImplemented' : 'BadRequest', error.message);
}

function nextLink(url: URL, skip: number, top: number | undefined): string {
  const next = new URL(url.href);
  next.searchParams.set('$skip', String(skip));
  if (top !== undefined) next.searchParams.set('$top', String(top));
  return next.href;
}

/** The context URL fragment: the request path without its leading slash (OData JSON Format 4.0 §10). */
function contextPath(relativePath: string): string {
  return relativePath.replace(/^\/+/, '');
}
