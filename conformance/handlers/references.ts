import { baseChain, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Operation } from '../../generator/model/types.ts';
import { isPlainObject, readJsonBody } from './body.ts';
import type { HandlerContext } from './context.ts';
import { lookupEntity, placeOf } from './entities.ts';
import { keyPath, matchPath, type Step } from './match.ts';
import { noContent, odataError } from './responses.ts';

/**
 * Links through non-contained navigation properties (OData Protocol 4.01 section 11.4.6): POST
 * to a collection's `$ref` adds one, PUT to a single-valued navigation's `$ref` sets it, DELETE
 * of a member's `$ref` (or of the collection's with `?$id=`) or of a single-valued one removes
 * it. The body names the entity by its URL (`{"@odata.id": "People('b')"}`, OData JSON Format
 * 4.01 section 13). The linked entity stays where it lives; the store keeps an alias.
 */
export async function handleReference(ctx: HandlerContext, steps: readonly Step[], operation: Operation, request: Request, url: URL): Promise<Response> {
  const reference = steps.at(-1)!;
  const owner = reference.node.parent!;
  const parent = placeOf(steps, steps.length - 1).parent;
  if (operation.method === 'DELETE') {
    if (owner.kind === 'collection') {
      const id = url.searchParams.get('$id');
      const target = id === null ? undefined : resolveReference(ctx, id);
      if (typeof target === 'string') return odataError(target.startsWith('No entity') ? 404 : 400, target.startsWith('No entity') ? 'ResourceNotFound' : 'BadRequest', target);
      const alias = target && ctx.store.members(reference.path).find((path) => (ctx.store.linked(path) ?? path) === target.path);
      if (!alias) return odataError(404, 'ResourceNotFound', `'${reference.path}' has no link to ${id ?? '(no $id given)'}`);
      ctx.store.remove(alias, false);
      return noContent();
    }
    if (!ctx.store.get(reference.path)) return odataError(404, 'ResourceNotFound', `No link at '${reference.path}'`);
    ctx.store.remove(reference.path, owner.segment?.kind !== 'key');
    return noContent();
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const id = isPlainObject(body.value) ? body.value['@odata.id'] : undefined;
  if (typeof id !== 'string') return odataError(400, 'BadRequest', 'The body of a $ref request must be a JSON object with "@odata.id", the URL of the entity to link');
  const target = resolveReference(ctx, id);
  if (typeof target === 'string') return odataError(target.startsWith('No entity') ? 404 : 400, target.startsWith('No entity') ? 'ResourceNotFound' : 'BadRequest', target);
  const declared = owner.type ? lookupStructuredType(ctx.model, owner.type) : undefined;
  const actual = lookupStructuredType(ctx.model, target.type);
  if (declared && actual && !baseChain(ctx.model, actual).some((type) => type.qualifiedName === declared.qualifiedName)) {
    return odataError(400, 'BadRequest', `'${id}' is a ${target.type}, not a ${declared.qualifiedName}`);
  }
  if (owner.kind === 'collection') {
    const names = actual ? keyProperties(ctx.model, actual) : [];
    const keys = ctx.store.get(target.path)!.data;
    ctx.store.link(`${reference.path}/${keyPath(names, keys)}`, target.path, { parent, collection: reference.path });
  } else {
    ctx.store.link(reference.path, target.path, { parent });
  }
  return noContent();
}

/** The stored entity an `@odata.id` (absolute, or relative to the service root) names, or why there is none. */
function resolveReference(ctx: HandlerContext, id: string): { path: string; type: string } | string {
  let url: URL;
  try {
    url = new URL(id, `${ctx.serviceRoot}/`);
  } catch {
    return `'${id}' is not a URL`;
  }
  const root = new URL(`${ctx.serviceRoot}/`);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return `'${id}' is not a URL of this service (${ctx.serviceRoot})`;
  const match = matchPath(ctx.routes, url.pathname.slice(ctx.rootPath.length));
  if (!match.ok || match.count || match.target.node.kind !== 'entity') return `'${id}' does not address an entity`;
  const stored = lookupEntity(ctx, match.steps, match.steps.length - 1);
  if (!stored) return `No entity at '${id}'`;
  return { path: ctx.store.linked(match.target.path) ?? match.target.path, type: stored.type };
}

/**
 * Where an entity created through a non-contained navigation lives: the entity set (or other
 * collection) its NavigationPropertyBinding names (CSDL 13.4), found from the entity set or
 * singleton the path starts at. Undefined when no binding says, and the entity then lives under
 * the navigation itself.
 */
export function homeCollection(ctx: HandlerContext, steps: readonly Step[]): Step[] | undefined {
  const root = steps[0]?.node.segment;
  if (!root || (root.kind !== 'entitySet' && root.kind !== 'singleton')) return undefined;
  const container = ctx.model.entityContainer;
  const source = [...(container?.entitySets ?? []), ...(container?.singletons ?? [])].find((item) => item.name === root.name);
  const path = steps
    .slice(1)
    .flatMap((step) => (step.node.segment?.kind === 'navigation' ? [step.node.segment.name] : step.node.segment?.kind === 'cast' ? [step.node.segment.type] : []))
    .join('/');
  const bindings = source?.navigationPropertyBindings ?? [];
  const last = path.slice(path.lastIndexOf('/') + 1);
  const binding = bindings.find((item) => item.path === path) ?? bindings.find((item) => item.path.slice(item.path.lastIndexOf('/') + 1) === last);
  if (!binding) return undefined;
  // `Set`, `Container/Set` (CSDL 13.4.2) or a path into containment (Graph: `policies/appManagementPolicies`).
  for (const target of [binding.target, binding.target.slice(binding.target.indexOf('/') + 1)]) {
    const match = matchPath(ctx.routes, `/${target}`);
    if (match.ok && !match.count && match.target.node.kind === 'collection') return match.steps;
  }
  return undefined;
}
