import type { Model } from '../../generator/model/types.ts';
import type { ExpandItem, QueryOptions } from './query-options.ts';
import { odataError } from './responses.ts';
import type { RouteNode } from './routes.ts';
import { pathList, record, termsFor } from './query-capabilities.ts';

/**
 * Capabilities.ExpandRestrictions (Org.OData.Capabilities.V1) on what a GET addresses: with
 * `Expandable` false, `$expand` is not supported there at all (501, OData Protocol 4.01 §9.3.1,
 * as query-capabilities.ts answers the other options); a navigation property listed in
 * `NonExpandableProperties` (a path from the addressed type, `Trips/PlanItems` for a nested
 * expand) or nesting deeper than `MaxLevels` (-1: unlimited) breaks a restriction of a
 * supported option (400). The terms are read from the same places as the others: the entity
 * type, the entity set or singleton, the navigation property, NavigationRestrictions.
 */
export function checkExpandRestrictions(model: Model, node: RouteNode, options: QueryOptions): Response | undefined {
  if (!options.expand?.length) return undefined;
  const restrictions = record(termsFor(model, node)['ExpandRestrictions']);
  if (!restrictions) return undefined;
  if (restrictions['Expandable'] === false) {
    return odataError(501, 'NotImplemented', `$expand is not supported on '${node.template}' (ExpandRestrictions/Expandable is false)`);
  }
  const forbidden = new Set(pathList(restrictions['NonExpandableProperties']));
  const maxLevels = typeof restrictions['MaxLevels'] === 'number' ? restrictions['MaxLevels'] : -1;
  for (const { path, level } of expandedPaths(options.expand)) {
    if (forbidden.has(path)) return odataError(400, 'BadRequest', `$expand cannot name '${path}' here (ExpandRestrictions/NonExpandableProperties)`);
    if (maxLevels >= 0 && level > maxLevels) {
      return odataError(400, 'BadRequest', `$expand of '${path}' is ${level} levels deep; at most ${maxLevels} are allowed here (ExpandRestrictions/MaxLevels)`);
    }
  }
  return undefined;
}

/** Every expanded navigation path with its depth: `Trips($expand=PlanItems)` gives `Trips` (1) and `Trips/PlanItems` (2). */
export function expandedPaths(items: readonly ExpandItem[], prefix = '', level = 1): { path: string; level: number }[] {
  return items.flatMap((item) => {
    const path = `${prefix}${item.name}`;
    return [{ path, level }, ...expandedPaths(item.options.expand ?? [], `${path}/`, level + 1)];
  });
}
