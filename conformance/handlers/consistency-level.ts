import type { Model } from '../../generator/model/types.ts';
import type { FilterNode } from './filter/ast.ts';
import type { HandlerContext } from './context.ts';
import type { QueryOptions } from './query-options.ts';
import { odataError } from './responses.ts';
import type { RouteNode } from './routes.ts';
import { record, termsFor } from './query-capabilities.ts';

/**
 * Graph's advanced queries on directory objects (https://learn.microsoft.com/graph/aad-advanced-queries):
 * `$count` (inline or `/$count`), `$search`, and a `$filter` with `ne`, `not` or `endsWith`
 * need the header `ConsistencyLevel: eventual`; without it Graph answers 400
 * `Request_UnsupportedQuery`.
 *
 * Where: the Graph CSDL says it in Capabilities.ReadRestrictions/CustomHeaders, a record named
 * `ConsistencyLevel` ("$search and $count queries require the client to set the
 * ConsistencyLevel HTTP header to 'eventual'"), on the directory entity sets (users, groups,
 * applications, servicePrincipals, devices, contacts) and on their directory navigation
 * properties (memberOf, members, owners, transitiveMemberOf...). The rule: in the graph
 * profile, a collection whose capability terms (read as query-capabilities.ts reads them)
 * carry that custom header requires it for the queries above; elsewhere, and in the odata and
 * lenient profiles, nothing is required. (The CSDL names no filter operators; those come from
 * Graph's documentation of advanced queries.)
 */
export const CONSISTENCY_LEVEL = 'ConsistencyLevel';

export function checkConsistencyLevel(ctx: HandlerContext, node: RouteNode, options: QueryOptions, request: Request, countSegment: boolean): Response | undefined {
  if (ctx.profile !== 'graph' || node.kind !== 'collection') return undefined;
  const needs = advancedQuery(options, countSegment);
  if (!needs || request.headers.get(CONSISTENCY_LEVEL)?.trim().toLowerCase() === 'eventual') return undefined;
  if (!requiresConsistencyLevel(ctx.model, node)) return undefined;
  return odataError(400, 'Request_UnsupportedQuery', `${needs} on '${node.template}' needs the header 'ConsistencyLevel: eventual' (an advanced query)`);
}

/** Whether the collection's ReadRestrictions/CustomHeaders name ConsistencyLevel. */
export function requiresConsistencyLevel(model: Model, node: RouteNode): boolean {
  const headers = record(termsFor(model, node)['ReadRestrictions'])?.['CustomHeaders'];
  return (Array.isArray(headers) ? headers : []).some((header) => {
    const name = record(header)?.['Name'];
    return typeof name === 'string' && name.toLowerCase() === CONSISTENCY_LEVEL.toLowerCase();
  });
}

/** What makes the request an advanced query, for the message; undefined when nothing does. */
function advancedQuery(options: QueryOptions, countSegment: boolean): string | undefined {
  if (countSegment) return '/$count';
  if (options.count) return '$count';
  if (options.search) return '$search';
  const operator = options.filter && advancedOperator(options.filter.tree);
  return operator ? `$filter with '${operator}'` : undefined;
}

function advancedOperator(node: FilterNode): string | undefined {
  switch (node.kind) {
    case 'binary':
      if (node.operator === 'ne') return 'ne';
      return advancedOperator(node.left) ?? advancedOperator(node.right);
    case 'unary':
      return node.operator === 'not' ? 'not' : advancedOperator(node.operand);
    case 'call':
      if (node.name.toLowerCase() === 'endswith') return 'endsWith';
      return node.args.map(advancedOperator).find(Boolean);
    case 'lambda':
      return node.predicate && advancedOperator(node.predicate);
    case 'in':
      return advancedOperator(node.operand) ?? advancedOperator(node.list);
    case 'list':
      return node.items.map(advancedOperator).find(Boolean);
    default:
      return undefined;
  }
}
