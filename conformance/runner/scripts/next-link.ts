import { answer } from '../../checks/probe.ts';
import type { Exchange } from '../exchange.ts';
import type { Session } from '../session.ts';

/**
 * Reading a collection to its end: the first page, then each `@odata.nextLink` (OData Protocol
 * 4.01 §11.2.6.7 Server-Driven Paging: the client follows the next link, the last page has
 * none), within a budget of pages so that a large collection on a live server cannot make a
 * run endless.
 */
export const PAGE_BUDGET = 10;

export interface Pages {
  /** Every page's exchange, in order. */
  exchanges: Exchange[];
  /** The members of every page, in order. */
  members: Record<string, unknown>[];
  /** The last page had no nextLink (within the budget). */
  complete: boolean;
  /** Why the chain broke off: a page that is not 200 with a `value` array, a nextLink outside the service. */
  problem?: string;
}

export interface ReadOptions {
  budget?: number;
  /** A first page already fetched for `path`. */
  first?: Exchange;
  headers?: Record<string, string>;
}

/** `path` (under the service root) and its next pages. */
export async function readPages(session: Session, operation: string, path: string, options: ReadOptions = {}): Promise<Pages> {
  const pages: Pages = { exchanges: [], members: [], complete: false };
  const budget = options.budget ?? PAGE_BUDGET;
  const init = options.headers ? { headers: options.headers } : {};
  let exchange = options.first ?? (await session.send(operation, 'GET', path, init));
  for (;;) {
    pages.exchanges.push(exchange);
    const value = valueOf(exchange);
    if (exchange.status !== 200 || !value) {
      pages.problem = `${pages.exchanges.length === 1 ? `GET ${path}` : 'Following @odata.nextLink'} answered ${answer(exchange)}${exchange.status === 200 ? ' without a value array' : ''}`;
      return pages;
    }
    pages.members.push(...value);
    const link = nextLinkOf(exchange);
    if (link === undefined) {
      pages.complete = true;
      return pages;
    }
    const next = resolveNextLink(session.target.serviceRoot, exchange, link);
    if (next === undefined) {
      pages.problem = `@odata.nextLink ${link} is not under the service root ${session.target.serviceRoot}`;
      return pages;
    }
    if (pages.exchanges.length >= budget) return pages;
    exchange = await session.send(operation, 'GET', next, init);
  }
}

export function valueOf(exchange: Exchange): Record<string, unknown>[] | undefined {
  const value = (exchange.json as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? (value.filter((item) => item !== null && typeof item === 'object') as Record<string, unknown>[]) : undefined;
}

export function nextLinkOf(exchange: Exchange): string | undefined {
  const link = (exchange.json as Record<string, unknown> | undefined)?.['@odata.nextLink'];
  return typeof link === 'string' ? link : undefined;
}

/**
 * The path under the service root a nextLink leads to. A relative link is resolved against the
 * context URL, else the request URL (OData JSON Format 4.01 §4.6: relative URLs in a payload
 * are relative to the context URL; CAP writes `Books?$skiptoken=1000`).
 */
export function resolveNextLink(serviceRoot: string, exchange: Exchange, link: string): string | undefined {
  const context = (exchange.json as Record<string, unknown> | undefined)?.['@odata.context'];
  let href: string;
  try {
    const base = typeof context === 'string' ? new URL(context, exchange.request.url).href : exchange.request.url;
    href = new URL(link, base).href;
  } catch {
    return undefined;
  }
  const root = serviceRoot.replace(/\/+$/, '');
  if (!href.startsWith(`${root}/`) && !href.startsWith(`${root}?`)) return undefined;
  return href.slice(root.length);
}
