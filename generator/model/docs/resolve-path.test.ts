import { describe, expect, it } from 'vitest';
import type { Callable, Model } from '../types.ts';
import { at, entity, NS, partnerModel } from './__fixtures__/model.ts';
import { shapeOf } from './merge-operations.ts';
import { resolvePath } from './resolve-path.ts';

function withCallables(): Model {
  const model = partnerModel();
  const partner = `${NS}.partner`;
  model.types[`${NS}.special`] = entity('special', 600, { baseType: partner });
  const bound = (kind: Callable['kind'], name: string, extra: Partial<Callable> = {}): Callable => ({
    kind,
    name,
    namespace: NS,
    qualifiedName: `${NS}.${name}`,
    isBound: true,
    isComposable: false,
    parameters: [{ name: 'bindingParameter', type: partner, collection: false, nullable: false, optional: false, annotations: [], source: at(701) }],
    annotations: [],
    source: at(700),
    ...extra,
  });
  model.actions.push(bound('action', 'reset'));
  model.functions.push(bound('function', 'usage', { returnType: { type: 'Edm.Int32', collection: false, nullable: false } }));
  return model;
}

describe('resolvePath', () => {
  const model = withCallables();

  it('walks singleton, navigation and key, naming placeholders after key properties', () => {
    expect(resolvePath(model, '/policy/Partners/{id}/identitySynchronization')).toEqual({
      segments: [
        { kind: 'singleton', name: 'policy', type: `${NS}.policy` },
        { kind: 'navigation', name: 'partners', type: `${NS}.partner`, collection: true, containsTarget: true },
        { kind: 'key', keyProperties: ['tenantId'], placeholders: ['tenantId'], type: `${NS}.partner` },
        { kind: 'navigation', name: 'identitySynchronization', type: `${NS}.crossTenantIdentitySyncPolicyPartner`, collection: false, containsTarget: true },
      ],
      target: { type: `${NS}.crossTenantIdentitySyncPolicyPartner`, collection: false },
    });
  });

  it('resolves casts and bound callables called by their simple name', () => {
    expect(resolvePath(model, `/policy/partners/{id}/${NS}.special`)?.target).toEqual({ type: `${NS}.special`, collection: false });
    const action = resolvePath(model, '/policy/partners/{id}/reset');
    expect(action?.callable?.qualifiedName).toBe(`${NS}.reset`);
    expect(action?.segments.at(-1)).toEqual({ kind: 'action', name: `${NS}.reset`, parameters: [], placeholders: [] });
    expect(resolvePath(model, '/policy/partners/{id}/usage()')?.target).toEqual({ type: 'Edm.Int32', collection: false });
  });

  it('resolves $ref after a related navigation only', () => {
    const related = withCallables();
    const partner = related.types[`${NS}.partner`];
    if (partner?.kind !== 'entity') throw new Error('fixture');
    partner.navigationProperties.push({ ...partner.navigationProperties[0]!, name: 'owners', type: `${NS}.partner`, collection: true, containsTarget: false });
    expect(resolvePath(related, '/policy/partners/{id}/owners/$ref')?.segments.at(-1)).toEqual({ kind: 'ref' });
    expect(resolvePath(related, '/policy/partners/{id}/owners/{id2}/$ref')?.segments.slice(-2).map((segment) => segment.kind)).toEqual(['key', 'ref']);
    expect(resolvePath(related, '/policy/partners/$ref')).toBeUndefined();
  });

  it('gives up on paths the model does not have', () => {
    expect(resolvePath(model, '/nowhere')).toBeUndefined();
    expect(resolvePath(model, '/policy/partners/{id}/missing')).toBeUndefined();
    expect(resolvePath(model, '/policy/{id}')).toBeUndefined();
    expect(resolvePath(model, '/policy/partners/{id}/reset/more')).toBeUndefined();
  });
});

describe('shapeOf', () => {
  it('ignores placeholder names, case and namespace qualifiers', () => {
    expect(shapeOf('/policies/P/partners/{tenantId}/x')).toBe(shapeOf('/policies/p/partners/{id}/x/'));
    expect(shapeOf('/d/microsoft.graph.resetToSystemDefault')).toBe(shapeOf('/d/resetToSystemDefault'));
    expect(shapeOf('/d/microsoft.graph.f(a={a})')).toBe(shapeOf('/d/f(a={x})'));
  });

  it('reads a key placeholder in parentheses as a key segment', () => {
    expect(shapeOf("/users('{id}')/manager")).toBe(shapeOf('/users/{id}/manager'));
    expect(shapeOf('/users({id})')).toBe(shapeOf('/users/{userId}'));
    expect(shapeOf('/d/f(a={a})')).not.toBe(shapeOf('/d/f/{a}'));
  });
});
