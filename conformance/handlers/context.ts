import type { Model } from '../../generator/model/types.ts';
import type { Profile } from '../profiles.ts';
import type { PayloadValidator } from '../validation/validator.ts';
import type { RouteNode } from './routes.ts';
import type { Store } from './store.ts';

/** What every part of the reference handlers works with, built once by `createHandlers`. */
export interface HandlerContext {
  model: Model;
  routes: RouteNode;
  store: Store;
  validator: PayloadValidator;
  profile: Profile;
  /** Without a trailing slash: `https://graph.microsoft.com/v1.0`. */
  serviceRoot: string;
  /** The service root's URL path (`/v1.0`), stripped from request paths. */
  rootPath: string;
  pageSize: number;
  /** Next number for server-generated keys. */
  nextId(): number;
}
