import type { Operation } from '../../../generator/model/types.ts';
import { encodeUrlText } from '../../../generator/runtime/client/literals.ts';
import { render } from '../../checks/compare.ts';
import { answer } from '../../checks/probe.ts';
import type { Exchange } from '../exchange.ts';
import { notImplementedSkip } from '../query-restrictions.ts';
import type { Session } from '../session.ts';
import { filterQueries } from './filter.ts';
import type { QueryFixture } from './query-members.ts';

/**
 * `query/count`: `$count=true` adds `@odata.count`, the number of members the request
 * identifies whatever `$top` and paging return (OData URL Conventions 4.01 §5.1.6 $count;
 * Protocol 4.01 §11.2.6.5), and `/$count` answers that number as plain text (URL
 * Conventions 4.01 §4.8; Protocol 4.01 §11.2.10). Both are asked with the composite `$filter`
 * of `query/filter` (its right answer: two of the run's members) where the collection can be
 * filtered; else without, where the count must cover at least the run's members.
 */
export const COUNT_CLAUSE = 'OData URL Conventions 4.01 §5.1.6 $count and §4.8 /$count, Protocol 4.01 §11.2.6.5 and §11.2.10';

export async function checkCount(session: Session, fixture: QueryFixture, list: Operation, collectionPath: string): Promise<void> {
  if (fixture.restrictions.countable === false) return session.skip('query/count', list.id, 'the model says the collection cannot be counted (CountRestrictions/Countable is false)');
  const queries = fixture.restrictions.filterable === false ? undefined : filterQueries(session, fixture);
  const filter = queries && typeof queries !== 'string' ? queries.composite : undefined;
  const filterQuery = filter ? `$filter=${encodeUrlText(filter.expression)}` : '';
  // With the filter the count is exact; without it other data may be counted too.
  const exact = filter?.expected.length;
  const least = fixture.members.length;
  const expectation = exact !== undefined ? `${exact} (the members $filter=${filter!.expression} matches)` : `at least ${least} (the members the run created)`;
  const init = { headers: fixture.restrictions.headers };
  const inline = await session.send(list.id, 'GET', `${collectionPath}?${filterQuery ? `${filterQuery}&` : ''}$count=true`, init);
  const segment = await session.send(list.id, 'GET', `${collectionPath}/$count${filterQuery ? `?${filterQuery}` : ''}`, init);
  const sent: Exchange[] = [inline, segment];
  const fail = (summary: string) => session.fail('query/count', list.id, `${summary} (${COUNT_CLAUSE})`, sent);
  const body = inline.json as { value?: unknown[]; '@odata.count'?: unknown } | undefined;
  const count = typeof body?.['@odata.count'] === 'string' ? Number(body['@odata.count']) : body?.['@odata.count'];
  const listed = Array.isArray(body?.value) ? body.value.length : 0;
  const skip = notImplementedSkip(inline.status, fixture.restrictions.countable, '$count', 'CountRestrictions/Countable', COUNT_CLAUSE);
  if (skip !== undefined) return session.skip('query/count', list.id, skip);
  if (inline.status !== 200) return fail(`GET with $count=true answered ${answer(inline)}`);
  if (typeof count !== 'number' || !Number.isInteger(count)) return fail(`@odata.count is ${render(body?.['@odata.count'])}; expected the number of members`);
  if (exact !== undefined ? count !== exact : count < Math.max(least, listed)) return fail(`@odata.count is ${count}; expected ${exact ?? `at least ${Math.max(least, listed)}`}`);
  if (segment.status !== 200) return fail(`GET ${collectionPath}/$count answered ${answer(segment)}`);
  const text = segment.body.trim();
  if (!/^\d+$/.test(text)) return fail(`/$count answered ${render(segment.body)} (${segment.headers['content-type'] ?? 'no Content-Type'}); expected the number as plain text`);
  if (exact !== undefined ? Number(text) !== exact : Number(text) < least) return fail(`/$count answered ${text}; expected ${expectation}`);
  session.pass('query/count', list.id);
}
