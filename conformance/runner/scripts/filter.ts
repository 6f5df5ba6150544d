import type { Operation } from '../../../generator/model/types.ts';
import { encodeUrlText } from '../../../generator/runtime/client/literals.ts';
import type { Exchange } from '../exchange.ts';
import { notImplementedSkip, restricts } from '../query-restrictions.ts';
import type { Session } from '../session.ts';
import { readPages } from './next-link.ts';
import { comparison, describeMember, keyPredicate, memberIndex, primitiveOf, type QueryFixture } from './query-members.ts';

/**
 * `query/filter`: a `$filter` returns only, and all of, the members it matches (OData URL
 * Conventions 4.01 §5.1.1; Protocol 4.01 §11.2.6.1). Two requests over the run's three
 * members, each with one right answer whatever else the collection holds:
 * - `eq` on a run-unique string property (else on the key): M2 alone;
 * - a composite: the run's members by key (`or`), `and` a comparison that leaves M2 out
 *   (`gt` on a number or date, else `ne` on the string or the boolean): M1 and M3.
 */
export const FILTER_CLAUSE = 'OData URL Conventions 4.01 §5.1.1 $filter, Protocol 4.01 §11.2.6.1';

export interface FilterQuery {
  expression: string;
  /** Indexes of the fixture members that match. */
  expected: number[];
}

/** The filters that pick out the run's members, or why there are none (every picking property non-filterable). */
export function filterQueries(session: Session, fixture: QueryFixture): { eq: FilterQuery; composite: FilterQuery } | string {
  const model = session.model;
  const { restrictions, roles, members } = fixture;
  const usable = (name: string) => !restricts(restrictions.nonFilterable, name);
  const keysUsable = fixture.keyNames.length > 0 && fixture.keyNames.every(usable);
  const text = roles.text && usable(roles.text.name) ? roles.text : undefined;
  const named = [...(keysUsable ? fixture.keyNames : []), ...(text ? [text.name] : [])];
  const missing = restrictions.requiredInFilter.find((name) => !fixture.keyNames.includes(name));
  if (missing !== undefined || (restrictions.requiredInFilter.length > 0 && !keysUsable)) {
    return `FilterRestrictions/RequiredProperties asks every $filter to name ${restrictions.requiredInFilter.join(', ')}; the suite filters on the key and its own values only`;
  }
  if (named.length === 0) return 'neither the key nor a string property the suite can set is filterable (FilterRestrictions/NonFilterableProperties)';
  const byKey = (index: number) => keyPredicate(model, fixture, members[index]!);
  const byText = (index: number) => comparison(model, text!, 'eq', members[index]!.values[text!.name]);
  // With RequiredProperties on the key, every filter names the key.
  const eq = text && restrictions.requiredInFilter.length === 0 ? byText(1) : byKey(1);
  const pick = keysUsable ? byKey : byText;
  const all = `(${members.map((_, index) => pick(index)).join(' or ')})`;
  const ordered = roles.ordered && usable(roles.ordered.name) ? roles.ordered : undefined;
  const flag = roles.tie && usable(roles.tie.name) && primitiveOf(model, roles.tie) === 'Edm.Boolean' ? roles.tie : undefined;
  const second = members[1]!.values;
  const leaveOutM2 = ordered
    ? comparison(model, ordered, 'gt', second[ordered.name])
    : text
      ? comparison(model, text, 'ne', second[text.name])
      : flag
        ? comparison(model, flag, 'ne', second[flag.name])
        : undefined;
  const composite = leaveOutM2 ? `${all} and ${leaveOutM2}` : `${pick(0)} or ${pick(2)}`;
  return { eq: { expression: eq, expected: [1] }, composite: { expression: composite, expected: [0, 2] } };
}

/**
 * A filter that matches the run's three members and nothing else (by key, else by the
 * run-unique string), for the checks that must leave other data out; undefined when the model
 * says the collection cannot be filtered that way.
 */
export function runMembersFilter(session: Session, fixture: QueryFixture): string | undefined {
  const { restrictions, roles, members } = fixture;
  if (restrictions.filterable === false) return undefined;
  const usable = (name: string) => !restricts(restrictions.nonFilterable, name);
  const required = restrictions.requiredInFilter;
  if (fixture.keyNames.length > 0 && fixture.keyNames.every(usable) && required.every((name) => fixture.keyNames.includes(name))) {
    return members.map((member) => keyPredicate(session.model, fixture, member)).join(' or ');
  }
  const text = roles.text;
  if (text && usable(text.name) && required.every((name) => name === text.name)) return members.map((member) => comparison(session.model, text, 'eq', member.values[text.name])).join(' or ');
  return undefined;
}

export async function checkFilter(session: Session, fixture: QueryFixture, list: Operation, collectionPath: string): Promise<void> {
  if (fixture.restrictions.filterable === false) return session.skip('query/filter', list.id, 'the model says the collection does not support $filter (FilterRestrictions/Filterable is false)');
  const queries = filterQueries(session, fixture);
  if (typeof queries === 'string') return session.skip('query/filter', list.id, queries);
  const sent: Exchange[] = [];
  for (const query of [queries.eq, queries.composite]) {
    const outcome = await runFilter(session, fixture, list, collectionPath, query);
    sent.push(...outcome.exchanges);
    if (outcome.skip !== undefined) return session.skip('query/filter', list.id, outcome.skip);
    if (outcome.failure !== undefined) return session.fail('query/filter', list.id, `${outcome.failure} (${FILTER_CLAUSE})`, [...fixture.created, ...sent]);
  }
  session.pass('query/filter', list.id);
}

interface FilterOutcome {
  exchanges: Exchange[];
  failure?: string;
  skip?: string;
}

async function runFilter(session: Session, fixture: QueryFixture, list: Operation, collectionPath: string, query: FilterQuery): Promise<FilterOutcome> {
  const pages = await readPages(session, list.id, `${collectionPath}?$filter=${encodeUrlText(query.expression)}`, { headers: fixture.restrictions.headers });
  const { exchanges } = pages;
  const skip = notImplementedSkip(exchanges[0]!.status, fixture.restrictions.filterable, '$filter', 'FilterRestrictions/Filterable', FILTER_CLAUSE);
  if (skip !== undefined) return { exchanges, skip };
  if (pages.problem !== undefined) return { exchanges, failure: `$filter=${query.expression}: ${pages.problem}` };
  const verdict = judgeSet(fixture, pages.members, query.expected, pages.complete);
  return verdict === undefined ? { exchanges } : { exchanges, failure: `$filter=${query.expression} ${verdict}` };
}

/**
 * What is wrong with a result that should hold exactly the `expected` fixture members: another
 * member (of the run or not), a member twice, a member left out. Undefined when it is right.
 */
export function judgeSet(fixture: QueryFixture, returned: readonly Record<string, unknown>[], expected: readonly number[], complete: boolean): string | undefined {
  const seen: number[] = [];
  const others: Record<string, unknown>[] = [];
  for (const entity of returned) {
    const index = memberIndex(entity, fixture);
    if (index >= 0 && expected.includes(index)) {
      if (seen.includes(index)) return `returned ${describeMember(fixture, index)} twice`;
      seen.push(index);
    } else others.push(entity);
  }
  const wanted = expected.map((index) => describeMember(fixture, index)).join(' and ');
  if (others.length > 0) {
    const sample = others.slice(0, 3).map((entity) => {
      const index = memberIndex(entity, fixture);
      return index >= 0 ? describeMember(fixture, index) : `{${fixture.keyNames.map((name) => `${name}: ${JSON.stringify(entity[name])}`).join(', ')}}`;
    });
    return `returned ${others.length} member(s) it does not match, e.g. ${sample.join(', ')}; expected only ${wanted}`;
  }
  const left = expected.filter((index) => !seen.includes(index));
  if (left.length > 0 && complete) return `left out ${left.map((index) => describeMember(fixture, index)).join(' and ')}; expected ${wanted}`;
  if (left.length > 0) return `did not return ${left.map((index) => describeMember(fixture, index)).join(' and ')} within ${returned.length} member(s) (the nextLink chain went on past the page budget)`;
  return undefined;
}
