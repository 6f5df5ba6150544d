import { findProperty, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { StructuredType } from '../../generator/model/types.ts';
import { existsImplicitly, type RouteNode } from '../handlers/routes.ts';
import { confirmValid, sampleKeyValue, sampleStructured } from '../samples/structured.ts';
import { formatKeySegment, parseLiteral } from '../url/literal.ts';
import type { Exchange } from './exchange.ts';
import type { Session } from './session.ts';

/**
 * Concrete URLs for path templates, and the parents they go through. A parent is created once
 * per run (POST to its collection, or PUT for a single-valued navigation that PUT creates), as
 * setup; when that fails (the target does not handle it, or it is outside `--only`), the suite
 * goes on and assumes the parent exists.
 */
export interface Instances {
  /** The concrete path of a node, its parents created first. */
  pathTo(node: RouteNode): Promise<string>;
  /** The path of an entity that must exist (a member or a single-valued navigation is created once per run). */
  existingPath(node: RouteNode): Promise<string>;
  /** Key values no earlier request used. */
  freshKeys(type: StructuredType): Record<string, unknown>;
  /** A valid create body (keys included when given), or undefined when none can be built. */
  createBody(type: StructuredType, keys: Record<string, unknown> | undefined, variant: number, optional?: number): Record<string, unknown> | undefined;
  /** The key the target gave the entity: from the body, else the Location header, else the one sent. */
  keysFromResponse(type: StructuredType, exchange: Exchange, sent: Record<string, unknown>): Record<string, unknown>;
}

export function memberSegment(member: RouteNode, type: StructuredType | undefined, keys: Record<string, unknown>, session: Session): string {
  const names = member.segment?.kind === 'key' ? member.segment.keyProperties : Object.keys(keys);
  return formatKeySegment(session.model, type, keys, names);
}

export function createInstances(session: Session): Instances {
  const seeded = new Map<RouteNode, Promise<string>>();
  const runId = session.target.persistent ? Math.random().toString(36).slice(2, 8) : '';
  // A live server keeps what earlier runs created: every key type gets values of this run's own.
  const runNumber = session.target.persistent ? Math.floor(Math.random() * 1_000_000) : 0;

  const freshKeys = (type: StructuredType): Record<string, unknown> => {
    const variant = session.nextVariant();
    const keys: Record<string, unknown> = {};
    for (const name of keyProperties(session.model, type)) {
      const property = findProperty(session.model, type, name);
      let value = property ? sampleKeyValue(session.model, property, variant) : `odatakit-${variant}`;
      if (runId) value = runUnique(property?.type ?? 'Edm.String', value, variant);
      keys[name] = value;
    }
    return keys;
  };

  const runUnique = (type: string, value: unknown, variant: number): unknown => {
    if (typeof value === 'string') return type === 'Edm.Guid' ? `${runIdGuid(runId)}${String(variant).padStart(12, '0')}` : `odatakit-${runId}-${variant}`;
    if (typeof value !== 'number') return value;
    const range = INTEGER_RANGES[type];
    // Int32 and wider: a block of 1,000 values per run, from 100,000,000 on; narrow types: a random start.
    if (!range) return 100_000_000 + runNumber * 1_000 + (variant % 1_000);
    const span = range[1] - range[0] + 1;
    return range[0] + ((runNumber + variant) % span);
  };

  const createBody: Instances['createBody'] = (type, keys, variant, optional = 3) => {
    const content = sampleStructured(session.model, type, { variant, optional });
    if (!content) return undefined;
    const odataType = content['@odata.type'];
    delete content['@odata.type'];
    const body = { ...(odataType !== undefined && { '@odata.type': odataType }), ...keys, ...content };
    return confirmValid(session.validator, type.qualifiedName, body, 'create');
  };

  const keysFromResponse: Instances['keysFromResponse'] = (type, exchange, sent) => {
    const names = keyProperties(session.model, type);
    const body = exchange.json as Record<string, unknown> | undefined;
    if (body && names.every((name) => body[name] !== undefined && body[name] !== null)) {
      return Object.fromEntries(names.map((name) => [name, body[name]]));
    }
    const location = exchange.headers['location'];
    if (location && names.length === 1 && !names.every((name) => sent[name] !== undefined)) {
      const last = decodeURIComponent(location.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '');
      const predicate = /\(([^)]*)\)$/.exec(last);
      return { [names[0]!]: parseLiteral(predicate ? predicate[1]!.replace(/^[^=']+=/, '') : last) };
    }
    return sent;
  };

  /** The path of a member that already exists (or is assumed to): created once per run. */
  const seedMember = (member: RouteNode): Promise<string> => {
    let pending = seeded.get(member);
    if (!pending) {
      pending = (async () => {
        const collection = member.parent!;
        const collectionPath = await pathTo(collection);
        const type = lookupStructuredType(session.model, collection.type ?? '');
        if (!type) {
          // A docs-only model knows no parent types: a key of this run's own, assumed to exist.
          const names = member.segment?.kind === 'key' ? member.segment.keyProperties : ['id'];
          return `${collectionPath}${memberSegment(member, undefined, Object.fromEntries(names.map((name) => [name, runId ? `odatakit-${runId}-parent` : 'odatakit-parent'])), session)}`;
        }
        const keys = freshKeys(type);
        const create = collection.methods.POST;
        const body = create && createBody(type, keys, session.nextVariant());
        if (body) {
          const exchange = await session.send(undefined, 'POST', collectionPath, { body });
          if (exchange.status >= 200 && exchange.status < 300) return session.created(`${collectionPath}${memberSegment(member, type, keysFromResponse(type, exchange, keys), session)}`);
          noteFor(member, `setup: POST ${collectionPath} answered ${exchange.status || 'nothing'}; assuming the parent ${collectionPath}/... exists`);
        } else if (!create && collection.methods.GET) {
          // Clients cannot add to this collection: use a member it already has.
          const listed = await session.send(undefined, 'GET', collectionPath);
          const first = ((listed.json as { value?: unknown[] } | undefined)?.value ?? [])[0] as Record<string, unknown> | undefined;
          const names = keyProperties(session.model, type);
          if (first && names.every((name) => first[name] !== undefined)) {
            return `${collectionPath}${memberSegment(member, type, Object.fromEntries(names.map((name) => [name, first[name]])), session)}`;
          }
          noteFor(member, `setup: ${collection.template} has no member and no create operation; assuming one exists`);
        } else {
          noteFor(member, `setup: no way to create a member of ${collection.template}; assuming one exists`);
        }
        return `${collectionPath}${memberSegment(member, type, keys, session)}`;
      })();
      seeded.set(member, pending);
    }
    return pending;
  };

  /** A single-valued navigation that PUT creates: created once per run when something lies below it. */
  const seedSingle = (node: RouteNode, path: string): Promise<string> => {
    let pending = seeded.get(node);
    if (!pending) {
      pending = (async () => {
        const type = lookupStructuredType(session.model, node.type ?? '');
        const body = type && createBody(type, undefined, session.nextVariant());
        if (body) {
          const exchange = await session.send(undefined, 'PUT', path, { body });
          if (exchange.status < 200 || exchange.status >= 300) noteFor(node, `setup: PUT ${path} answered ${exchange.status || 'nothing'}; assuming it exists`);
          else session.created(path);
        }
        return path;
      })();
      seeded.set(node, pending);
    }
    return pending;
  };

  const noteFor = (node: RouteNode, text: string) => {
    const below: string[] = [];
    collectOperations(node, below);
    session.note(below, text);
  };

  const pathTo = async (node: RouteNode): Promise<string> => {
    const parent = node.parent;
    if (!parent || parent.kind === 'root') return segmentText(node);
    const base = await existingPath(parent);
    return `${base}${segmentText(node)}`;
  };

  /** The path of a node that lies above a request: an entity there is created first when it must be. */
  const existingPath = async (node: RouteNode): Promise<string> => {
    if (node.kind === 'entity' && node.segment?.kind === 'key') return seedMember(node);
    const path = await pathTo(node);
    const creatable = node.kind === 'entity' && node.segment?.kind === 'navigation' && !existsImplicitly(node) && node.methods.PUT !== undefined;
    return creatable ? seedSingle(node, path) : path;
  };

  return { pathTo, existingPath, freshKeys, createBody, keysFromResponse };
}

function segmentText(node: RouteNode): string {
  const segment = node.segment;
  if (!segment) return '';
  switch (segment.kind) {
    case 'entitySet':
    case 'singleton':
    case 'navigation':
    case 'action':
    case 'function':
      return `/${segment.name}`;
    case 'cast':
      return `/${segment.type}`;
    case 'key':
      return '';
    case 'ref':
      return '/$ref';
  }
}

function collectOperations(node: RouteNode, into: string[]): void {
  for (const operation of Object.values(node.methods)) into.push(operation.id);
  for (const child of node.literals.values()) collectOperations(child, into);
  if (node.member) collectOperations(node.member, into);
}

const INTEGER_RANGES: Record<string, [number, number]> = {
  'Edm.Byte': [1, 255],
  'Edm.SByte': [1, 127],
  'Edm.Int16': [1, 32_767],
};

function runIdGuid(runId: string): string {
  const hex = [...runId].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('').slice(0, 8).padEnd(8, '0');
  return `${hex}-0000-4000-8000-`;
}
