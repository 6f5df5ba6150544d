import type { Exchange, ReproduceStyle, SentRequest } from '../exchange.ts';

/** What the suite runs against: msw handlers in-process, or a server at a base URL. */
export interface Target {
  /** How reports name it: the module path or the base URL. */
  name: string;
  /** The root that operation paths are appended to. */
  serviceRoot: string;
  reproduce: ReproduceStyle;
  /** Whether keys must be unique across runs (a live server keeps what earlier runs created). */
  persistent: boolean;
  send(request: SentRequest): Promise<Exchange>;
  /**
   * Starts a new run: what earlier requests created must be gone afterwards. `undefined` when
   * the target offers no way to reset (a server at a base URL).
   */
  reset?: () => Promise<void>;
  /** Why the target cannot be checked (nothing answers, not an OData service), or undefined. */
  preflight?: () => Promise<string | undefined>;
  close(): Promise<void>;
}
