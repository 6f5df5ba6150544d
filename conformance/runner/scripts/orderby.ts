import type { Operation, StructuralProperty } from '../../../generator/model/types.ts';
import { encodeUrlText } from '../../../generator/runtime/client/literals.ts';
import type { Exchange } from '../exchange.ts';
import { notImplementedSkip, restricts } from '../query-restrictions.ts';
import type { Session } from '../session.ts';
import { runMembersFilter } from './filter.ts';
import { readPages } from './next-link.ts';
import { describeMember, memberIndex, primitiveOf, type QueryFixture } from './query-members.ts';

/**
 * `query/orderby`: `$orderby` orders the members, ascending and descending, on two keys where
 * the type has a second property (OData URL Conventions 4.01 §5.1.4; Protocol 4.01
 * §11.2.6.2). The run's three members are picked out with `$filter` where the collection can
 * filter (else the whole collection is read, within the page budget, and the run's members
 * must come in order among the rest).
 *
 * Numbers, dates and booleans compare the same everywhere. Strings do not: the URL Conventions
 * leave string collation to the service (SQLite, ICU and SQL Server collations order case,
 * accents and punctuation differently), so only strings the suite wrote itself are compared:
 * same length, lower-case ASCII letters, digits and `-`, differing in one letter or digit.
 */
export const ORDERBY_CLAUSE = 'OData URL Conventions 4.01 §5.1.4 $orderby, Protocol 4.01 §11.2.6.2';

interface SortKey {
  name: string;
  /** The member's value for this key, as the suite knows it. */
  valueOf: (index: number) => unknown;
}

/** The sort keys that order the three members totally, first the one with a tie, or why there are none. */
export function sortKeys(session: Session, fixture: QueryFixture): SortKey[] | string {
  const { restrictions, roles, members } = fixture;
  const usable = (property: StructuralProperty | undefined) => property !== undefined && !restricts(restrictions.notSortableBothWays, property.name);
  const role = (property: StructuralProperty): SortKey => ({ name: property.name, valueOf: (index) => members[index]!.values[property.name] });
  const key = fixture.keyProperties.length === 1 ? fixture.keyProperties[0]! : undefined;
  const keyValues = key ? members.map((member) => member.keys[key.name]) : [];
  const keySortable = key !== undefined && usable(key) && (/^Edm\.(Byte|SByte|Int16|Int32|Int64)$/.test(primitiveOf(session.model, key)) || comparableStrings(keyValues));
  const total = usable(roles.ordered) ? role(roles.ordered!) : usable(roles.text) ? role(roles.text!) : keySortable ? { name: key!.name, valueOf: (index: number) => keyValues[index] } : undefined;
  if (!total) return 'no property the suite can set, nor the key, sorts both ways with an order every service agrees on (numbers, dates, booleans, or strings the suite wrote)';
  return usable(roles.tie) && roles.tie!.name !== total.name ? [role(roles.tie!), total] : [total];
}

/** Strings every collation orders alike: same length, lower-case ASCII letters, digits and `-`. */
export function comparableStrings(values: readonly unknown[]): boolean {
  return values.every((value) => typeof value === 'string' && /^[a-z0-9-]+$/.test(value) && value.length === (values[0] as string).length);
}

/** The members' indexes in the order `keys` with `descending` give. */
export function expectedOrder(keys: readonly SortKey[], descending: readonly boolean[], count = 3): number[] {
  const indexes = Array.from({ length: count }, (_, index) => index);
  return indexes.sort((a, b) => {
    for (const [position, key] of keys.entries()) {
      const order = compareValues(key.valueOf(a), key.valueOf(b));
      if (order !== 0) return descending[position] ? -order : order;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Dates the suite wrote in one format, and strings of one shape: ordinal order is every service's order.
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export async function checkOrderby(session: Session, fixture: QueryFixture, list: Operation, collectionPath: string): Promise<void> {
  if (fixture.restrictions.sortable === false) return session.skip('query/orderby', list.id, 'the model says the collection does not support $orderby (SortRestrictions/Sortable is false)');
  const keys = sortKeys(session, fixture);
  if (typeof keys === 'string') return session.skip('query/orderby', list.id, keys);
  const filter = runMembersFilter(session, fixture);
  const sent: Exchange[] = [];
  // Ascending first key (descending second), then the reverse: a service that ignores $orderby cannot get both right.
  for (const descending of keys.length === 2 ? [[false, true], [true, false]] : [[false], [true]]) {
    const orderby = keys.map((key, position) => `${key.name} ${descending[position] ? 'desc' : 'asc'}`).join(',');
    const query = `$orderby=${encodeUrlText(orderby)}${filter ? `&$filter=${encodeUrlText(filter)}` : ''}`;
    const pages = await readPages(session, list.id, `${collectionPath}?${query}`, { headers: fixture.restrictions.headers });
    sent.push(...pages.exchanges);
    const skip = notImplementedSkip(pages.exchanges[0]!.status, fixture.restrictions.sortable, '$orderby', 'SortRestrictions/Sortable', ORDERBY_CLAUSE);
    if (skip !== undefined) return session.skip('query/orderby', list.id, skip);
    if (pages.problem !== undefined) return session.fail('query/orderby', list.id, `$orderby=${orderby}: ${pages.problem} (${ORDERBY_CLAUSE})`, [...fixture.created, ...sent]);
    const order = pages.members.map((entity) => memberIndex(entity, fixture)).filter((index) => index >= 0);
    const expected = expectedOrder(keys, descending);
    if (order.length < 3 && !filter && !pages.complete) {
      return session.skip('query/orderby', list.id, `the run's members could not be picked out (the collection cannot be filtered on the key, and ${pages.exchanges.length} pages did not hold them all)`);
    }
    const described = (indexes: number[]) => indexes.map((index) => describeMember(fixture, index)).join(', ');
    const values = (index: number) => keys.map((key) => `${key.name} ${JSON.stringify(key.valueOf(index))}`).join(', ');
    if (order.length !== 3 || order.some((index, position) => index !== expected[position])) {
      const what = expected.map((index) => `M${index + 1} (${values(index)})`).join(', ');
      return session.fail('query/orderby', list.id, `$orderby=${orderby} returned the run's members as ${order.length > 0 ? described(order) : 'none'}; expected ${what} (${ORDERBY_CLAUSE})`, [...fixture.created, ...sent]);
    }
  }
  session.pass('query/orderby', list.id);
}
