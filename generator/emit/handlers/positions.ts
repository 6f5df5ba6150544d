import { keyProperties, lookupStructuredType } from '../../model/queries.ts';
import type { Model } from '../../model/types.ts';
import { docCommentText, propertyKey, stringLiteral, typeNames } from '../naming.ts';
import { buildPositionTree, type PositionNode, type StepSegment } from '../request-builders/tree.ts';

/**
 * The service's URL positions as type aliases that `handlers.gen.ts` walks at the type level to
 * type each path of the `data` option (OData URL Conventions 4.01 section 4: entity sets,
 * singletons, navigations, keys, casts). One alias per distinct subtree: positions with the
 * same entity type and the same positions below share one (Graph v1.0: ~4,400 positions,
 * ~1,700 aliases), so the file stays small.
 *
 * An alias is `{ e: <entity>; c: 1; n: { <segment>: <alias> }; k: <alias> }`: `e` the entity
 * addressed (for a collection its member, with the key required: the store files members by
 * key), `c` present on collections, `n` the named segments below (navigations, casts), `k`
 * the member below a collection.
 */
export interface PositionAlias {
  name: string;
  /** The first path template that reaches it (a doc comment), escaped for a comment. */
  path: string;
  text: string;
}

export interface SeedPositions {
  /** The alias of the service root. */
  root: string;
  /** Root first, then in the order a depth-first walk in path order meets them. */
  aliases: PositionAlias[];
}

/** `handlers.gen.ts` imports `types.gen.ts` as this namespace, so no schema name can shadow its own. */
export const TYPES_NAMESPACE = 'T';

interface Interned {
  entity?: string;
  collection: boolean;
  named: [string, number][];
  member?: number;
}

export function seedPositions(model: Model): SeedPositions {
  const table: Interned[] = [];
  const ids = new Map<string, number>();
  // Positions of the same type share their entity text (Graph: ~4,600 positions, far fewer types).
  const entities = new Map<string, string>();
  const entityOf = (node: PositionNode): string => {
    const key = `${node.collection ? 'c' : 's'}${node.type ?? ''}`;
    let text = entities.get(key);
    if (text === undefined) entities.set(key, (text = entityText(model, node)));
    return text;
  };
  const intern = (node: PositionNode, isRoot: boolean): number => {
    const entry: Interned = { collection: node.collection, named: [] };
    if (!isRoot) entry.entity = entityOf(node);
    for (const edge of node.children.values()) {
      if (edge.segment.kind === 'key') entry.member = intern(edge.node, false);
      else entry.named.push([segmentName(edge.segment), intern(edge.node, false)]);
    }
    const key = internKey(entry);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = table.push(entry) - 1));
    return id;
  };
  const tree = buildPositionTree(model);
  const rootId = intern(tree, true);
  // Names in walk order, so that the file reads from the root down; a path is joined only for
  // the position that names an alias.
  const names = new Map<number, { name: string; path: string }>();
  const steps: string[] = [];
  const visit = (node: PositionNode, id: number): void => {
    if (!names.has(id)) names.set(id, { name: `P${names.size}`, path: `/${steps.join('/')}` });
    const entry = table[id]!;
    let index = 0;
    for (const edge of node.children.values()) {
      const child = edge.segment.kind === 'key' ? entry.member! : entry.named[index++]![1];
      steps.push(edge.segment.kind === 'key' ? `{${edge.segment.placeholders.join(',')}}` : segmentName(edge.segment));
      visit(edge.node, child);
      steps.pop();
    }
  };
  visit(tree, rootId);
  const aliases = [...names].map(([id, { name, path }]) => ({ name, path: docCommentText(path), text: aliasText(table[id]!, (child) => names.get(child)!.name) }));
  return { root: names.get(rootId)!.name, aliases };
}

/**
 * One text per distinct entry: its parts one a line (no entity text, segment name or number
 * holds a line end), the entity absent at the root only.
 */
function internKey(entry: Interned): string {
  let key = `${entry.entity ?? ''}\n${entry.collection ? 1 : 0}\n${entry.member ?? ''}`;
  for (const [name, id] of entry.named) key += `\n${name}\n${id}`;
  return key;
}

function segmentName(segment: Exclude<StepSegment, { kind: 'key' }>): string {
  return segment.kind === 'cast' ? segment.type : segment.name;
}

/**
 * The entity a position addresses, as the schema type of `types.gen.ts` (read shape: the
 * runtime checks `data` in read mode). A collection's member must carry its key.
 */
function entityText(model: Model, node: PositionNode): string {
  const type = node.type === undefined ? undefined : lookupStructuredType(model, node.type);
  // An unresolved type was reported while building the model; `unknown` keeps the output valid.
  if (!type) return 'unknown';
  const text = `${TYPES_NAMESPACE}.${typeNames(model)[type.qualifiedName]}`;
  const keys = keyProperties(model, type);
  // A key that is a path into a complex property (OData allows it, Graph has none) is not a property name of the read shape.
  if (!node.collection || keys.length === 0 || keys.some((key) => key.includes('/'))) return text;
  return `Member<${text}, ${keys.map(stringLiteral).join(' | ')}>`;
}

function aliasText(entry: Interned, nameOf: (id: number) => string): string {
  const parts: string[] = [];
  if (entry.entity !== undefined) parts.push(`e: ${entry.entity}`);
  if (entry.collection) parts.push('c: 1');
  if (entry.named.length > 0) parts.push(`n: { ${entry.named.map(([name, id]) => `${propertyKey(name)}: ${nameOf(id)}`).join('; ')} }`);
  if (entry.member !== undefined) parts.push(`k: ${nameOf(entry.member)}`);
  return parts.length === 0 ? '{}' : `{ ${parts.join('; ')} }`;
}
