import type { HandlerContext } from './context.ts';
import { entityUrl } from './location.ts';
import type { Step } from './match.ts';
import { parseQueryOptions, type QueryOptions } from './query-options.ts';
import { checkAncestors } from './entities.ts';
import { json, noContent, odataError } from './responses.ts';
import { page } from './view.ts';
import { refineMembers } from './collection-query.ts';

/**
 * GET of a `$ref` (OData Protocol 4.01 section 11.2.8, Requesting Entity References): the
 * links of a collection-valued navigation as `{"@odata.context": ".../$metadata#Collection($ref)",
 * "value": [{"@odata.id": ...}]}`, filtered, ordered and paged like the collection, and the one
 * entity of a single-valued navigation (or of a collection member) as `{"@odata.id": ...}` with
 * the context `$metadata#$ref` (OData JSON Format 4.01 section 14). An `@odata.id` is the
 * entity's canonical URL: where it lives, not the navigation it was reached through.
 */
export function getReferences(ctx: HandlerContext, steps: readonly Step[], url: URL): Response {
  const params = new URLSearchParams(url.searchParams);
  params.delete('$id');
  const options = parseQueryOptions(params);
  if ('status' in options) return odataError(options.status, options.status === 501 ? 'NotImplemented' : 'BadRequest', options.message);
  const missing = checkAncestors(ctx, steps);
  if (missing) return missing;
  return readReferences(ctx, steps, options, url);
}

export function readReferences(ctx: HandlerContext, steps: readonly Step[], options: QueryOptions, url: URL): Response {
  const reference = steps.at(-1)!;
  const owner = reference.node.parent!;
  if (owner.kind === 'collection') {
    const refined = refineMembers(ctx, owner.type, ctx.store.members(reference.path), options);
    if (!refined.ok) return odataError(400, 'BadRequest', refined.message);
    const selected = page(refined.paths, options, ctx.pageSize, ctx.profile === 'graph');
    const body: Record<string, unknown> = { '@odata.context': `${ctx.serviceRoot}/$metadata#Collection($ref)` };
    if (options.count) body['@odata.count'] = selected.count;
    if (selected.nextSkip !== undefined) {
      const next = new URL(url.href);
      next.searchParams.set('$skip', String(selected.nextSkip));
      if (selected.nextTop !== undefined) next.searchParams.set('$top', String(selected.nextTop));
      body['@odata.nextLink'] = next.href;
    }
    body['value'] = selected.value.map((path) => ({ '@odata.id': entityUrl(ctx, path) }));
    return json(body);
  }
  const stored = ctx.store.get(reference.path);
  if (!stored) {
    if (owner.segment?.kind === 'key') return odataError(404, 'ResourceNotFound', `No entity at '${reference.path}'`);
    // A single-valued navigation without an entity: no reference (section 11.2.8, like 11.2.6's 204).
    return ctx.profile === 'odata' ? noContent() : odataError(404, 'ResourceNotFound', `No link at '${reference.path}'`);
  }
  return json({ '@odata.context': `${ctx.serviceRoot}/$metadata#$ref`, '@odata.id': entityUrl(ctx, reference.path) });
}
