import { allNavigationProperties, allProperties, findProperty, keyProperties, lookupType } from '../../../generator/model/queries.ts';
import type { Model, Operation, StructuralProperty, StructuredType } from '../../../generator/model/types.ts';
import { literalKind } from '../../../generator/emit/request-builders/route-table.ts';
import { literal } from '../../../generator/runtime/client/literals.ts';
import { isWritable } from '../../samples/structured.ts';
import { errorsOf } from '../../validation/validator.ts';
import type { Exchange } from '../exchange.ts';
import { memberSegment, type Instances } from '../instances.ts';
import { queryRestrictions, type QueryRestrictions } from '../query-restrictions.ts';
import type { Session } from '../session.ts';
import { withoutPartnerKeys, type ResourceState } from './resource.ts';

/**
 * Three members of a collection, created for the query checks with values the suite chose, so
 * that a `$filter`, `$orderby`, `$count` or a chain of `@odata.nextLink` has one right answer
 * whatever else the collection holds (a live server keeps other data: the checks never assume
 * the collection is empty, they pick the run's members out by key or by a run-unique string).
 *
 * Each member gets a value for up to three properties, by role:
 * - `text`, a string unique to the run and the member (`odatakit-<tag>-c`, `-a`, `-b`): same
 *   length, lower-case ASCII, so that any collation orders them alike;
 * - `ordered`, a number or a date, distinct (base+2, base, base+1: neither creation nor key order);
 * - `tie`, a boolean (false, true, false) or a second number, date or string with the same
 *   tie, for a sort on two keys.
 */
export interface QueryMember {
  keys: Record<string, unknown>;
  /** The values of the roles' properties, by property name. */
  values: Record<string, unknown>;
}

export type Role = 'text' | 'ordered' | 'tie';

export interface QueryFixture {
  /** M1, M2, M3 in creation order. */
  members: QueryMember[];
  keyNames: string[];
  keyProperties: StructuralProperty[];
  roles: Partial<Record<Role, StructuralProperty>>;
  restrictions: QueryRestrictions;
  /** The creates, for failure messages. */
  created: Exchange[];
}

export type Fixture = { ok: true; fixture: QueryFixture } | { ok: false; reason: string };

const NUMBERS = /^Edm\.(Byte|SByte|Int16|Int32|Int64|Decimal|Double|Single)$/;
const ORDERED = /^Edm\.(Byte|SByte|Int16|Int32|Int64|Decimal|Double|Single|Date|DateTimeOffset)$/;
const LETTERS = ['c', 'a', 'b'];
const OFFSETS = [2, 0, 1];
const TIES = [0, 1, 0];

/** The properties that take each role: primitive, writable on create, not a key, not a foreign key of a navigation. */
export function chooseRoles(model: Model, type: StructuredType): Partial<Record<Role, StructuralProperty>> {
  const keys = new Set(keyProperties(model, type));
  // `author_ID` beside `author`: CAP's foreign key; a value made up for it would point nowhere.
  const navigations = allNavigationProperties(model, type).map((navigation) => `${navigation.name}_`);
  const candidates = allProperties(model, type).filter(
    (property) => !keys.has(property.name) && !property.collection && isWritable(property, 'create') && !navigations.some((prefix) => property.name.startsWith(prefix)),
  );
  const typed = (pattern: RegExp) => candidates.filter((property) => pattern.test(primitiveOf(model, property)));
  const strings = typed(/^Edm\.String$/).filter((property) => property.maxLength === undefined || property.maxLength === 'max' || property.maxLength >= 40);
  const ordered = [...typed(NUMBERS), ...typed(/^Edm\.(Date|DateTimeOffset)$/)];
  const roles: Partial<Record<Role, StructuralProperty>> = {};
  if (strings[0]) roles.text = strings[0];
  if (ordered[0]) roles.ordered = ordered[0];
  const tie = typed(/^Edm\.Boolean$/)[0] ?? ordered[1] ?? strings[1];
  if (tie) roles.tie = tie;
  return roles;
}

/** The Edm type of a property, through a type definition. */
export function primitiveOf(model: Model, property: StructuralProperty): string {
  const type = lookupType(model, property.type);
  return type?.kind === 'typeDefinition' ? type.underlyingType : property.type;
}

/** The value of a role's property for member `index` (0, 1, 2); `tag` makes strings run-unique, `base` places numbers. */
export function roleValue(model: Model, role: Role, property: StructuralProperty, index: number, tag: string, base: number): unknown {
  const type = primitiveOf(model, property);
  const rank = role === 'tie' ? TIES[index]! : OFFSETS[index]!;
  if (type === 'Edm.Boolean') return rank === 1;
  if (type === 'Edm.String') return role === 'tie' ? `odatakit-${tag}-t${rank === 1 ? 'b' : 'a'}` : `odatakit-${tag}-${LETTERS[index]}`;
  if (type === 'Edm.Date') return `2001-02-0${rank + 1}`;
  if (type === 'Edm.DateTimeOffset') return `2001-02-0${rank + 1}T10:00:00Z`;
  return base + rank;
}

/** Creates the three members; a role whose value the validator refuses in any body is dropped. */
export async function createQueryMembers(session: Session, instances: Instances, state: ResourceState, create: Operation): Promise<Fixture> {
  const collection = state.resource.collection;
  const entity = state.resource.entity;
  if (!collection || !entity || state.collectionPath === undefined) return { ok: false, reason: 'the collection has no member route' };
  const model = session.model;
  // The declared type's properties: a derived type's own would need a cast in $filter and $orderby.
  const roles = chooseRoles(model, state.type);
  const variant = session.nextVariant();
  const tag = session.target.persistent ? `${Math.random().toString(36).slice(2, 8)}${variant}` : `${variant}`;
  // Small numbers fit every numeric type (Edm.Byte, Edm.SByte, a Decimal(3,0)); the filters pick the members out by key, not by number.
  const base = 20 + (variant % 50);
  const drafts: { keys: Record<string, unknown>; body: Record<string, unknown> }[] = [];
  for (let index = 0; index < 3; index++) {
    const keys = instances.freshKeys(state.type);
    const body = instances.createBody(state.type, keys, session.nextVariant());
    if (!body) return { ok: false, reason: `no valid body can be built for ${state.type.qualifiedName}` };
    drafts.push({ keys, body: withoutPartnerKeys(session, state, body) });
  }
  for (const [role, property] of Object.entries(roles) as [Role, StructuralProperty][]) {
    const accepted = drafts.every((draft, index) => {
      const value = roleValue(model, role, property, index, tag, base);
      return errorsOf(session.validator.validate(state.type.qualifiedName, { ...draft.body, [property.name]: value }, 'create')).length === 0;
    });
    if (!accepted) delete roles[role];
    else drafts.forEach((draft, index) => (draft.body[property.name] = roleValue(model, role, property, index, tag, base)));
  }
  const members: QueryMember[] = [];
  const created: Exchange[] = [];
  for (const draft of drafts) {
    const exchange = await session.send(create.id, 'POST', state.collectionPath, { body: draft.body });
    created.push(exchange);
    if (exchange.status < 200 || exchange.status >= 300) return { ok: false, reason: `creating members to query answered ${exchange.status || 'nothing'}` };
    const keys = instances.keysFromResponse(state.type, exchange, draft.keys);
    session.created(`${state.collectionPath}${memberSegment(entity, state.type, keys, session)}`);
    const values = Object.fromEntries(Object.values(roles).map((property) => [property.name, draft.body[property.name]]));
    members.push({ keys, values });
  }
  const keyNames = keyProperties(model, state.type);
  const keyProps = keyNames.flatMap((name) => findProperty(model, state.type, name) ?? []);
  return { ok: true, fixture: { members, keyNames, keyProperties: keyProps, roles, restrictions: queryRestrictions(model, collection), created } };
}

/** `name eq literal` with the literal written for the property's type. */
export function comparison(model: Model, property: StructuralProperty, operator: 'eq' | 'ne' | 'gt', value: unknown): string {
  return `${property.name} ${operator} ${literal(value, literalKind(model, property))}`;
}

/** The key predicate of a member: `ID eq 7`, `(book_ID eq 1 and number eq 2)`. */
export function keyPredicate(model: Model, fixture: QueryFixture, member: QueryMember): string {
  const parts = fixture.keyProperties.map((property) => comparison(model, property, 'eq', member.keys[property.name]));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
}

/** Whether a returned entity is this member (its key values, compared as text: an Int64 may come back as a string). */
export function isMember(entity: Record<string, unknown>, member: QueryMember, keyNames: readonly string[]): boolean {
  return keyNames.every((name) => entity[name] !== undefined && entity[name] !== null && String(entity[name]) === String(member.keys[name]));
}

/** The index of the fixture member a returned entity is, or -1. */
export function memberIndex(entity: Record<string, unknown>, fixture: QueryFixture): number {
  return fixture.members.findIndex((member) => isMember(entity, member, fixture.keyNames));
}

/** M1, M2, M3, for messages: `M2 (ID 100000002)`. */
export function describeMember(fixture: QueryFixture, index: number): string {
  const member = fixture.members[index]!;
  return `M${index + 1} (${fixture.keyNames.map((name) => `${name} ${JSON.stringify(member.keys[name])}`).join(', ')})`;
}
