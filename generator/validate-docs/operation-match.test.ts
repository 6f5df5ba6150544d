import { describe, expect, it } from 'vitest';
import { emptyModel } from '../model/build/build-model.ts';
import type { Operation } from '../model/types.ts';
import { concreteSplits, indexOperations, splitConcrete } from './operation-match.ts';

function operation(method: Operation['method'], path: string): Operation {
  return { id: `${method} ${path}`, method, path, segments: [], intent: 'read', successStatus: 200, statusSource: 'default', origin: ['csdl'], sources: [] };
}

const model = emptyModel();
model.operations = [
  operation('GET', '/policies/partners/{tenantId}'),
  operation('PATCH', '/policies/partners/{tenantId}'),
  operation('GET', '/policies/partners/microsoft.graph.delta()'),
  operation('POST', '/policies/default/microsoft.graph.resetToSystemDefault'),
  operation('GET', '/users/{id}/microsoft.graph.reminderView(StartDateTime={StartDateTime},EndDateTime={EndDateTime})'),
  operation('GET', '/users/{id}/microsoft.graph.find(q={q})'),
  operation('POST', '/groups/{id}/members/$ref'),
  operation('DELETE', '/groups/{id}/members/{id2}/$ref'),
  operation('GET', '/items(OrderID={OrderID},ProductID={ProductID})'),
];
const index = indexOperations(model);

describe('operation matching', () => {
  it.each([
    ['a key segment', 'GET', '/policies/partners/9c5d131d-b1c3-4fc4-9e3f-c6557947d551', 'GET /policies/partners/{tenantId}'],
    ['a key in parentheses', 'PATCH', "/policies/partners('9c5d')", 'PATCH /policies/partners/{tenantId}'],
    ['a placeholder of another name', 'GET', '/policies/partners/{id}', 'GET /policies/partners/{tenantId}'],
    ['a literal over a placeholder', 'GET', '/policies/partners/delta()', 'GET /policies/partners/microsoft.graph.delta()'],
    ['an action without namespace', 'POST', '/policies/default/resetToSystemDefault', 'POST /policies/default/microsoft.graph.resetToSystemDefault'],
    ['a function with arguments', 'GET', "/users/1/reminderView(StartDateTime='a',EndDateTime='b')", 'GET /users/{id}/microsoft.graph.reminderView(StartDateTime={StartDateTime},EndDateTime={EndDateTime})'],
    ['another case', 'get', '/Policies/Partners/1', 'GET /policies/partners/{tenantId}'],
    ['a named key in parentheses', 'GET', "/policies/partners(tenantId='9c5d')", 'GET /policies/partners/{tenantId}'],
    ['a function with one argument, not taken for a key', 'GET', "/users/1/find(q='x')", 'GET /users/{id}/microsoft.graph.find(q={q})'],
    ['a link added with $ref', 'POST', '/groups/g1/members/$ref', 'POST /groups/{id}/members/$ref'],
    ['a link removed with $ref, the key in parentheses', 'DELETE', "/groups('g1')/members('u1')/$ref", 'DELETE /groups/{id}/members/{id2}/$ref'],
    ['a composite key', 'GET', '/items(OrderID=1,ProductID=2)', 'GET /items(OrderID={OrderID},ProductID={ProductID})'],
  ])('matches %s', (_name, method, path, id) => {
    expect(index.match(method, path).operation?.id).toBe(id);
  });

  it('tells an unknown path from a method the path does not have', () => {
    expect(index.match('GET', '/policies/nothing/1')).toEqual({ sameTemplate: [] });
    const match = index.match('DELETE', '/policies/partners/1');
    expect(match.operation).toBeUndefined();
    expect(match.sameTemplate.map((item) => item.method)).toEqual(['GET', 'PATCH']);
  });

  it('splits keys in parentheses but not function calls', () => {
    expect(splitConcrete("/a('x')/b(1)/c(k='v')/d()")).toEqual(['a', "'x'", 'b', '1', "c(k='v')", 'd()']);
  });

  it('also tries a single named argument as a key', () => {
    expect(concreteSplits("/a(k='v')/b")).toEqual([["a(k='v')", 'b'], ['a', "'v'", 'b']]);
    expect(concreteSplits('/a(x=1,y=2)')).toEqual([['a(x=1,y=2)']]);
  });
});
