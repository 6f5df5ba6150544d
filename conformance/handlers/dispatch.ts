import type { Operation } from '../../generator/model/types.ts';
import type { HandlerContext } from './context.ts';
import { checkAncestors } from './entities.ts';
import { invokeCallable } from './invoke.ts';
import { matchPath, type Step } from './match.ts';
import { parseLiteral } from '../url/literal.ts';
import type { RouteNode } from './routes.ts';
import { parseQueryOptions } from './query-options.ts';
import { countCollection, listCollection, readEntity } from './read.ts';
import { odataError } from './responses.ts';
import { allowedMethods } from './routes.ts';
import { createMember, deleteEntity, patchEntity, putEntity } from './write.ts';
import { handleReference } from './references.ts';
import { getReferences } from './reference-read.ts';
import { handleValuePath } from './stream-value.ts';
import { checkExpandRestrictions } from './expand-restrictions.ts';
import { checkConsistencyLevel } from './consistency-level.ts';
import { handleBatch } from './batch.ts';

/**
 * One request through the reference handlers: route, method, query options, parents, then the
 * operation. Never throws: a failure of ours answers 500 with an OData error, so that the
 * handlers stay usable when something is wrong with them.
 */
export async function handleRequest(ctx: HandlerContext, request: Request): Promise<Response> {
  try {
    return await route(ctx, request);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return odataError(500, 'InternalServerError', `The reference handlers failed: ${reason}`);
  }
}

async function route(ctx: HandlerContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const relativePath = url.pathname.slice(ctx.rootPath.length);
  if (/^\/\$batch\/?$/i.test(relativePath)) return handleBatch(ctx, request, handleRequest);
  const match = matchPath(ctx.routes, relativePath);
  // A property, a stream or a `$value` is no operation of the model: tried when routing fails.
  if (!match.ok) return (await handleValuePath(ctx, request, relativePath)) ?? odataError(match.status, match.code, match.message);
  const { steps, target } = match;
  const method = request.method.toUpperCase();
  if (target.node.kind === 'reference' && method === 'GET') return getReferences(ctx, steps, url);
  const operation = match.count
    ? target.node.methods.GET
    : target.node.overloads.length > 1
      ? chooseOverload(target.node.overloads, method, target.args ?? {})
      : (target.node.methods[method as keyof typeof target.node.methods] ?? removeByIdentifier(target.node, method, url));
  if (!operation || (match.count && method !== 'GET')) {
    const allowed = match.count ? ['GET'] : allowedMethods(target.node);
    return odataError(405, 'MethodNotAllowed', `${method} is not supported on '${target.node.template || '/'}'${allowed.length ? `; use ${allowed.join(', ')}` : ''}`, undefined, {
      Allow: allowed.join(', '),
    });
  }
  if (!acceptsJson(request.headers.get('Accept'))) {
    return odataError(406, 'NotAcceptable', `The handlers answer application/json only, not ${request.headers.get('Accept')}`);
  }
  const aliased = resolveAliases(target, url.searchParams);
  if (aliased) return odataError(400, 'BadRequest', aliased);
  const options = parseQueryOptions(withoutReferenceId(url.searchParams, operation));
  if ('status' in options) return odataError(options.status, options.status === 501 ? 'NotImplemented' : 'BadRequest', options.message);
  const missing = checkAncestors(ctx, steps);
  if (missing) return missing;
  const refused = method === 'GET' ? (checkExpandRestrictions(ctx.model, target.node, options) ?? checkConsistencyLevel(ctx, target.node, options, request, match.count)) : undefined;
  if (refused) return refused;
  switch (operation.intent) {
    case 'read':
      return readEntity(ctx, steps, options, relativePath);
    case 'list':
      return match.count ? countCollection(ctx, steps, options) : listCollection(ctx, steps, options, url, relativePath);
    case 'create':
      return target.node.kind === 'collection' ? createMember(ctx, steps, operation, request) : putEntity(ctx, steps, operation, request);
    case 'replace':
      return putEntity(ctx, steps, operation, request);
    case 'update':
      return method === 'PUT' ? putEntity(ctx, steps, operation, request) : patchEntity(ctx, steps, operation, request);
    case 'delete':
      return deleteEntity(ctx, steps, operation);
    case 'action':
    case 'function':
      return invokeCallable(ctx, steps, operation, request);
    case 'reference':
      return handleReference(ctx, steps, operation, request, url);
    default:
      return assertNever(operation.intent);
  }
}

/**
 * `DELETE .../nav/$ref?$id=...` (OData Protocol 4.0 §11.4.6.2): removes a link from a collection,
 * the operation of `.../nav/{key}/$ref` named by an identifier rather than a key.
 */
function removeByIdentifier(node: RouteNode, method: string, url: URL): Operation | undefined {
  if (node.kind !== 'reference' || method !== 'DELETE' || !url.searchParams.has('$id')) return undefined;
  return node.parent?.member?.reference?.methods.DELETE;
}

/** `$id` belongs to a `$ref` request, not to the query options a read takes. */
function withoutReferenceId(params: URLSearchParams, operation: Operation): URLSearchParams {
  if (operation.intent !== 'reference' || !params.has('$id')) return params;
  const rest = new URLSearchParams(params);
  rest.delete('$id');
  return rest;
}

/**
 * Function parameters written as aliases (`f(p=@p)?@p=...`, OData URL Conventions 4.01
 * §5.1.1.13.1) take their value from the query; an alias with none is a bad request.
 */
function resolveAliases(target: Step, params: URLSearchParams): string | undefined {
  for (const [name, value] of Object.entries(target.args ?? {})) {
    if (!value.startsWith('@')) continue;
    const given = params.get(value);
    if (given === null) return `The parameter alias ${value} (for '${name}') has no value in the query`;
    target.args![name] = parseLiteral(given);
  }
  return undefined;
}

/** The function overload whose required parameters are all given and that knows every argument. */
function chooseOverload(overloads: readonly Operation[], method: string, args: Record<string, string>): Operation | undefined {
  const candidates = overloads.filter((operation) => operation.method === method);
  const given = Object.keys(args);
  const fits = (operation: Operation) => {
    const segment = operation.segments.at(-1);
    const required = segment?.kind === 'function' ? segment.parameters : [];
    return required.every((name) => name in args) && given.every((name) => required.includes(name));
  };
  return candidates.find(fits) ?? candidates[0];
}

/** An Accept header that allows JSON (absent, `*\/*`, `application/*`, `application/json...`): OData Protocol 4.01 §8.2.1. */
function acceptsJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === '') return true;
  return accept.split(',').some((range) => /^\s*(\*\/\*|application\/\*|application\/json)\s*(;|$)/i.test(range) && !/;\s*q=0(\.0*)?\s*(;|$)/i.test(range));
}

function assertNever(value: never): never {
  throw new Error(`unexpected operation intent ${String(value)}`);
}
