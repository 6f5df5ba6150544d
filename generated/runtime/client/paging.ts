import type { ODataPage } from './verbs.js';

/**
 * Server-driven paging (OData Protocol 4.01 section 11.2.6.7): a collection answers one page
 * and an `@odata.nextLink` to the next; following the links until there is none reads the
 * whole collection. `$pages` yields each page, `$all` each member.
 */
export interface PagingOptions {
  /** Stop after this many members: no page is requested past the one that reaches it. */
  limit?: number;
}

/** Each page, from `url` on; relative next links resolve against the page that gave them. */
export async function* followPages(url: string, fetchPage: (url: string) => Promise<unknown>, limit?: number): AsyncGenerator<ODataPage<unknown>, void, undefined> {
  const max = checkLimit(limit);
  const seen = new Set<string>();
  let next: string | undefined = url;
  let members = 0;
  while (next !== undefined && members < max) {
    // A service that links back to a page it gave would loop for ever.
    if (seen.has(next)) throw new TypeError(`@odata.nextLink leads back to ${next}`);
    seen.add(next);
    const page = (await fetchPage(next)) as ODataPage<unknown> | undefined;
    if (!page || !Array.isArray(page.value)) throw new TypeError(`${next} did not answer a collection (no "value" array)`);
    yield page;
    members += page.value.length;
    const link = page['@odata.nextLink'];
    next = typeof link === 'string' ? resolveLink(link, next) : undefined;
  }
}

/** Each member of the pages, at most `limit`. */
export async function* followItems(pages: AsyncIterable<ODataPage<unknown>>, limit?: number): AsyncGenerator<unknown, void, undefined> {
  let left = checkLimit(limit);
  if (left === 0) return;
  for await (const page of pages) {
    for (const item of page.value) {
      yield item;
      if (--left === 0) return;
    }
  }
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return Infinity;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new TypeError(`limit must be a non-negative integer, got ${String(limit)}`);
  return limit;
}

/**
 * A link relative to `base` (RFC 3986 section 5.2, the forms services write): absolute,
 * `//host/...`, `/path?...` (from the origin), `?query` or `path?...` (beside the base's last
 * segment). Written out because the runtime's lib has no `URL`.
 */
export function resolveLink(link: string, base: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(link)) return link;
  const origin = /^([a-z][a-z\d+.-]*:)(\/\/[^/?#]*)?/i.exec(base);
  if (!origin) return link;
  if (link.startsWith('//')) return `${origin[1]}${link}`;
  const root = origin[0];
  if (link.startsWith('/')) return `${root}${link}`;
  const path = base.slice(root.length).replace(/[?#].*$/, '');
  if (link.startsWith('?')) return `${root}${path}${link}`;
  return `${root}${path.slice(0, path.lastIndexOf('/') + 1)}${link}`;
}
