import { findNavigationProperty, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Annotation, AnnotationValue, Model } from '../../generator/model/types.ts';
import type { FilterNode } from './filter/ast.ts';
import type { Step } from './match.ts';
import type { RouteNode } from './routes.ts';
import type { QueryError, QueryOptions } from './query-options.ts';

/**
 * What the Capabilities vocabulary says a collection accepts (Org.OData.Capabilities.V1:
 * FilterRestrictions, SortRestrictions, TopSupported, SkipSupported, CountRestrictions), and
 * the answer to a request that asks for more. An option the collection does not support at all
 * is 501 Not Implemented (OData Protocol 4.01 §9.3.1: functionality the service does not
 * support); a request that breaks a restriction of a supported option (a non-filterable
 * property, a required filter missing, a descending sort on an ascending-only property) is 400.
 *
 * The terms are read from, least specific first: the member's entity type (Graph annotates
 * types), the entity set or singleton, the navigation property, and the navigation restrictions
 * of the set the path starts from; a later source overrides an earlier one term by term.
 */
const CAPABILITIES = 'Org.OData.Capabilities.V1.';

type Terms = Record<string, AnnotationValue>;

export function checkQueryCapabilities(model: Model, steps: readonly Step[], options: QueryOptions, count = false): QueryError | undefined {
  const terms = termsFor(model, steps.at(-1)!.node);
  if (Object.keys(terms).length === 0) return undefined;
  return checkFilter(terms, options) ?? checkSort(terms, options) ?? checkSearch(terms, options) ?? checkPaging(terms, options) ?? checkCount(terms, options, count);
}

function checkFilter(terms: Terms, options: QueryOptions): QueryError | undefined {
  const restrictions = record(terms['FilterRestrictions']);
  if (!restrictions) return undefined;
  const paths = options.filter ? propertyPaths(options.filter.tree) : [];
  if (options.filter && restrictions['Filterable'] === false) return notImplemented('$filter', 'FilterRestrictions/Filterable is false');
  if (restrictions['RequiresFilter'] === true && !options.filter) return badRequest('this collection requires $filter (FilterRestrictions/RequiresFilter)');
  // RequiredProperties bind a filter that is given; RequiresFilter says whether one must be.
  for (const required of options.filter ? pathList(restrictions['RequiredProperties']) : []) {
    if (!paths.some((path) => covers(required, path))) return badRequest(`$filter must name '${required}' here (FilterRestrictions/RequiredProperties)`);
  }
  for (const forbidden of pathList(restrictions['NonFilterableProperties'])) {
    if (paths.some((path) => covers(forbidden, path))) return badRequest(`$filter cannot name '${forbidden}' here (FilterRestrictions/NonFilterableProperties)`);
  }
  return undefined;
}

function checkSort(terms: Terms, options: QueryOptions): QueryError | undefined {
  const restrictions = record(terms['SortRestrictions']);
  if (!restrictions || !options.orderby) return undefined;
  if (restrictions['Sortable'] === false) return notImplemented('$orderby', 'SortRestrictions/Sortable is false');
  const nonSortable = pathList(restrictions['NonSortableProperties']);
  const ascendingOnly = pathList(restrictions['AscendingOnlyProperties']);
  const descendingOnly = pathList(restrictions['DescendingOnlyProperties']);
  for (const key of options.orderby) {
    for (const path of propertyPaths(key.expression)) {
      const rule = nonSortable.find((item) => covers(item, path));
      if (rule) return badRequest(`$orderby cannot use '${rule}' here (SortRestrictions/NonSortableProperties)`);
      if (key.descending && ascendingOnly.some((item) => covers(item, path))) return badRequest(`'${path}' sorts ascending only here (SortRestrictions/AscendingOnlyProperties)`);
      if (!key.descending && descendingOnly.some((item) => covers(item, path))) return badRequest(`'${path}' sorts descending only here (SortRestrictions/DescendingOnlyProperties)`);
    }
  }
  return undefined;
}

function checkSearch(terms: Terms, options: QueryOptions): QueryError | undefined {
  if (options.search && record(terms['SearchRestrictions'])?.['Searchable'] === false) return notImplemented('$search', 'SearchRestrictions/Searchable is false');
  return undefined;
}

function checkPaging(terms: Terms, options: QueryOptions): QueryError | undefined {
  if (options.top !== undefined && terms['TopSupported'] === false) return notImplemented('$top', 'TopSupported is false');
  if (options.skip !== undefined && terms['SkipSupported'] === false) return notImplemented('$skip', 'SkipSupported is false');
  return undefined;
}

function checkCount(terms: Terms, options: QueryOptions, segment: boolean): QueryError | undefined {
  const restrictions = record(terms['CountRestrictions']);
  if (restrictions?.['Countable'] !== false || (!options.count && !segment)) return undefined;
  return notImplemented(segment ? '/$count' : '$count', 'CountRestrictions/Countable is false');
}

function notImplemented(option: string, why: string): QueryError {
  return { status: 501, message: `${option} is not supported on this collection (${why})` };
}

function badRequest(message: string): QueryError {
  return { status: 400, message };
}

const termsCache = new WeakMap<Model, WeakMap<RouteNode, Readonly<Terms>>>();

/**
 * The capability terms for the collection (or entity) at `target`, most specific last. The same
 * for every request to the node: worked out once per model (every list request of a run asks).
 */
export function termsFor(model: Model, target: RouteNode): Readonly<Terms> {
  let ofModel = termsCache.get(model);
  if (!ofModel) termsCache.set(model, (ofModel = new WeakMap()));
  let terms = ofModel.get(target);
  if (!terms) ofModel.set(target, (terms = collectTerms(model, target)));
  return terms;
}

function collectTerms(model: Model, target: RouteNode): Terms {
  const terms: Terms = {};
  const memberType = target.type ? lookupStructuredType(model, target.type) : undefined;
  if (memberType) merge(terms, memberType.annotations);
  const chain: RouteNode[] = [];
  for (let at: RouteNode | undefined = target; at; at = at.parent) chain.unshift(at);
  const rootIndex = chain.findIndex((node) => node.segment?.kind === 'entitySet' || node.segment?.kind === 'singleton');
  const rootSegment = chain[rootIndex]?.segment;
  if (!rootSegment || (rootSegment.kind !== 'entitySet' && rootSegment.kind !== 'singleton')) return terms;
  const container = model.entityContainer;
  const root = rootSegment.kind === 'entitySet' ? container?.entitySets.find((set) => set.name === rootSegment.name) : container?.singletons.find((one) => one.name === rootSegment.name);
  const below = chain.slice(rootIndex + 1).filter((node) => node.segment?.kind === 'navigation');
  if (below.length === 0) {
    if (root) merge(terms, root.annotations);
    return terms;
  }
  const last = below.at(-1)!;
  const parentType = last.parent?.type ? lookupStructuredType(model, last.parent.type) : undefined;
  const name = last.segment!.kind === 'navigation' ? last.segment!.name : '';
  const navigation = parentType && findNavigationProperty(model, parentType, name);
  if (navigation) merge(terms, navigation.annotations);
  const path = below.map((node) => (node.segment!.kind === 'navigation' ? node.segment!.name : '')).join('/');
  if (root?.pathAnnotations?.[path]) merge(terms, root.pathAnnotations[path]);
  const rootTerms: Terms = {};
  if (root) merge(rootTerms, root.annotations);
  for (const item of list(record(rootTerms['NavigationRestrictions'])?.['RestrictedProperties'])) {
    const restricted = record(item);
    if (restricted && pathText(restricted['NavigationProperty']) === path) Object.assign(terms, restricted);
  }
  return terms;
}

function merge(terms: Terms, annotations: readonly Annotation[]): void {
  for (const annotation of annotations) {
    if (annotation.qualifier === undefined && annotation.term.startsWith(CAPABILITIES)) terms[annotation.term.slice(CAPABILITIES.length)] = annotation.value;
  }
}

/** Paths from the instance a filter or sort key names (`Address/City`), lambda bodies as the path to their collection. */
export function propertyPaths(tree: FilterNode): string[] {
  const paths: string[] = [];
  const visit = (node: FilterNode, variables: ReadonlySet<string>): void => {
    switch (node.kind) {
      case 'member': {
        if (node.base) visit(node.base, variables);
        const names = node.segments.map((segment) => segment.name).filter((name) => !name.includes('.'));
        if (names[0] === '$it' || names[0] === '$this') names.shift();
        if (names.length && !variables.has(names[0]!)) paths.push(names.join('/'));
        return;
      }
      case 'lambda':
        visit(node.collection, variables);
        if (node.predicate && node.variable) visit(node.predicate, new Set(variables).add(node.variable));
        return;
      case 'unary':
        return visit(node.operand, variables);
      case 'binary':
        visit(node.left, variables);
        return visit(node.right, variables);
      case 'in':
        visit(node.operand, variables);
        return visit(node.list, variables);
      case 'list':
        return node.items.forEach((item) => visit(item, variables));
      case 'call':
        return (node.name === 'cast' || node.name === 'isof' ? node.args.slice(0, -1) : node.args).forEach((arg) => visit(arg, variables));
      case 'literal':
        return;
    }
  };
  visit(tree, new Set());
  return paths;
}

/** A restriction on `rule` covers `path` when it is the path or a prefix of it (`Address` covers `Address/City`). */
function covers(rule: string, path: string): boolean {
  return path === rule || path.startsWith(`${rule}/`);
}

/** An annotation value as a record (a Capabilities term is one), or undefined. */
export function record(value: AnnotationValue | undefined): Record<string, AnnotationValue> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function list(value: AnnotationValue | undefined): AnnotationValue[] {
  return Array.isArray(value) ? value : [];
}

function pathText(value: AnnotationValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  const held = record(value);
  const path = held?.['$PropertyPath'] ?? held?.['$NavigationPropertyPath'] ?? held?.['$Path'];
  return typeof path === 'string' ? path : undefined;
}

/** A collection of property paths (`$PropertyPath`, `$NavigationPropertyPath`, `$Path` or plain strings) as path texts. */
export function pathList(value: AnnotationValue | undefined): string[] {
  return list(value).flatMap((item) => {
    const path = pathText(item);
    return path === undefined ? [] : [path];
  });
}
