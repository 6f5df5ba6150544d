import type { Profile } from '../profiles.ts';
import type { Store } from './store.ts';

/** Options of `createHandlers`. */
export interface HandlerOptions {
  /** The root the operations are served under. Default `https://graph.microsoft.com/v1.0`. */
  serviceRoot?: string;
  /**
   * `graph` answers as Graph's documentation says (documented statuses, 404 for a deleted
   * single-valued navigation); `odata` as the OData protocol says (201 for a PUT that creates,
   * 204 for a null navigation); `lenient` like graph, and it also makes up missing parents.
   */
  profile?: Profile;
  /**
   * Initial content, by path under the service root: an array for a collection, an object for a
   * single entity. `{ "/policies/crossTenantAccessPolicy/partners": [{ "tenantId": "a" }] }`.
   * Checked against the model when the handlers are created.
   */
  data?: Record<string, unknown>;
  /** The store to use, so that a test can reset it (`store.reset()` returns to `data`). */
  store?: Store;
  /** Members per page before `@odata.nextLink` (server-driven paging). Default 100. */
  pageSize?: number;
}

export const DEFAULT_SERVICE_ROOT = 'https://graph.microsoft.com/v1.0';
