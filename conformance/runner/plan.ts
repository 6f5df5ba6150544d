import picomatch from 'picomatch';
import { allProperties, isOpenType, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { HttpMethod, Model, Operation, StructuredType } from '../../generator/model/types.ts';
import { isWritable } from '../samples/structured.ts';
import { CHECK_IDS, CHECKS, type CheckId, type CheckSeverity } from '../checks/catalog.ts';
import { buildRoutes, walkRoutes, type RouteNode } from '../handlers/routes.ts';
import type { Profile } from '../profiles.ts';
import { withPathSegments } from './path-segments.ts';

/**
 * What the suite will check, decided from the model alone before anything is sent: the
 * resources (an entity and its collection, with their operations), the callables, the
 * unsupported methods to probe, and every (check, operation) pair in report order. The vitest
 * entry declares one test per pair from this plan.
 */
export interface ResourceOperations {
  list?: Operation;
  create?: Operation;
  read?: Operation;
  update?: Operation;
  /** PUT: replaces an entity, or creates a single-valued navigation. */
  put?: Operation;
  remove?: Operation;
}

export interface Resource {
  /** A collection member or a single entity; absent for a collection without member routes. */
  entity?: RouteNode;
  collection?: RouteNode;
  operations: ResourceOperations;
  /** The entity type (collections: the member type). */
  type: string;
}

export interface MethodProbe {
  node: RouteNode;
  method: HttpMethod;
  /** `POST /path`: the request the probe makes, named like an operation. */
  operation: string;
}

export interface PlannedCheck {
  id: CheckId;
  operation: string;
  severity: CheckSeverity;
  title: string;
}

export interface SuitePlan {
  profile: Profile;
  routes: RouteNode;
  /** Resources with an operation in scope, by the node that holds them (the collection, or the single entity). */
  resources: Map<RouteNode, Resource>;
  callables: Operation[];
  methodProbes: Map<RouteNode, MethodProbe>;
  /** Entities with PATCH and no PUT in the model, by entity node: the pseudo-operation (`PUT /path`) of the PUT probe. */
  putProbes: Map<RouteNode, string>;
  checks: PlannedCheck[];
  /** The ids of the planned checks, by operation. */
  planned: Map<string, Set<CheckId>>;
  inScope(operationId: string): boolean;
}

export interface PlanOptions {
  profile: Profile;
  /** Globs over operation paths (`**\/identitySynchronization`); none means every operation. */
  only?: readonly string[];
  /** Globs over check ids (`query/*`, `input/method`): these checks are left out of the plan. */
  skip?: readonly string[];
}

const METHOD_ORDER: Record<HttpMethod, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };

export function planSuite(model: Model, options: PlanOptions): SuitePlan {
  const routes = buildRoutes(withPathSegments(model, model.operations));
  const matches = options.only && options.only.length > 0 ? picomatch([...options.only], { dot: true }) : () => true;
  const scoped = new Set(model.operations.filter((operation) => matches(operation.path)).map((operation) => operation.id));
  const resources = new Map<RouteNode, Resource>();
  const methodProbes = new Map<RouteNode, MethodProbe>();
  walkRoutes(routes, (node) => {
    const resource = resourceAt(node);
    if (resource && Object.values(resource.operations).some((operation) => scoped.has(operation.id))) resources.set(node, resource);
    const probe = methodProbe(node);
    if (probe && matches(node.template)) methodProbes.set(node, probe);
  });
  const callables = model.operations.filter((operation) => scoped.has(operation.id) && (operation.intent === 'action' || operation.intent === 'function'));
  const checks: (PlannedCheck & { path: string; method: HttpMethod })[] = [];
  const skipped = options.skip && options.skip.length > 0 ? picomatch([...options.skip]) : () => false;
  const add = (operation: { id: string; path: string; method: HttpMethod }, ids: CheckId[]) => {
    for (const id of ids) {
      if (!(CHECKS[id].profiles as readonly Profile[]).includes(options.profile) || skipped(id)) continue;
      checks.push({ id, operation: operation.id, severity: CHECKS[id].severity, title: CHECKS[id].title, path: operation.path, method: operation.method });
    }
  };
  for (const resource of resources.values()) {
    for (const operation of Object.values(resource.operations)) {
      if (scoped.has(operation.id)) add(operation, applicable(model, operation, resource));
    }
  }
  // Services MAY support PUT (Protocol 4.01 §11.4.3) where the CSDL names no PUT: probe it, and check it when it is there.
  const putProbes = new Map<RouteNode, string>();
  for (const resource of resources.values()) {
    const { entity, operations } = resource;
    if (!entity || entity.segment?.kind !== 'key' || !operations.update || !operations.read || operations.put || !scoped.has(operations.update.id)) continue;
    const id = `PUT ${operations.read.path}`;
    const before = checks.length;
    add({ id, path: operations.read.path, method: 'PUT' }, ['sequence/put-replace']);
    if (checks.length > before) putProbes.set(entity, id);
  }
  for (const operation of callables) add(operation, applicableToCallable(model, operation));
  for (const probe of methodProbes.values()) add({ id: probe.operation, path: probe.node.template, method: probe.method }, ['input/method']);
  checks.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : METHOD_ORDER[a.method] - METHOD_ORDER[b.method] || CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id)));
  const planned = checks.map(({ id, operation, severity, title }) => ({ id, operation, severity, title }));
  return {
    profile: options.profile,
    routes,
    resources,
    callables,
    methodProbes,
    putProbes,
    checks: planned,
    planned: byOperation(planned),
    inScope: (operationId) => scoped.has(operationId),
  };
}

/**
 * Nested, not a set of `${id} ${operation}` strings: concatenated strings stay V8 cons strings,
 * and every lookup hit compared them character by character through the rope (whole Graph:
 * 150,000 keys, about a second of the run).
 */
function byOperation(checks: readonly PlannedCheck[]): Map<string, Set<CheckId>> {
  const planned = new Map<string, Set<CheckId>>();
  for (const { id, operation } of checks) {
    let ids = planned.get(operation);
    if (!ids) planned.set(operation, (ids = new Set()));
    ids.add(id);
  }
  return planned;
}

function resourceAt(node: RouteNode): Resource | undefined {
  if (node.kind === 'collection') {
    const member = node.member;
    const operations: ResourceOperations = { list: node.methods.GET, create: node.methods.POST, ...entityOperations(member) };
    return { collection: node, ...(member && { entity: member }), operations: compact(operations), type: node.type ?? '' };
  }
  if (node.kind === 'entity' && node.segment?.kind !== 'key') {
    return { entity: node, operations: compact(entityOperations(node)), type: node.type ?? '' };
  }
  return undefined;
}

function entityOperations(node: RouteNode | undefined): ResourceOperations {
  if (!node) return {};
  return { read: node.methods.GET, update: node.methods.PATCH, put: node.methods.PUT, remove: node.methods.DELETE };
}

function compact(operations: ResourceOperations): ResourceOperations {
  return Object.fromEntries(Object.entries(operations).filter(([, operation]) => operation !== undefined));
}

/** The first method the node does not support, to be answered with 405. */
function methodProbe(node: RouteNode): MethodProbe | undefined {
  if (Object.keys(node.methods).length === 0) return undefined;
  // POST to a collection reached through a navigation creates a related entity (OData Protocol 4.01
  // §11.4.2, required of updatable services at the minimal conformance level), whether or not the
  // model lists it; PUT of an entity is optional (§11.4.3). Neither is probed as unsupported.
  const navigationCollection = node.kind === 'collection' && node.segment?.kind === 'navigation';
  const isMember = node.kind === 'entity' && node.segment?.kind === 'key';
  const method = (['POST', 'PATCH', 'PUT', 'DELETE', 'GET'] as const).find(
    (candidate) => node.methods[candidate] === undefined && !(candidate === 'POST' && navigationCollection) && !(candidate === 'PUT' && isMember && node.methods.PATCH !== undefined),
  );
  return method && { node, method, operation: `${method} ${node.template}` };
}

function applicable(model: Model, operation: Operation, resource: Resource): CheckId[] {
  const { operations } = resource;
  const reads = operation === operations.read || operation === operations.list;
  const ids: CheckId[] = ['operation/handled', 'status/success', ...responseChecks(model, operation), ...(reads && operation.response ? (['body/context'] as const) : []), 'header/odata-version'];
  const type = lookupStructuredType(model, resource.type);
  const isMember = resource.entity?.segment?.kind === 'key';
  const readable = operations.read !== undefined;
  const writes = operation.requestBody !== undefined;
  switch (operation) {
    case operations.create:
      ids.push('header/location');
      if (readable) ids.push('sequence/create-read');
      break;
    case operations.update:
      if (readable) ids.push('sequence/update-merge');
      break;
    case operations.put:
      if (readable && !isMember) ids.push('sequence/create-read');
      if (readable) ids.push('sequence/replace');
      break;
    case operations.remove:
      if (readable) ids.push('sequence/delete-read');
      break;
  }
  // PUT is left out: a PUT to a key that does not exist may create it (upsert, OData Protocol 4.0 §11.4.4).
  if (isMember && (operation === operations.read || operation === operations.update || operation === operations.remove)) ids.push('status/not-found');
  if (writes && type && !isOpenType(model, type)) ids.push('input/unknown-property');
  if (writes) ids.push('input/wrong-type');
  if (operation === operations.update && type && keyProperties(model, type).length > 0 && (isMember || readable)) ids.push('input/read-only-key');
  if (writes) ids.push('input/malformed-json', 'input/content-type');
  if (writes || ids.includes('status/not-found') || operation === operations.remove || (operation === operations.read && operations.remove !== undefined)) {
    ids.push('error/shape');
  }
  ids.push('robustness/throws');
  if (type && (operation === operations.create || (operation === operations.update && hasRequiredProperty(model, type)))) ids.push('robustness/client-error');
  const creates = operation === operations.create || (operation === operations.put && !isMember);
  if (creates && readable) ids.push('state/isolation');
  // Where the Capabilities annotations say an option is not supported, the check is skipped with that reason (scripts/queries.ts).
  if (operation === operations.list && operations.create) ids.push('query/filter', 'query/orderby', 'query/top-skip', 'query/count');
  if (operation === operations.list) ids.push('query/invalid');
  if (operation === operations.read) {
    ids.push('header/not-acceptable', 'query/select');
    const entity = resource.entity;
    if (entity && [...entity.literals.values()].some((child) => child.segment?.kind === 'navigation' && child.contained && child.methods.GET)) ids.push('query/expand');
  }
  return ids;
}

/** A non-nullable property without a default that clients send: a PATCH can set it to null by mistake. */
function hasRequiredProperty(model: Model, type: StructuredType): boolean {
  const keys = new Set(keyProperties(model, type));
  return allProperties(model, type).some((property) => !keys.has(property.name) && !property.nullable && property.defaultValue === undefined && isWritable(property, 'update'));
}

function applicableToCallable(model: Model, operation: Operation): CheckId[] {
  const ids: CheckId[] = ['operation/handled', 'status/success', ...responseChecks(model, operation), 'header/odata-version'];
  if (operation.requestBody) ids.push('input/unknown-property', 'input/wrong-type', 'input/malformed-json', 'input/content-type', 'error/shape');
  ids.push('robustness/throws');
  return ids;
}

/** Checks on the body of a success response, when the operation returns one. */
function responseChecks(model: Model, operation: Operation): CheckId[] {
  const response = operation.response;
  if (!response || response.type === 'Edm.Stream') return [];
  const type = lookupStructuredType(model, response.type);
  const keyed = type?.kind === 'entity' && keyProperties(model, type).length > 0;
  return ['content-type/json', 'header/odata-metadata', 'body/valid', ...(keyed ? (['body/key'] as const) : [])];
}

/**
 * Why a plan has no check, for the message of a run that would check nothing (which must not
 * pass): what the model has, what the options left out, and what to add.
 */
export function emptyPlanReason(model: Model, options: PlanOptions): string {
  const operations = model.operations;
  if (operations.length === 0) {
    return `the model has no operations to check (${model.inputs.length} input file(s), ${Object.keys(model.types).length} type(s)): give the service's $metadata with --csdl, or the API pages (the "...-get.md", "...-update.md" pages) with --docs, not only resource pages`;
  }
  const listed = (items: readonly Operation[]) => `${items.slice(0, 8).map((operation) => operation.id).join(', ')}${items.length > 8 ? `, ... (${items.length})` : ''}`;
  const matches = options.only && options.only.length > 0 ? picomatch([...options.only], { dot: true }) : () => true;
  const scoped = operations.filter((operation) => matches(operation.path));
  if (scoped.length === 0) return `no operation path matches --only ${options.only!.join(' ')}; the model has ${operations.length}: ${listed(operations)}`;
  const skip = options.skip && options.skip.length > 0 ? ` or left out with --skip ${options.skip.join(' ')}` : '';
  return `none of the ${scoped.length} operation(s) in scope (${listed(scoped)}) has a check that applies in the ${options.profile} profile${skip}; without CSDL the suite needs API pages whose paths start at the service root`;
}
