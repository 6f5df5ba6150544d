import { findProperty, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { StructuredType } from '../../generator/model/types.ts';
import { concreteType, sampleKeyValue, sampleStructured } from '../samples/structured.ts';
import type { HandlerContext } from './context.ts';
import type { Step } from './match.ts';
import { odataError } from './responses.ts';
import { existsImplicitly, isServerProvided } from './routes.ts';
import { keyPath } from './match.ts';
import type { StoredEntity } from './store.ts';

/**
 * Entities along a request path: which exist, which the handlers make up (singletons,
 * contained single-valued navigations that are part of their parent, and, in the lenient
 * profile, any missing parent), and the typed key values of a member.
 */

/** The entity a step addresses, made up when it exists implicitly; `undefined` when absent. */
export function lookupEntity(ctx: HandlerContext, steps: readonly Step[], index: number, vivify = false): StoredEntity | undefined {
  const step = steps[index]!;
  if (step.node.segment?.kind === 'key' && index > 0) provideMembers(ctx, steps.slice(0, index));
  const stored = ctx.store.get(step.path);
  if (stored) return stored;
  if (stored === null && !vivify) return undefined;
  if (!vivify && !existsImplicitly(step.node)) return undefined;
  const made = defaultEntity(ctx, steps, index);
  if (made) ctx.store.set(step.path, made, placeOf(steps, index));
  return made;
}

/** Every entity above the target must exist (OData answers 404 for a path through a missing one). */
export function checkAncestors(ctx: HandlerContext, steps: readonly Step[]): Response | undefined {
  for (let index = 0; index < steps.length - 1; index++) {
    const step = steps[index]!;
    if (step.node.kind !== 'entity' || step.node.segment?.kind === 'cast') continue;
    if (lookupEntity(ctx, steps, index, ctx.profile === 'lenient')) continue;
    return odataError(404, 'ResourceNotFound', `The resource at '${step.path}' does not exist, so '${steps.at(-1)!.path || '/'}' cannot be reached`);
  }
  return undefined;
}

/** Where an entity hangs in the store: its parent entity and, for a member, its collection. */
export function placeOf(steps: readonly Step[], index: number): { parent: string; collection?: string } {
  const step = steps[index]!;
  let parent = '';
  for (let above = index - 1; above >= 0; above--) {
    if (steps[above]!.node.kind === 'entity') {
      parent = steps[above]!.path;
      break;
    }
  }
  if (step.node.segment?.kind === 'key') return { parent, collection: steps[index - 1]!.path };
  return { parent };
}

/** Key values typed per the key properties (`"5"` becomes `5` for an Int32 key). */
export function typedKeys(ctx: HandlerContext, type: StructuredType, keys: Record<string, string>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(keys)) {
    const property = findProperty(ctx.model, type, name);
    typed[name] = property && /^Edm\.(Int|Byte|SByte|Decimal|Double|Single)/.test(property.type) ? Number(text) : text;
  }
  return typed;
}

/** Key values for a single entity that has no key in its path: a same-named key above it, or made up. */
export function impliedKeys(ctx: HandlerContext, type: StructuredType, steps: readonly Step[], index: number): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  for (const name of keyProperties(ctx.model, type)) {
    const above = steps.slice(0, index).reverse().find((step) => step.keys && name in step.keys);
    if (above) {
      keys[name] = typedKeys(ctx, type, { [name]: above.keys![name]! })[name];
      continue;
    }
    const property = findProperty(ctx.model, type, name);
    const segment = steps[index]!.node.segment;
    keys[name] = property?.type === 'Edm.String' && segment && 'name' in segment ? segment.name : property ? sampleKeyValue(ctx.model, property, ctx.nextId()) : ctx.nextId();
  }
  return keys;
}

function defaultEntity(ctx: HandlerContext, steps: readonly Step[], index: number): StoredEntity | undefined {
  const step = steps[index]!;
  const declared = step.node.type ? lookupStructuredType(ctx.model, step.node.type) : undefined;
  // An abstract type with no concrete type in the schema (Graph has some) is used as it is.
  const type = declared && (concreteType(ctx.model, declared) ?? declared);
  if (!type) return undefined;
  const keys = step.keys ? typedKeys(ctx, type, step.keys) : impliedKeys(ctx, type, steps, index);
  const content = sampleStructured(ctx.model, type, { variant: 0, optional: 0, serverSide: true }) ?? {};
  delete content['@odata.type'];
  return { type: type.qualifiedName, data: { ...keys, ...content } };
}

/**
 * A collection clients cannot add to gets one member of the handlers' making on first use
 * (key `odatakit-0`, or the type's zero value), so that it can be listed, read and walked through.
 */
export function provideMembers(ctx: HandlerContext, steps: readonly Step[]): void {
  const collection = steps.at(-1)!;
  const member = collection.node.member;
  if (!member || !isServerProvided(collection.node) || !ctx.store.mark(`provided:${collection.path}`)) return;
  const declared = collection.node.type ? lookupStructuredType(ctx.model, collection.node.type) : undefined;
  const type = declared && (concreteType(ctx.model, declared) ?? declared);
  if (!type) return;
  const names = keyProperties(ctx.model, type);
  const keys: Record<string, string> = {};
  for (const name of names) {
    const property = findProperty(ctx.model, type, name);
    keys[name] = String(property ? sampleKeyValue(ctx.model, property, 0) : 'odatakit-0');
  }
  const path = `${collection.path}/${keyPath(names, keys)}`;
  const memberSteps = [...steps, { node: member, path, keys }];
  const made = defaultEntity(ctx, memberSteps, memberSteps.length - 1);
  if (made) ctx.store.set(path, made, placeOf(memberSteps, memberSteps.length - 1));
}
