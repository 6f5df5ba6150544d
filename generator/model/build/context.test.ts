import { describe, expect, it } from 'vitest';
import { qualify, resolvedNames, typeReference } from './context.ts';

describe('name resolution', () => {
  const context = { aliases: Object.assign(Object.create(null) as Record<string, string>, { graph: 'microsoft.graph' }), resolved: resolvedNames() };

  it('resolves an alias and keeps any other name as written', () => {
    expect(qualify('graph.user', context)).toBe('microsoft.graph.user');
    expect(qualify('Edm.String', context)).toBe('Edm.String');
    expect(qualify('microsoft.graph.user', context)).toBe('microsoft.graph.user');
    expect(qualify('user', context)).toBe('user');
    // Only own aliases: a name on Object.prototype is not one.
    expect(qualify('constructor.x', context)).toBe('constructor.x');
  });

  it('answers a repeated name or type from what it resolved, the same with or without the cache', () => {
    const first = typeReference(' Collection( graph.user ) ', context);
    expect(first).toEqual({ type: 'microsoft.graph.user', collection: true });
    expect(typeReference(' Collection( graph.user ) ', context)).toBe(first);
    expect(typeReference(' Collection( graph.user ) ', { aliases: context.aliases })).toEqual(first);
    expect(context.resolved.names.get('graph.user')).toBe('microsoft.graph.user');
  });

  it('still resolves a dotted alias, which CSDL does not allow but a document may declare', () => {
    const dotted = { aliases: Object.assign(Object.create(null) as Record<string, string>, { 'a.b': 'x.y' }), resolved: resolvedNames() };
    expect(qualify('a.b.c', dotted)).toBe('x.y.c');
    expect(qualify('p.q.r', dotted)).toBe('p.q.r');
  });
});
