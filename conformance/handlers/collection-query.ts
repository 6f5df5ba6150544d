import { lookupStructuredType } from '../../generator/model/queries.ts';
import type { NavigationProperty } from '../../generator/model/types.ts';
import type { HandlerContext } from './context.ts';
import { bindFilter } from './filter/bind.ts';
import { evaluate, matches, type Navigate } from './filter/evaluate.ts';
import { FilterError } from './filter/filter-error.ts';
import { fromJson, type Value } from './filter/values.ts';
import { sortBy } from './orderby.ts';
import { searchMatches } from './search.ts';
import type { QueryOptions } from './query-options.ts';
import type { StoredEntity } from './store.ts';

/**
 * `$filter` then `$orderby` over the members of a collection (OData Protocol 4.01 §11.2.6.1
 * and §11.2.6.2), before `$skip`, `$top` and paging. Members are store paths; the filter
 * follows navigation through the store.
 */
export type Refined = { ok: true; paths: string[] } | { ok: false; message: string };

export function refineMembers(ctx: HandlerContext, memberType: string | undefined, paths: readonly string[], options: QueryOptions): Refined {
  const { filter, orderby, search } = options;
  if (!filter && !orderby && !search) return { ok: true, paths: [...paths] };
  const type = memberType ? lookupStructuredType(ctx.model, memberType) : undefined;
  const env = { model: ctx.model, navigate: storeNavigation(ctx) };
  let entities = paths.flatMap((path) => {
    const stored = ctx.store.get(path);
    return stored ? [{ path, value: entityValue(ctx, stored, path) }] : [];
  });
  if (search) entities = entities.filter((entity) => entity.value !== null && entity.value.t === 'structured' && searchMatches(search, entity.value.data));
  const failed = attempt('$filter', () => {
    if (!filter) return;
    bindFilter(ctx.model, type, filter.tree);
    entities = entities.filter((entity) => matches(env, filter.tree, entity.value));
  }) ?? attempt('$orderby', () => {
    if (!orderby) return;
    for (const key of orderby) bindFilter(ctx.model, type, key.expression);
    entities = sortBy(entities, orderby, (entity) => orderby.map((key) => evaluate(env, key.expression, entity.value)));
  });
  return failed ? { ok: false, message: failed } : { ok: true, paths: entities.map((entity) => entity.path) };
}

/** Runs `step`; a FilterError becomes the message of a 400 naming the option and the offset. */
function attempt(option: string, step: () => void): string | undefined {
  try {
    step();
    return undefined;
  } catch (error) {
    if (error instanceof FilterError) return error.describe(option);
    throw error;
  }
}

function entityValue(ctx: HandlerContext, stored: StoredEntity, path: string): Value {
  return fromJson(ctx.model, stored.type, stored.data, ctx.store.linked(path) ?? path);
}

/** Related entities as the store holds them: a navigation's members, or the single entity (null when absent). */
export function storeNavigation(ctx: HandlerContext): Navigate {
  return (source, navigation: NavigationProperty) => {
    if (source.path === undefined) return navigation.collection ? { t: 'collection', items: [] } : null;
    const path = `${source.path}/${navigation.name}`;
    if (!navigation.collection) {
      const stored = ctx.store.get(path);
      return stored ? entityValue(ctx, stored, path) : null;
    }
    const items = ctx.store.members(path).flatMap((member) => {
      const stored = ctx.store.get(member);
      return stored ? [entityValue(ctx, stored, member)] : [];
    });
    return { t: 'collection', items };
  };
}
