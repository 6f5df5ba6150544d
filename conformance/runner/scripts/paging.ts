import { keyProperties } from '../../../generator/model/queries.ts';
import type { Operation } from '../../../generator/model/types.ts';
import { encodeUrlText } from '../../../generator/runtime/client/literals.ts';
import { answer } from '../../checks/probe.ts';
import type { Exchange } from '../exchange.ts';
import type { Session } from '../session.ts';
import type { ResourceState } from './resource.ts';
import { judgeSet, runMembersFilter } from './filter.ts';
import { nextLinkOf, PAGE_BUDGET, readPages, valueOf } from './next-link.ts';
import { isMember, type QueryFixture } from './query-members.ts';

/**
 * `query/top-skip`: `$top=1` and `$top=1&$skip=1` give one member each, different ones (OData
 * URL Conventions 4.01 §5.1.5; Protocol 4.01 §11.2.6.3, §11.2.6.4); and where the service
 * pages, following `@odata.nextLink` to its end returns every member exactly once (Protocol
 * 4.01 §11.2.6.7). A service that pages with `$top` as its page size (Graph) is followed from
 * `$top=1` over the run's members alone (picked out with `$filter`: three pages, one right
 * answer); otherwise the plain collection is read, and when it comes in pages (the service's
 * own page size), followed within a budget of pages: no member twice, each of the run's members.
 */
export const PAGING_CLAUSE = 'OData URL Conventions 4.01 §5.1.5 $top and $skip, Protocol 4.01 §11.2.6.3, §11.2.6.4 and §11.2.6.7 Server-Driven Paging';

export async function checkPaging(session: Session, state: ResourceState, fixture: QueryFixture, list: Operation): Promise<void> {
  const { restrictions } = fixture;
  if (restrictions.topSupported === false || restrictions.skipSupported === false) {
    return session.skip('query/top-skip', list.id, `the model says the collection does not support ${restrictions.topSupported === false ? '$top (TopSupported is false)' : '$skip (SkipSupported is false)'}`);
  }
  const path = state.collectionPath!;
  const keys = keyProperties(session.model, state.type);
  const init = { headers: fixture.restrictions.headers };
  const first = await session.send(list.id, 'GET', `${path}?$top=1`, init);
  const second = await session.send(list.id, 'GET', `${path}?$top=1&$skip=1`, init);
  const page1 = valueOf(first);
  const page2 = valueOf(second);
  const sent: Exchange[] = [first, second];
  const fail = (summary: string, exchanges: readonly Exchange[] = sent) => session.fail('query/top-skip', list.id, `${summary} (${PAGING_CLAUSE})`, exchanges);
  if (first.status !== 200 || second.status !== 200) return fail(`GET with $top/$skip answered ${answer(first.status !== 200 ? first : second)}`);
  if (page1?.length !== 1 || page2?.length !== 1) return fail(`$top=1 returned ${page1?.length ?? 'no'} and $top=1&$skip=1 ${page2?.length ?? 'no'} members; expected 1 each`);
  if (keys.length > 0 && sameKey(page1[0], page2[0], keys)) return fail('$skip=1 returned the same member as the first page');
  const chain = await followChain(session, state, fixture, list, first);
  if (chain === undefined) return session.pass('query/top-skip', list.id, 'the service did not page: @odata.nextLink not followed');
  if (chain.failure !== undefined) return fail(chain.failure, [...sent, ...chain.exchanges]);
  session.pass('query/top-skip', list.id, chain.note);
}

interface Chain {
  exchanges: Exchange[];
  failure?: string;
  note?: string;
}

/** Follows a nextLink chain, when the service pages; undefined when it does not. */
async function followChain(session: Session, state: ResourceState, fixture: QueryFixture, list: Operation, first: Exchange): Promise<Chain | undefined> {
  const path = state.collectionPath!;
  const filter = runMembersFilter(session, fixture);
  let start = path;
  let reused: Exchange | undefined;
  if (nextLinkOf(first) !== undefined) {
    // $top as the page size: over the run's members alone when they can be picked out.
    if (filter) start = `${path}?$filter=${encodeUrlText(filter)}&$top=1`;
    else [start, reused] = [`${path}?$top=1`, first];
  }
  const pages = await readPages(session, list.id, start, { headers: fixture.restrictions.headers, ...(reused && { first: reused }) });
  const exchanges = reused ? pages.exchanges.slice(1) : pages.exchanges;
  // The plain collection in one page: the service does not page at its own page size either.
  if (!reused && start === path && pages.exchanges.length === 1 && pages.complete) return undefined;
  if (pages.problem !== undefined) return { exchanges, failure: pages.problem };
  const filtered = start.includes('$filter=');
  const verdict = judgeChain(fixture, pages.members, pages.complete, filtered);
  if (verdict !== undefined) return { exchanges, failure: `following @odata.nextLink from ${start} ${verdict}` };
  return pages.complete ? { exchanges } : { exchanges, note: `followed @odata.nextLink for ${PAGE_BUDGET} pages (the page budget): no member twice; the rest not read` };
}

/** Every member once: none twice (of the run or not); each of the run's members, when the chain ended or held only them. */
function judgeChain(fixture: QueryFixture, members: readonly Record<string, unknown>[], complete: boolean, filtered: boolean): string | undefined {
  if (filtered) return judgeSet(fixture, members, [0, 1, 2], complete);
  const seen = new Set<string>();
  for (const entity of members) {
    const key = JSON.stringify(fixture.keyNames.map((name) => String(entity[name])));
    if (fixture.keyNames.length > 0 && seen.has(key)) return `returned ${key} twice`;
    seen.add(key);
  }
  if (!complete) return undefined;
  const missing = fixture.members.findIndex((member) => !members.some((entity) => isMember(entity, member, fixture.keyNames)));
  return missing >= 0 ? `ended without M${missing + 1} (${JSON.stringify(fixture.members[missing]!.keys)}), which the collection holds` : undefined;
}

function sameKey(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, keys: string[]): boolean {
  return a !== undefined && b !== undefined && keys.every((name) => a[name] !== undefined && String(a[name]) === String(b[name]));
}
