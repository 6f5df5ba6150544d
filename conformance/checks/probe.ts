import { derivesFrom, keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import type { Operation } from '../../generator/model/types.ts';
import { judge, type Expectation } from '../profiles.ts';
import type { Exchange } from '../runner/exchange.ts';
import type { Session } from '../runner/session.ts';
import { errorsOf } from '../validation/validator.ts';

/**
 * The checks on one valid request to an operation (its probe): that it is handled, answers the
 * expected status, labels JSON as JSON, carries OData-Version, and returns a body that matches
 * the model with keys on every entity.
 */
export function judgeProbe(session: Session, operation: Operation, exchange: Exchange, expected: Expectation<number>): void {
  const id = operation.id;
  if (isUnhandled(exchange)) {
    session.fail('operation/handled', id, `${operation.method} ${operation.path} is in the model but the target does not handle it`, [exchange]);
    return;
  }
  session.pass('operation/handled', id);
  const status = judge(exchange.status, expected, session.profile);
  if (status.ok) session.pass('status/success', id, status.difference && `difference: ${status.difference}`);
  else {
    const wanted = session.profile === 'lenient' ? [...new Set([...expected.graph, ...expected.odata])] : expected[session.profile];
    session.fail('status/success', id, `A valid request answered ${answer(exchange)}; expected ${wanted.join(' or ')}`, [exchange]);
  }
  judgeVersionHeader(session, id, exchange);
  judgeBody(session, operation, exchange);
}

/** Not handled: in-process no handler matched; any target answering 405 or 501 to a documented operation. */
export function isUnhandled(exchange: Exchange): boolean {
  return exchange.unhandled === true || exchange.status === 405 || exchange.status === 501;
}

export function answer(exchange: Exchange): string {
  if (exchange.unhandled) return 'nothing (no handler matched)';
  if (exchange.thrown !== undefined) return `nothing: the handler threw "${exchange.thrown}"`;
  if (exchange.networkError !== undefined) return `nothing: ${exchange.networkError}`;
  return String(exchange.status);
}

export function judgeVersionHeader(session: Session, id: string, exchange: Exchange): void {
  if (exchange.status === 0) return;
  const version = exchange.headers['odata-version'];
  if (version !== undefined && /^4\.0(1)?$/.test(version.trim())) session.pass('header/odata-version', id);
  else session.fail('header/odata-version', id, `The response has ${version === undefined ? 'no OData-Version header' : `OData-Version: ${version}`}; expected 4.0`, [exchange]);
}

function judgeBody(session: Session, operation: Operation, exchange: Exchange): void {
  const id = operation.id;
  const response = operation.response;
  if (!response) return;
  const skipAll = (reason: string) => {
    for (const check of ['content-type/json', 'header/odata-metadata', 'body/valid', 'body/key', 'body/context'] as const) session.skip(check, id, reason);
  };
  if (exchange.status < 200 || exchange.status >= 300) return skipAll(`no successful response to inspect (${answer(exchange)})`);
  if (exchange.status === 204 || exchange.body === '') return skipAll(`the response has no body (${exchange.status})`);
  const contentType = exchange.headers['content-type'] ?? '';
  if (/;\s*odata\.metadata=(minimal|full|none)\s*(;|$)/i.test(contentType)) session.pass('header/odata-metadata', id);
  else if (/^application\/json/i.test(contentType)) session.fail('header/odata-metadata', id, `A JSON response came with Content-Type: ${contentType}, without the odata.metadata parameter (e.g. application/json;odata.metadata=minimal)`, [exchange]);
  if (/^application\/json\s*(;|$)/i.test(contentType)) session.pass('content-type/json', id);
  else session.fail('content-type/json', id, `A JSON body came with ${contentType ? `Content-Type: ${contentType}` : 'no Content-Type'}; expected application/json`, [exchange]);
  if (exchange.json === undefined) {
    session.fail('body/valid', id, 'The body is not JSON', [exchange]);
    return;
  }
  const structured = lookupStructuredType(session.model, response.type);
  // Primitive results and collections of primitives come wrapped in { "value": ... } (OData JSON Format 4.0 §7).
  const wrapped = !structured && !response.collection;
  const value = wrapped ? (exchange.json as { value?: unknown }).value : exchange.json;
  const issues = errorsOf(session.validator.validate(response.type, value, 'read', { collection: response.collection }));
  if (issues.length === 0) session.pass('body/valid', id);
  else {
    const listed = issues.slice(0, 5).map((issue) => `${issue.path || '/'}: ${issue.message}`).join('; ');
    session.fail('body/valid', id, `The body does not match ${response.collection ? `Collection(${response.type})` : response.type}: ${listed}${issues.length > 5 ? ` (${issues.length} issues)` : ''}`, [exchange]);
  }
  if (structured?.kind === 'entity') judgeKeys(session, id, exchange, keyProperties(session.model, structured), response.collection);
  if (session.wants('body/context', id)) judgeContext(session, id, exchange, response.type);
}

/**
 * `@odata.context` (JSON Format 4.01 §10): resolved against the request URL, it must be the
 * service's metadata document, and its fragment must start at an entity set or singleton of the
 * container whose type fits the response. Absent is allowed here (odata.metadata=none).
 */
export function judgeContext(session: Session, id: string, exchange: Exchange, responseType: string): void {
  const body = exchange.json as Record<string, unknown> | null;
  const context = body && typeof body === 'object' ? body['@odata.context'] : undefined;
  if (context === undefined) return session.skip('body/context', id, 'the response has no @odata.context');
  const problem = contextProblem(session, exchange.request.url, context, responseType);
  if (problem) session.fail('body/context', id, `@odata.context ${JSON.stringify(context)} ${problem}`, [exchange]);
  else session.pass('body/context', id);
}

function contextProblem(session: Session, requestUrl: string, context: unknown, responseType: string): string | undefined {
  if (typeof context !== 'string') return 'is not a string';
  let resolved: URL;
  try {
    resolved = new URL(context, requestUrl);
  } catch {
    return 'is not a URL';
  }
  const metadata = `${session.target.serviceRoot}/$metadata`;
  const document = `${resolved.origin}${resolved.pathname}`;
  if (document !== metadata) return `resolves (against ${requestUrl}) to ${document}, not the metadata document ${metadata}`;
  const fragment = decodeURIComponent(resolved.hash.replace(/^#/, ''));
  const container = session.model.entityContainer;
  if (!container || fragment === '') return fragment === '' ? 'has no fragment naming what the response holds' : undefined;
  const first = /^[^(/]+/.exec(fragment)?.[0] ?? '';
  const set = container.entitySets.find((candidate) => candidate.name === first);
  const singleton = container.singletons.find((candidate) => candidate.name === first);
  const sourceType = set?.entityType ?? singleton?.type;
  if (!sourceType) return `names ${first}, which is not an entity set or singleton of ${container.name}`;
  // Only a fragment that is the entity set itself (`Books`, `Books/$entity`) says the response's type.
  if (/^[^(/]+(\/\$entity)?$/.test(fragment) && !related(session, sourceType, responseType)) {
    return `names ${first}, whose entities are ${sourceType}, but the response holds ${responseType}`;
  }
  return undefined;
}

function related(session: Session, a: string, b: string): boolean {
  const typeA = lookupStructuredType(session.model, a);
  const typeB = lookupStructuredType(session.model, b);
  if (!typeA || !typeB) return true;
  return a === b || derivesFrom(session.model, typeA, b) || derivesFrom(session.model, typeB, a);
}

function judgeKeys(session: Session, id: string, exchange: Exchange, keys: string[], collection: boolean): void {
  if (keys.length === 0) return;
  const body = exchange.json as Record<string, unknown> | null;
  const entities = collection ? ((body?.['value'] as unknown[] | undefined) ?? []) : [body];
  for (const [index, entity] of entities.entries()) {
    const record = (entity ?? {}) as Record<string, unknown>;
    const missing = keys.filter((name) => record[name] === undefined || record[name] === null);
    if (missing.length > 0) {
      const where = collection ? `value[${index}]` : 'The entity';
      session.fail('body/key', id, `${where} has no ${missing.join(', ')} (the key)`, [exchange]);
      return;
    }
  }
  session.pass('body/key', id);
}
