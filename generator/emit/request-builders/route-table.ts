import type { Model, TypeReference } from '../../model/types.ts';
import { baseChain, findProperty, lookupStructuredType, lookupType } from '../../model/queries.ts';
import type { CallableRoute, LiteralKind, RouteTable, Target, TypeRoute } from '../../runtime/client/route-table.ts';
import { callerParameters, type CallableIndex, type CallableMember } from './callables.ts';
import type { PositionNode } from './tree.ts';
import { isValueType } from './type-text.ts';
import { urlConventionsOf } from '../../model/operations/url-conventions.ts';
import { memo } from '../../model/memo.ts';

/**
 * The runtime's route table (generator/runtime/client/route-table.ts) from the position
 * tree: entity sets and singletons, and per entity type the navigation properties and
 * callables the tree uses, each recorded on the type that declares it (the runtime walks
 * base types), so the table grows with the schema, not with the number of paths.
 */
export function buildRouteTable(model: Model, root: PositionNode, callables: CallableIndex): RouteTable {
  const names = new Set<string>();
  collectTypes(model, root, callables, names);
  const ordered = [...names].sort();
  const index = new Map(ordered.map((name, position) => [name, position]));
  const types: TypeRoute[] = ordered.map((name) => typeRoute(model, name, index));
  const target = (reference: { type: string; collection: boolean }): Target => index.get(reference.type)! * 2 + (reference.collection ? 1 : 0);
  const keyAsSegment = urlConventionsOf(model).keyAsSegment;
  const table: RouteTable = { version: 1, types, root: dictionary(), ...(keyAsSegment && { keyAsSegment: 1 as const }) };
  // Per type, not per position: Graph has about 4 600 positions of about 1 000 types.
  const declaring = new Map<string, Map<string, string>>();
  const declaringOf = (typeName: string, navigation: string): string =>
    memo(memo(declaring, typeName, () => new Map()), navigation, () => declaringType(model, typeName, navigation));
  const keyKinds = new Map<string, Map<readonly string[], Record<string, LiteralKind>>>();
  const keyKindsOf = (typeName: string, keyProperties: readonly string[]): Record<string, LiteralKind> =>
    memo(memo(keyKinds, typeName, () => new Map()), keyProperties, () => keyLiteralKinds(model, typeName, keyProperties));
  const visit = (node: PositionNode): void => {
    for (const edge of node.children.values()) {
      const { segment, node: child } = edge;
      if (segment.kind === 'entitySet' || segment.kind === 'singleton') {
        table.root[segment.name] = target({ type: child.type!, collection: child.collection });
      } else if (segment.kind === 'navigation' && node.type !== undefined) {
        const declaring = types[index.get(declaringOf(node.type, segment.name))!]!;
        (declaring.nav ??= dictionary())[segment.name] = target({ type: child.type!, collection: child.collection });
      } else if (segment.kind === 'key' && (segment.keyProperties.length > 1 || !keyAsSegment)) {
        const kinds = keyKindsOf(segment.type, segment.keyProperties);
        // A single string key is quoted without being told (the runtime's default for a string).
        if (segment.keyProperties.length > 1 || Object.values(kinds)[0] !== 's') types[index.get(segment.type)!]!.key = kinds;
      }
      visit(child);
    }
    for (const member of callables.membersOf(node)) {
      let routes: Record<string, CallableRoute>;
      if (!member.binding) {
        routes = table.imports ??= dictionary();
      } else {
        const declaring = types[index.get(member.binding.type)!]!;
        routes = member.binding.collection ? (declaring.many ??= dictionary()) : (declaring.one ??= dictionary());
      }
      // A bound callable is met at every position of its binding type; only a function's parameters can add to its route.
      const existing = routes[member.name];
      if (existing && (existing[0] !== 'f' || member.kind === 'action')) continue;
      routes[member.name] = mergeRoutes(existing, callableRoute(model, member, target));
    }
  };
  visit(root);
  return relativeNames(table);
}

/** Names in the most common namespace written relative to it (`.user`); see `RouteTable.namespace`. */
function relativeNames(table: RouteTable): RouteTable {
  const counts = new Map<string, number>();
  for (const type of table.types) {
    const namespace = type.name.slice(0, type.name.lastIndexOf('.'));
    if (namespace !== '' && !namespace.startsWith('Edm')) counts.set(namespace, (counts.get(namespace) ?? 0) + 1);
  }
  const namespace = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0];
  if (namespace === undefined) return table;
  const relative = (name: string): string => (name.startsWith(`${namespace}.`) ? name.slice(namespace.length) : name);
  const callables = (routes: Record<string, CallableRoute> | undefined): void => {
    for (const [name, route] of Object.entries(routes ?? {})) {
      route[1] = relative(route[1]) === `.${name}` ? '.' : relative(route[1]);
      if (typeof route[4] === 'string') route[4] = relative(route[4]);
    }
  };
  for (const type of table.types) {
    type.name = relative(type.name);
    callables(type.one);
    callables(type.many);
  }
  callables(table.imports);
  return { version: table.version, namespace, types: table.types, root: table.root, ...(table.imports && { imports: table.imports }), ...(table.keyAsSegment && { keyAsSegment: table.keyAsSegment }) };
}

/** Every type the table mentions: positions, their base types, and callable results. */
function collectTypes(model: Model, node: PositionNode, callables: CallableIndex, names: Set<string>, withBases = new Set<string>()): void {
  if (node.type !== undefined) addWithBases(model, node.type, names, withBases);
  for (const member of callables.membersOf(node)) {
    if (member.binding) addWithBases(model, member.binding.type, names, withBases);
    for (const { operation } of member.overloads) if (operation.response) names.add(operation.response.type);
  }
  for (const edge of node.children.values()) collectTypes(model, edge.node, callables, names, withBases);
}

/** `withBases`: the names whose base types are in already (a position's type is met at many positions). */
function addWithBases(model: Model, name: string, names: Set<string>, withBases: Set<string>): void {
  if (withBases.has(name)) return;
  withBases.add(name);
  const type = lookupStructuredType(model, name);
  if (!type) names.add(name);
  else for (const item of baseChain(model, type)) names.add(item.qualifiedName);
}

function typeRoute(model: Model, name: string, index: Map<string, number>): TypeRoute {
  const route: TypeRoute = { name };
  const type = lookupStructuredType(model, name);
  if (type?.baseType !== undefined && index.has(type.baseType)) route.base = index.get(type.baseType)!;
  if (!type && isValueType(model, name)) route.value = 1;
  return route;
}

function declaringType(model: Model, typeName: string, navigation: string): string {
  const type = lookupStructuredType(model, typeName);
  const declaring = type && baseChain(model, type).find((item) => item.navigationProperties.some((entry) => entry.name === navigation));
  return declaring?.qualifiedName ?? typeName;
}

function keyLiteralKinds(model: Model, typeName: string, keyProperties: readonly string[]): Record<string, LiteralKind> {
  const type = lookupStructuredType(model, typeName);
  const kinds = dictionary<LiteralKind>();
  for (const name of keyProperties) {
    const property = type ? findProperty(model, type, name) : undefined;
    kinds[name] = property ? literalKind(model, property) : 's';
  }
  return kinds;
}

function callableRoute(model: Model, member: CallableMember, target: (reference: TypeReference) => Target): CallableRoute {
  const response = member.overloads.find((overload) => overload.operation.response)?.operation.response;
  const returns = response ? target(response) : null;
  const qualified = member.binding ? undefined : member.qualifiedName;
  const parameters = member.overloads.flatMap((overload) => callerParameters(overload.callable));
  if (member.kind === 'action') return trim(['a', member.urlName, returns, parameters.length > 0 ? 1 : null, qualified]);
  const kinds = dictionary<LiteralKind>();
  for (const parameter of parameters) kinds[parameter.name] ??= literalKind(model, parameter);
  return trim(['f', member.urlName, returns, parameters.length > 0 ? kinds : null, qualified]);
}

/** Schema names are data: `__proto__` must be a key like any other. */
function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Drops trailing empty entries; the runtime reads a missing entry as none. */
function trim<T extends CallableRoute>(route: T): T {
  while (route.length > 2 && (route.at(-1) === null || route.at(-1) === undefined)) route.pop();
  return route;
}

/** Overloads seen at different positions: the union of their function parameters. */
function mergeRoutes(existing: CallableRoute | undefined, route: CallableRoute): CallableRoute {
  if (!existing || existing[0] !== 'f' || route[0] !== 'f' || !route[3]) return existing ?? route;
  return trim(['f', existing[1], existing[2] ?? route[2], Object.assign(dictionary<LiteralKind>(), route[3], existing[3]), existing[4]]);
}

/**
 * How a value of the type is written in a URL (OData ABNF `primitiveLiteral`, 4.01 JSON
 * literals). Enum members are qualified with their type in a 4.0 service (`ns.Color'Red'`,
 * ABNF 4.0 `enum`); 4.01 lets them stand alone (`'Red'`).
 */
export function literalKind(model: Model, reference: TypeReference): LiteralKind {
  if (reference.collection) return 'j';
  let name = reference.type;
  const type = lookupType(model, name);
  if (type?.kind === 'enum') return urlConventionsOf(model).odataVersion === '4.0' ? `e:${type.qualifiedName}` : 's';
  if (type?.kind === 'typeDefinition') name = type.underlyingType;
  if (type?.kind === 'entity' || type?.kind === 'complex') return 'j';
  switch (name) {
    case 'Edm.String':
      return 's';
    case 'Edm.Duration':
      return 'd';
    case 'Edm.Binary':
      return 'b';
    case 'Edm.Boolean':
    case 'Edm.Byte':
    case 'Edm.SByte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
    case 'Edm.Single':
    case 'Edm.Double':
    case 'Edm.Guid':
    case 'Edm.Date':
    case 'Edm.DateTimeOffset':
    case 'Edm.TimeOfDay':
      return 'r';
    default:
      return 'j';
  }
}
