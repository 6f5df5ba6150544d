import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../generator/model/types.ts';
import { buildRoutes, walkRoutes, type RouteNode } from '../handlers/routes.ts';
import { annotatePartners, exampleModel, PARTNERS } from './testing/query-target.ts';
import { withPathSegments } from './path-segments.ts';
import { notImplementedSkip, queryRestrictions, restricts } from './query-restrictions.ts';

describe('the Capabilities restrictions of a collection, for the query checks', () => {
  const model = exampleModel();
  const annotate = (term: string, value: Annotation['value']) => annotatePartners(term, value, model);
  annotate('FilterRestrictions', { Filterable: true, NonFilterableProperties: [{ $PropertyPath: 'isServiceProvider' }], RequiredProperties: [] });
  annotate('SortRestrictions', { AscendingOnlyProperties: [{ $PropertyPath: 'tenantId' }] });
  annotate('CountRestrictions', { Countable: false });
  annotate('ReadRestrictions', { CustomHeaders: [{ Name: 'ConsistencyLevel', Required: false, ExampleValues: [{ Value: 'eventual', Description: 'for $count' }] }, { Name: 'NoExample' }] });
  let partners: RouteNode | undefined;
  walkRoutes(buildRoutes(withPathSegments(model, model.operations)), (node) => {
    if (node.template === PARTNERS) partners = node;
  });

  it('reads what the model says, and leaves out what it does not', () => {
    expect(queryRestrictions(model, partners!)).toEqual({
      filterable: true,
      nonFilterable: ['isServiceProvider'],
      requiredInFilter: [],
      notSortableBothWays: ['tenantId'],
      countable: false,
      nonExpandable: [],
      // TopSupported and SkipSupported are true on the identitySynchronization type, not on partners.
      headers: { ConsistencyLevel: 'eventual' },
    });
  });

  it('a restriction on a property covers the paths into it', () => {
    expect(restricts(['address'], 'address/city')).toBe(true);
    expect(restricts(['address/city'], 'address')).toBe(true);
    expect(restricts(['address'], 'addressLine')).toBe(false);
  });

  it('skips a 501 only where the model does not say the option is supported', () => {
    expect(notImplementedSkip(501, undefined, '$count', 'CountRestrictions/Countable', 'Protocol')).toBe('the service answers 501 Not Implemented to $count, and its model does not say it supports $count (no CountRestrictions/Countable): Protocol');
    expect(notImplementedSkip(501, true, '$count', 'CountRestrictions/Countable', 'Protocol')).toBeUndefined();
    expect(notImplementedSkip(200, undefined, '$count', 'CountRestrictions/Countable', 'Protocol')).toBeUndefined();
  });
});
