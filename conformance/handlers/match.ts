import { parseArguments } from '../url/literal.ts';
import type { RouteNode } from './routes.ts';

/**
 * Routes a path under the service root through the route tree (OData URL Conventions 4.0 §4):
 * key-as-segment (`partners/a`) and key predicates (`partners('a')`, `partners(tenantId='a')`)
 * address the same member, whichever form the model's urlConventions write; function segments
 * carry their arguments; `/$count` ends a collection and `/$ref` a non-contained navigation (or
 * its member), in place of whose step it stands.
 */
export interface Step {
  node: RouteNode;
  /** Canonical path of the resource in the store (`/policies/x/partners/a`). */
  path: string;
  /** Key values of a member, as text. */
  keys?: Record<string, string>;
  /** Function arguments, as text. */
  args?: Record<string, string>;
}

export type MatchResult =
  | { ok: true; steps: Step[]; target: Step; count: boolean }
  | { ok: false; status: 400 | 404 | 501; code: string; message: string };

export function matchPath(root: RouteNode, relativePath: string): MatchResult {
  const pieces = relativePath.split('/').filter((piece) => piece !== '');
  const steps: Step[] = [];
  let at: Step = { node: root, path: '' };
  for (let index = 0; index < pieces.length; index++) {
    let piece = pieces[index]!;
    // Most segments have nothing to decode (a hot path: every request of a whole-Graph run).
    if (piece.includes('%')) {
      try {
        piece = decodeURIComponent(piece);
      } catch {
        return fail(400, 'BadRequest', `The segment '${pieces[index]}' is not valid percent-encoding`);
      }
    }
    if (piece === '$count' && at.node.kind === 'collection' && index === pieces.length - 1) {
      return { ok: true, steps, target: at, count: true };
    }
    if (piece === '$ref' && at.node.reference && index === pieces.length - 1) {
      const reference: Step = { node: at.node.reference, path: at.path, ...(at.keys && { keys: at.keys }) };
      return { ok: true, steps: [...steps.slice(0, -1), reference], target: reference, count: false };
    }
    if (piece.startsWith('$')) return fail(501, 'NotImplemented', `The reference handlers do not implement '${piece}'`);
    const next = advance(at, piece);
    if (typeof next === 'string') return fail(next === 'key' ? 400 : 404, next === 'key' ? 'BadRequest' : 'ResourceNotFound', message(next, piece));
    steps.push(...next);
    at = next[next.length - 1]!;
  }
  if (at.node.kind === 'root') return fail(404, 'ResourceNotFound', 'The service root is not a resource of the reference handlers');
  return { ok: true, steps, target: at, count: false };
}

function message(reason: 'segment' | 'key', piece: string): string {
  return reason === 'key' ? `The key predicate in '${piece}' is not valid for this collection` : `Resource not found for the segment '${piece}'`;
}

function fail(status: 400 | 404 | 501, code: string, text: string): MatchResult {
  return { ok: false, status, code, message: text };
}

/** One path piece: a named segment (with a key predicate or arguments), or a key. */
function advance(at: Step, piece: string): Step[] | 'segment' | 'key' {
  const parenthesised = piece.endsWith(')') ? /^([^()]*)\(([\s\S]*)\)$/.exec(piece) : null;
  const name = parenthesised ? parenthesised[1]! : piece;
  const named = at.node.literals.get(name) ?? at.node.folded.get(name.toLowerCase());
  if (named) {
    if (named.kind === 'callable') {
      const args = parenthesised ? parseArguments(parenthesised[2]!) : {};
      if (!args) return 'key';
      return [{ node: named, path: at.path, args }];
    }
    const canonical = named.segment?.kind === 'cast' ? at.path : `${at.path}/${canonicalName(named)}`;
    const step: Step = { node: named, path: canonical };
    if (!parenthesised) return [step];
    const member = keyStep(step, parenthesised[2]!, true);
    return member ? [step, member] : 'key';
  }
  if (at.node.kind === 'collection' && at.node.member) {
    const member = keyStep(at, piece, false);
    return member ? [member] : 'key';
  }
  return 'segment';
}

function canonicalName(at: RouteNode): string {
  const segment = at.segment;
  return segment && 'name' in segment ? segment.name : '';
}

/** The member of `collection` named by a key segment or the inside of a key predicate. */
function keyStep(collection: Step, text: string, predicate: boolean): Step | undefined {
  const member = collection.node.member;
  if (!member || member.segment?.kind !== 'key') return undefined;
  const keyProperties = member.segment.keyProperties;
  let keys: Record<string, string>;
  if (predicate) {
    const args = parseArguments(text);
    if (!args) return undefined;
    if (keyProperties.length === 1 && '' in args) keys = { [keyProperties[0]!]: args['']! };
    else if (keyProperties.every((name) => name in args) && Object.keys(args).length === keyProperties.length) keys = args;
    else return undefined;
  } else {
    if (keyProperties.length !== 1 || text === '') return undefined;
    keys = { [keyProperties[0]!]: text };
  }
  return { node: member, path: `${collection.path}/${keyPath(keyProperties, keys)}`, keys };
}

/** The key as one canonical path piece. */
export function keyPath(keyProperties: readonly string[], keys: Record<string, unknown>): string {
  if (keyProperties.length === 1) return encodeURIComponent(String(keys[keyProperties[0]!]));
  return keyProperties.map((name) => `${name}=${encodeURIComponent(String(keys[name]))}`).join(',');
}
