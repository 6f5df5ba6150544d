import type { ODataPage } from '../../generated/client.gen.js';

/** The items of a page, never undefined. */
export function items<T>(page: ODataPage<T>): T[] {
  return page.value ?? [];
}

export function hasMore(page: ODataPage<unknown>): boolean {
  return page['@odata.nextLink'] !== undefined;
}
