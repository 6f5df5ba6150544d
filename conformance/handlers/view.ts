import { findNavigationProperty, findProperty, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { StructuredType } from '../../generator/model/types.ts';
import type { HandlerContext } from './context.ts';
import type { Step } from './match.ts';
import type { ExpandItem, QueryOptions } from './query-options.ts';
import type { StoredEntity } from './store.ts';
import { lookupEntity } from './entities.ts';
import { refineMembers } from './collection-query.ts';
import { mediaAnnotations } from './media.ts';

/**
 * Entities as response bodies (OData JSON Format 4.0 §6 and §12): `$select` keeps the listed
 * properties and the key, `$expand` inlines contained navigations, `@odata.type` names a
 * derived type, and collections page with `$top`, `$skip`, `$count` and `@odata.nextLink`.
 */
export type ViewResult = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

/** `steps` lead to the entity (the last step addresses it). */
export function viewEntity(ctx: HandlerContext, steps: readonly Step[], stored: StoredEntity, options: QueryOptions): ViewResult {
  const { node } = steps.at(-1)!;
  const type = lookupStructuredType(ctx.model, stored.type);
  if (!type) return { ok: true, body: { ...stored.data } };
  const body: Record<string, unknown> = {};
  if (node.type !== undefined && stored.type !== node.type) body['@odata.type'] = `#${stored.type}`;
  Object.assign(body, mediaAnnotations(ctx, stored, steps.at(-1)!.path));
  const selected = select(ctx, type, stored.data, options.select);
  if (!selected.ok) return selected;
  Object.assign(body, selected.body);
  for (const item of options.expand ?? []) {
    const expanded = expand(ctx, type, steps, item);
    if (!expanded.ok) return expanded;
    Object.assign(body, expanded.body);
  }
  return { ok: true, body };
}

function select(ctx: HandlerContext, type: StructuredType, data: Record<string, unknown>, names: string[] | undefined): ViewResult {
  if (!names || names.includes('*')) return { ok: true, body: { ...data } };
  const body: Record<string, unknown> = {};
  for (const name of keyProperties(ctx.model, type)) if (name in data) body[name] = data[name];
  for (const item of names) {
    const name = item.split('/')[0]!;
    if (!findProperty(ctx.model, type, name) && !findNavigationProperty(ctx.model, type, name)) {
      return { ok: false, message: `$select names '${name}', which is not a property of ${type.qualifiedName}` };
    }
    if (name in data) body[name] = data[name];
  }
  return { ok: true, body };
}

function expand(ctx: HandlerContext, type: StructuredType, steps: readonly Step[], item: ExpandItem): ViewResult {
  const { node, path } = steps.at(-1)!;
  const names =
    item.name === '*'
      ? [...node.literals.values()].flatMap((child) => (child.segment?.kind === 'navigation' && child.contained ? [child.segment.name] : []))
      : [item.name];
  const body: Record<string, unknown> = {};
  for (const name of names) {
    const navigation = findNavigationProperty(ctx.model, type, name);
    if (!navigation) return { ok: false, message: `$expand names '${name}', which is not a navigation property of ${type.qualifiedName}` };
    const child = node.literals.get(name);
    const childSteps = [...steps, { node: child ?? node, path: `${path}/${name}` }];
    if (navigation.collection) {
      const members: Record<string, unknown>[] = [];
      const refined = refineMembers(ctx, navigation.type, ctx.store.members(`${path}/${name}`), item.options);
      if (!refined.ok) return { ok: false, message: refined.message };
      for (const memberPath of refined.paths) {
        const stored = ctx.store.get(memberPath);
        if (!stored) continue;
        const view = viewEntity(ctx, [...childSteps, { node: child?.member ?? child ?? node, path: memberPath }], stored, item.options);
        if (!view.ok) return view;
        members.push(view.body);
      }
      body[name] = page(members, item.options).value;
      continue;
    }
    const stored = child ? lookupEntity(ctx, childSteps, childSteps.length - 1) : ctx.store.get(`${path}/${name}`);
    if (!stored) {
      body[name] = null;
      continue;
    }
    const view = viewEntity(ctx, childSteps, stored, item.options);
    if (!view.ok) return view;
    body[name] = view.body;
  }
  return { ok: true, body };
}

export interface Page<T> {
  value: T[];
  count: number;
  /** Where the next page starts, when there is one. */
  nextSkip?: number;
  /** `$top` for the next page (what is left of a limit; the same page size in graph style). */
  nextTop?: number;
}

/**
 * `$skip`, then `$top`, then the server's page size. The graph profile treats `$top` as a page
 * size, as Graph does (a nextLink follows while more remain); the others as a limit
 * (OData Protocol 4.0 §11.2.5.3, with server-driven paging per §11.2.5.7).
 */
export function page<T>(items: T[], options: QueryOptions, pageSize = Infinity, topIsPageSize = false): Page<T> {
  const skip = options.skip ?? 0;
  const rest = items.slice(skip);
  const wanted = topIsPageSize ? rest.length : Math.min(options.top ?? Infinity, rest.length);
  const size = Math.min(wanted, pageSize, topIsPageSize ? (options.top ?? Infinity) : Infinity);
  const result: Page<T> = { value: rest.slice(0, size), count: items.length };
  if (size < wanted) {
    result.nextSkip = skip + size;
    if (options.top !== undefined) result.nextTop = topIsPageSize ? options.top : options.top - size;
  }
  return result;
}
