import type { AnnotationValue, Model } from '../../generator/model/types.ts';
import { pathList, record, termsFor } from '../handlers/query-capabilities.ts';
import type { RouteNode } from '../handlers/routes.ts';

/**
 * What the Capabilities vocabulary (Org.OData.Capabilities.V1) says a collection (or an entity) supports, as
 * the query checks need it: whether an option is supported (`undefined` when the model does not
 * say), and the properties a request must not (or must) name. The terms are found as the
 * reference handlers find them (`termsFor`: the member type, the entity set, the navigation
 * property, the navigation restrictions of the set the path starts from).
 */
export interface QueryRestrictions {
  /** FilterRestrictions/Filterable. */
  filterable?: boolean;
  /** FilterRestrictions/NonFilterableProperties. */
  nonFilterable: string[];
  /** FilterRestrictions/RequiredProperties: a `$filter` must name each. */
  requiredInFilter: string[];
  /** SortRestrictions/Sortable. */
  sortable?: boolean;
  /** SortRestrictions/NonSortableProperties, AscendingOnlyProperties and DescendingOnlyProperties: none sorts both ways. */
  notSortableBothWays: string[];
  topSupported?: boolean;
  skipSupported?: boolean;
  /** CountRestrictions/Countable (`$count=true` and `/$count`). */
  countable?: boolean;
  /** ExpandRestrictions/Expandable (of what the node addresses: an entity too). */
  expandable?: boolean;
  /** ExpandRestrictions/NonExpandableProperties. */
  nonExpandable: string[];
  /**
   * ReadRestrictions/CustomHeaders with an example value, sent with every query: Graph declares
   * `ConsistencyLevel` (example `eventual`), which its advanced queries ($count, `ne` in a
   * $filter...) need on directory collections.
   */
  headers: Record<string, string>;
}

export function queryRestrictions(model: Model, collection: RouteNode): QueryRestrictions {
  const terms = termsFor(model, collection);
  const filter = record(terms['FilterRestrictions']);
  const sort = record(terms['SortRestrictions']);
  const count = record(terms['CountRestrictions']);
  const expand = record(terms['ExpandRestrictions']);
  const restrictions: QueryRestrictions = {
    nonFilterable: pathList(filter?.['NonFilterableProperties']),
    requiredInFilter: pathList(filter?.['RequiredProperties']),
    notSortableBothWays: ['NonSortableProperties', 'AscendingOnlyProperties', 'DescendingOnlyProperties'].flatMap((name) => pathList(sort?.[name])),
    nonExpandable: pathList(expand?.['NonExpandableProperties']),
    headers: customHeaders(record(terms['ReadRestrictions'])?.['CustomHeaders']),
  };
  assign(restrictions, 'filterable', filter?.['Filterable']);
  assign(restrictions, 'sortable', sort?.['Sortable']);
  assign(restrictions, 'topSupported', terms['TopSupported']);
  assign(restrictions, 'skipSupported', terms['SkipSupported']);
  assign(restrictions, 'countable', count?.['Countable']);
  assign(restrictions, 'expandable', expand?.['Expandable']);
  return restrictions;
}

/** A restriction on `rule` covers `name` when it is the property or a path into it (`Address` covers `Address/City`). */
export function restricts(rules: readonly string[], name: string): boolean {
  return rules.some((rule) => name === rule || name.startsWith(`${rule}/`) || rule.startsWith(`${name}/`));
}

/**
 * Why a 501 Not Implemented to `option` is a skip rather than a failure: the model does not say
 * the collection supports it (`declared`, the restriction's flag), and a service answers 501 to
 * functionality it does not implement (OData Protocol 4.01 §9.3.1). Undefined otherwise.
 */
export function notImplementedSkip(status: number, declared: boolean | undefined, option: string, term: string, clause: string): string | undefined {
  if (status !== 501 || declared === true) return undefined;
  return `the service answers 501 Not Implemented to ${option}, and its model does not say it supports ${option} (no ${term}): ${clause}`;
}

type Flag = 'filterable' | 'sortable' | 'topSupported' | 'skipSupported' | 'countable' | 'expandable';

function assign(restrictions: QueryRestrictions, name: Flag, value: AnnotationValue | undefined): void {
  if (typeof value === 'boolean') restrictions[name] = value;
}

function customHeaders(value: AnnotationValue | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const item of Array.isArray(value) ? value : []) {
    const header = record(item);
    const examples = header?.['ExampleValues'];
    const example = Array.isArray(examples) ? record(examples[0])?.['Value'] : undefined;
    if (typeof header?.['Name'] === 'string' && typeof example === 'string') headers[header['Name']] = example;
  }
  return headers;
}
