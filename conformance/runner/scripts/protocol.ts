import { allProperties, findNavigationProperty, isOpenType, keyProperties, lookupStructuredType } from '../../../generator/model/queries.ts';
import type { Operation, StructuralProperty, StructuredType } from '../../../generator/model/types.ts';
import { contains, firstDifference, isCleared, render } from '../../checks/compare.ts';
import { answer } from '../../checks/probe.ts';
import { formatKeySegment } from '../../url/literal.ts';
import { isWritable } from '../../samples/structured.ts';
import type { Exchange } from '../exchange.ts';
import { memberSegment, type Instances } from '../instances.ts';
import type { Session } from '../session.ts';
import { dropAccepted } from './bad-inputs.ts';
import { structural, type ResourceState } from './resource.ts';

/**
 * Protocol rules beyond the operations the model lists: the Location of a create, PUT where the
 * CSDL names none (services MAY support it), client mistakes sent on purpose (never a 5xx), an
 * Accept the service cannot serve (406), and invalid paging options ($top=-1).
 */

/** A create's Location (resolved against the request URL, RFC 9110 §10.2.2) must lead to the created entity. */
export async function judgeLocation(session: Session, create: Operation, exchange: Exchange, type: StructuredType, keys: Record<string, unknown>, readable: boolean): Promise<void> {
  if (!session.wants('header/location', create.id) || exchange.status < 200 || exchange.status >= 300) return;
  const location = exchange.headers['location'];
  if (location === undefined) return session.fail('header/location', create.id, `The create answered ${exchange.status} without a Location header`, [exchange]);
  let resolved: URL;
  try {
    resolved = new URL(location, exchange.request.url);
  } catch {
    return session.fail('header/location', create.id, `Location ${JSON.stringify(location)} is not a URL`, [exchange]);
  }
  const root = session.target.serviceRoot;
  if (!resolved.href.startsWith(`${root}/`)) {
    return session.fail('header/location', create.id, `Location ${JSON.stringify(location)} resolves (against ${exchange.request.url}) to ${resolved.href}, outside the service root ${root}`, [exchange]);
  }
  // Without a GET of the entity in the model there is nothing to follow the Location with.
  if (!readable) return session.pass('header/location', create.id, 'present, under the service root (the model has no GET to follow it)');
  const read = await session.send(create.id, 'GET', resolved.href.slice(root.length));
  const body = read.json as Record<string, unknown> | undefined;
  const names = keyProperties(session.model, type);
  const same = read.status === 200 && body !== undefined && names.every((name) => String(body[name]) === String(keys[name]));
  if (same) return session.pass('header/location', create.id);
  const what = read.status === 200 ? `an entity with another key (${names.map((name) => `${name} ${render(body?.[name])}`).join(', ')})` : answer(read);
  session.fail('header/location', create.id, `Location ${JSON.stringify(location)} resolves (against ${exchange.request.url}) to ${resolved.href}, and GET there answered ${what}, not the created entity`, [exchange, read]);
}

/**
 * PUT of an entity whose model lists only PATCH. Services MAY support it (OData Protocol 4.01
 * §11.4.3); 405 or 501 says they do not (skip). Where it is supported it MUST replace: what the
 * body leaves out goes back to its default, and a body without a non-nullable property (with no
 * default) cannot be stored.
 */
export async function putProbe(session: Session, instances: Instances, state: ResourceState, id: string, read: Operation): Promise<void> {
  const path = state.entityPath;
  if (!path || !state.exists || !state.keys) return session.skip('sequence/put-replace', id, 'there is no entity to PUT');
  const body = instances.createBody(state.entityType, state.keys, session.nextVariant(), 0);
  if (!body) return session.skip('sequence/put-replace', id, `no valid body can be built for ${state.entityType.qualifiedName}`);
  const before = state.current ?? {};
  const put = await session.send(id, 'PUT', path, { body });
  if (put.status === 405 || put.status === 501) return session.skip('sequence/put-replace', id, `the service does not support PUT here (${put.status}); services MAY leave it out`);
  if (put.status < 200 || put.status >= 300) return session.fail('sequence/put-replace', id, `PUT with a valid body answered ${answer(put)}`, [put]);
  const after = await session.send(id, 'GET', path);
  const readBody = (after.json ?? {}) as Record<string, unknown>;
  const keys = new Set(keyProperties(session.model, state.type));
  const sent = structural(body);
  state.current = { ...Object.fromEntries([...keys].map((name) => [name, state.keys![name]])), ...sent };
  if (after.status !== 200) return session.fail('sequence/put-replace', id, `GET after PUT answered ${answer(after)}`, [put, after]);
  // Both halves of replace semantics are checked, and every problem found is reported.
  const problems: string[] = [];
  const exchanges: Exchange[] = [put, after];
  const notApplied = firstDifference(readBody, sent);
  const kept = Object.keys(before).find((name) => !keys.has(name) && !(name in sent) && !isCleared(before[name]) && contains(readBody[name], before[name]));
  if (notApplied !== undefined) problems.push(`Property ${notApplied}: PUT sent ${render(sent[notApplied])}, read ${render(readBody[notApplied])}`);
  else if (kept !== undefined) problems.push(`Property ${kept} was left out of the PUT but kept ${render(readBody[kept])}: PUT did not replace the entity (it merged, like PATCH)`);
  const required = requiredWithoutDefault(session, state.entityType).find((property) => property.name in body);
  if (required) {
    const without = Object.fromEntries(Object.entries(body).filter(([name]) => name !== required.name));
    const missing = await session.send(id, 'PUT', path, { body: without });
    if (missing.status >= 200 && missing.status < 300) {
      exchanges.push(missing, await session.send(id, 'GET', path));
      problems.push(`PUT without the non-nullable ${required.name} (no default) answered ${missing.status}: a replace cannot store it, so the request must be refused with 400`);
    } else if (missing.status >= 500 || missing.status === 0) {
      exchanges.push(missing);
      problems.push(`PUT without the non-nullable ${required.name} answered ${answer(missing)}; expected 400`);
    }
  }
  if (problems.length > 0) session.fail('sequence/put-replace', id, problems.join('; '), exchanges);
  else session.pass('sequence/put-replace', id);
}

/** Non-nullable, writable, non-key properties with no default value: a create or replace must send them. */
function requiredWithoutDefault(session: Session, type: StructuredType): StructuralProperty[] {
  const keys = new Set(keyProperties(session.model, type));
  return allProperties(session.model, type).filter((property) => !keys.has(property.name) && !property.nullable && property.defaultValue === undefined && isWritable(property, 'create'));
}

interface Mistake {
  what: string;
  body: Record<string, unknown>;
  /** Whether a 2xx is wrong too (the request cannot be right), or only a 5xx. */
  must4xx: boolean;
  method: 'POST' | 'PATCH';
  keys?: Record<string, unknown>;
}

/**
 * Client mistakes sent on purpose: a duplicate key, a missing or null non-nullable property, a
 * missing key, a reference to an entity that does not exist. A 5xx is the server's failure to
 * notice the client's error (Protocol §9.2, §9.3); 501 (not implemented) is not.
 */
export async function clientErrors(session: Session, instances: Instances, state: ResourceState): Promise<void> {
  const { create, update } = state.resource.operations;
  const type = state.type;
  if (create && state.collectionPath !== undefined && session.wants('robustness/client-error', create.id)) {
    const mistakes = createMistakes(session, instances, state);
    await sendMistakes(session, instances, state, create, state.collectionPath, mistakes, type);
  }
  if (update && state.entityPath && state.exists && session.wants('robustness/client-error', update.id)) {
    const nonNullable = requiredWithoutDefault(session, state.entityType).find((property) => isWritable(property, 'update'));
    const mistakes: Mistake[] = nonNullable ? [{ what: `null for the non-nullable ${nonNullable.name}`, body: { [nonNullable.name]: null }, must4xx: true, method: 'PATCH' }] : [];
    await sendMistakes(session, instances, state, update, state.entityPath, mistakes, type);
  }
}

function createMistakes(session: Session, instances: Instances, state: ResourceState): Mistake[] {
  const { model } = session;
  const type = state.type;
  const names = keyProperties(model, type);
  const mistakes: Mistake[] = [];
  // One valid body, given fresh keys for each mistake (building and validating one per mistake costs more than the requests).
  const template = instances.createBody(type, instances.freshKeys(type), session.nextVariant());
  const fresh = () => {
    const keys = instances.freshKeys(type);
    return { keys, body: template && { ...template, ...keys } };
  };
  if (state.exists && state.keys && names.every((name) => state.keys![name] !== undefined)) {
    const { body } = fresh();
    if (body) mistakes.push({ what: 'the key of an entity that exists', body: { ...body, ...state.keys }, must4xx: true, method: 'POST' });
  }
  const required = requiredWithoutDefault(session, state.entityType);
  if (required.length > 0) {
    const property = required[0]!;
    const missing = fresh();
    if (missing.body) mistakes.push({ what: `no value for the non-nullable ${property.name}`, body: without(missing.body, property.name), must4xx: false, method: 'POST', keys: missing.keys });
    const nulled = fresh();
    if (nulled.body) mistakes.push({ what: `null for the non-nullable ${property.name}`, body: { ...nulled.body, [property.name]: null }, must4xx: true, method: 'POST', keys: nulled.keys });
  }
  if (names.length > 0) {
    const { body } = fresh();
    if (body) mistakes.push({ what: `no key (${names.join(', ')})`, body: names.reduce(without, body), must4xx: false, method: 'POST' });
  }
  const reference = missingReference(session, instances, state);
  if (reference) {
    const linked = fresh();
    if (linked.body) mistakes.push({ what: `a reference to an entity that does not exist (${reference.name})`, body: { ...linked.body, [reference.name]: reference.value }, must4xx: false, method: 'POST', keys: linked.keys });
  }
  return mistakes;
}

/** `nav@odata.bind` to a key nobody created, through a binding of the container. */
function missingReference(session: Session, instances: Instances, state: ResourceState): { name: string; value: string } | undefined {
  const container = session.model.entityContainer;
  const collection = state.resource.collection;
  if (!container || collection?.segment?.kind !== 'entitySet' || isOpenType(session.model, state.type)) return undefined;
  const set = container.entitySets.find((candidate) => candidate.name === (collection.segment as { name: string }).name);
  for (const binding of set?.navigationPropertyBindings ?? []) {
    const navigation = findNavigationProperty(session.model, state.type, binding.path);
    const targetSet = container.entitySets.find((candidate) => candidate.name === binding.target);
    const targetType = targetSet && lookupStructuredType(session.model, targetSet.entityType);
    if (!navigation || navigation.collection || navigation.containsTarget || !targetType) continue;
    const keys = instances.freshKeys(targetType);
    const segment = formatKeySegment(session.model, targetType, keys, keyProperties(session.model, targetType));
    return { name: `${navigation.name}@odata.bind`, value: `${targetSet!.name}${segment}` };
  }
  return undefined;
}

async function sendMistakes(session: Session, instances: Instances, state: ResourceState, operation: Operation, path: string, mistakes: readonly Mistake[], type: StructuredType): Promise<void> {
  if (mistakes.length === 0) return session.skip('robustness/client-error', operation.id, `${type.qualifiedName} offers no client mistake to send (no key, no non-nullable property)`);
  for (const mistake of mistakes) {
    const exchange = await session.send(operation.id, mistake.method, path, { body: mistake.body });
    const accepted = exchange.status >= 200 && exchange.status < 300;
    if (accepted && mistake.method === 'POST' && mistake.what !== 'the key of an entity that exists') await dropAccepted(session, instances, state, exchange, { ...mistake.keys, ...mistake.body });
    const serverError = exchange.status >= 500 && exchange.status !== 501;
    if (serverError || exchange.status === 0 || (mistake.must4xx && accepted)) {
      const verdict = accepted ? `was accepted (${exchange.status})` : `answered ${answer(exchange)}`;
      return session.fail('robustness/client-error', operation.id, `A ${mistake.method} with ${mistake.what} ${verdict}; a client mistake answers 4xx${serverError ? ', never 5xx' : ''}`, [exchange]);
    }
  }
  session.pass('robustness/client-error', operation.id);
}

function without(body: Record<string, unknown>, name: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
}

/** An Accept the service cannot serve answers 406 (or the service serves it after all). */
export async function notAcceptable(session: Session, state: ResourceState): Promise<void> {
  const { read } = state.resource.operations;
  if (!read || !session.wants('header/not-acceptable', read.id)) return;
  if (!state.entityPath || !state.exists) return session.skip('header/not-acceptable', read.id, 'there is no entity to read');
  const exchange = await session.send(read.id, 'GET', state.entityPath, { accept: 'application/xml' });
  const served = /xml/i.test(exchange.headers['content-type'] ?? '');
  if (exchange.status === 406 || (exchange.status === 200 && served)) session.pass('header/not-acceptable', read.id);
  else session.fail('header/not-acceptable', read.id, `GET with Accept: application/xml answered ${answer(exchange)}${exchange.headers['content-type'] ? ` with ${exchange.headers['content-type']}` : ''}; expected 406 (or an XML body)`, [exchange]);
}

/** `$top=-1` and `$skip=-1` are not valid (URL Conventions 4.01 §5.1.5): 400. */
export async function invalidPaging(session: Session, state: ResourceState): Promise<void> {
  const { list } = state.resource.operations;
  if (!list || state.collectionPath === undefined || !session.wants('query/invalid', list.id)) return;
  for (const option of ['$top=-1', '$skip=-1']) {
    const exchange = await session.send(list.id, 'GET', `${state.collectionPath}?${option}`);
    if (exchange.status === 400 || (session.profile === 'lenient' && exchange.status >= 400 && exchange.status < 500)) continue;
    const verdict = exchange.status >= 200 && exchange.status < 300 ? `was accepted (${exchange.status})` : `answered ${answer(exchange)}`;
    return session.fail('query/invalid', list.id, `GET with ${option} ${verdict}; expected 400`, [exchange]);
  }
  session.pass('query/invalid', list.id);
}
