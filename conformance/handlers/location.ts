import { lookupStructuredType } from '../../generator/model/queries.ts';
import { encodeSegment } from '../../generator/runtime/client/literals.ts';
import { formatKeySegment } from '../url/literal.ts';
import type { HandlerContext } from './context.ts';
import { typedKeys } from './entities.ts';
import { matchPath, type Step } from './match.ts';

/**
 * The URL of what `steps` address, written as the service writes URLs (the model's
 * urlConventions: `People('a')/Trips(0)`, or `/users/a` for a key-as-segment service), for
 * Location headers. The store's own paths (`/People/a/Trips/0`) are not URLs of the service.
 */
export function urlOf(ctx: HandlerContext, steps: readonly Step[]): string {
  let url = '';
  for (const step of steps) {
    const segment = step.node.segment;
    if (!segment) continue;
    switch (segment.kind) {
      case 'key': {
        const type = lookupStructuredType(ctx.model, segment.type);
        const keys = type && step.keys ? typedKeys(ctx, type, step.keys) : (step.keys ?? {});
        url += formatKeySegment(ctx.model, type, keys, segment.keyProperties);
        break;
      }
      case 'cast':
        url += `/${encodeSegment(segment.type)}`;
        break;
      case 'ref':
        url += '/$ref';
        break;
      default:
        url += `/${encodeSegment(segment.name)}`;
    }
  }
  return `${ctx.serviceRoot}${url}`;
}

/**
 * The URL of the entity a store path (or the link at it) stands for, as the service writes
 * URLs: where it lives, not the navigation it was reached through (an `@odata.id`, a media link).
 */
export function entityUrl(ctx: HandlerContext, path: string): string {
  const canonical = ctx.store.linked(path) ?? path;
  const match = matchPath(ctx.routes, canonical);
  return match.ok && !match.count ? urlOf(ctx, match.steps) : `${ctx.serviceRoot}${canonical}`;
}
