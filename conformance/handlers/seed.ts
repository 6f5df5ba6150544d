import { keyProperties, lookupStructuredType } from '../../generator/model/queries.ts';
import { errorsOf } from '../validation/validator.ts';
import type { HandlerContext } from './context.ts';
import { placeOf } from './entities.ts';
import { keyPath, matchPath } from './match.ts';

/**
 * Loads `data` into the store: an array of entities per collection path, an object per single
 * entity path. Each entity is checked against the model (read mode), so that a typo in test
 * data is reported where it is written instead of as a strange response later.
 */
export function seedStore(ctx: HandlerContext, data: Record<string, unknown>): void {
  const problems: string[] = [];
  // Shorter paths first: parents before what they contain.
  for (const [path, value] of Object.entries(data).sort(([a], [b]) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))) {
    const match = matchPath(ctx.routes, path);
    if (!match.ok) {
      problems.push(`${path}: ${match.message}`);
      continue;
    }
    const { steps, target } = match;
    const declared = target.node.type ? lookupStructuredType(ctx.model, target.node.type) : undefined;
    if (!declared || target.node.kind === 'callable') {
      problems.push(`${path}: not an entity or a collection of entities`);
      continue;
    }
    const entities = target.node.kind === 'collection' ? (Array.isArray(value) ? value : [value]) : [value];
    for (const [index, entity] of entities.entries()) {
      const where = target.node.kind === 'collection' ? `${path}[${index}]` : path;
      const issues = errorsOf(ctx.validator.validate(declared.qualifiedName, entity, 'read'));
      if (issues.length > 0 || typeof entity !== 'object' || entity === null) {
        problems.push(`${where}: ${issues[0]?.message ?? 'not an object'}${issues[0] ? ` at '${issues[0].path || '/'}'` : ''}`);
        continue;
      }
      const record = entity as Record<string, unknown>;
      const named = typeof record['@odata.type'] === 'string' ? lookupStructuredType(ctx.model, record['@odata.type'].replace(/^#/, '')) : undefined;
      const type = named ?? declared;
      const data = Object.fromEntries(Object.entries(record).filter(([name]) => !name.includes('@')));
      if (target.node.kind === 'collection') {
        const keys = keyProperties(ctx.model, type);
        const missing = keys.find((name) => data[name] === undefined);
        if (missing) {
          problems.push(`${where}: the key property '${missing}' is missing`);
          continue;
        }
        ctx.store.set(`${target.path}/${keyPath(keys, data)}`, { type: type.qualifiedName, data }, { parent: placeOf(steps, steps.length - 1).parent, collection: target.path });
      } else {
        ctx.store.set(target.path, { type: type.qualifiedName, data }, placeOf(steps, steps.length - 1));
      }
    }
  }
  if (problems.length > 0) throw new TypeError(`createHandlers: the data option does not fit the model:\n  ${problems.join('\n  ')}`);
}
