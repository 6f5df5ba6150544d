import { describe, expect, it } from 'vitest';
import { changesOf, sorted, archiveAction, goAction, overload, type Case } from './__fixtures__/schema.ts';

/** Each case: the old and new slots of the fixture service (__fixtures__/schema.ts), and every change expected. */
const CASES: Case[] = [
  // Actions and functions, keyed by name and binding.
  ['unbound action added', {}, { callables: '<Action Name="ping" />' }, [['callable-added', 'safe', 'test.ns.ping()']]],
  ['unbound action removed', { callables: '<Action Name="ping" />' }, {}, [['callable-removed', 'breaking', 'test.ns.ping()']]],
  [
    'bound action added',
    {},
    { callables: archiveAction('t.item') },
    [
      ['callable-added', 'safe', 'test.ns.archive(test.ns.item)'],
      ['operation-added', 'safe', 'POST /items/{id}/test.ns.archive'],
    ],
  ],
  [
    'one of two bindings removed',
    { callables: archiveAction('t.item') + archiveAction('t.report') },
    { callables: archiveAction('t.report') },
    [
      ['callable-removed', 'breaking', 'test.ns.archive(test.ns.item)'],
      ['operation-removed', 'breaking', 'POST /items/{id}/test.ns.archive'],
    ],
  ],
  ['action became a function', { callables: goAction('') }, { callables: '<Function Name="go"><Parameter Name="a" Type="Edm.String" /><ReturnType Type="Edm.String" /></Function>' }, [
    ['callable-kind-changed', 'breaking', 'test.ns.go()'],
    ['return-type-added', 'safe', 'test.ns.go()/$return'],
  ]],
  ['required parameter added', { callables: goAction('') }, { callables: goAction('<Parameter Name="b" Type="Edm.Int32" />') }, [['required-parameter-added', 'breaking', 'test.ns.go()/b']]],
  [
    'optional parameter added',
    { callables: goAction('') },
    { callables: goAction('<Parameter Name="b" Type="Edm.Int32"><Annotation Term="Core.OptionalParameter" /></Parameter>') },
    [['parameter-added', 'safe', 'test.ns.go()/b']],
  ],
  [
    'parameter made required',
    { callables: goAction('<Parameter Name="b" Type="Edm.Int32"><Annotation Term="Core.OptionalParameter" /></Parameter>') },
    { callables: goAction('<Parameter Name="b" Type="Edm.Int32" />') },
    [['parameter-made-required', 'breaking', 'test.ns.go()/b']],
  ],
  ['parameter removed', { callables: goAction('<Parameter Name="b" Type="Edm.Int32" />') }, { callables: goAction('') }, [['parameter-removed', 'breaking', 'test.ns.go()/b']]],
  [
    'parameter type changed',
    { callables: goAction('<Parameter Name="b" Type="Edm.Int32" />') },
    { callables: goAction('<Parameter Name="b" Type="Edm.Int64" />') },
    [['parameter-type-changed', 'breaking', 'test.ns.go()/b']],
  ],
  [
    'parameter nullability tightened',
    { callables: goAction('<Parameter Name="b" Type="Edm.Int32" />') },
    { callables: goAction('<Parameter Name="b" Type="Edm.Int32" Nullable="false" />') },
    [['nullability-tightened', 'breaking', 'test.ns.go()/b']],
  ],
  [
    'return type changed',
    { callables: '<Function Name="f"><ReturnType Type="Edm.String" /></Function>' },
    { callables: '<Function Name="f"><ReturnType Type="Collection(Edm.String)" /></Function>' },
    [['return-type-changed', 'breaking', 'test.ns.f()/$return']],
  ],
  [
    'return value may now be null',
    { callables: '<Function Name="f"><ReturnType Type="Edm.String" Nullable="false" /></Function>' },
    { callables: '<Function Name="f"><ReturnType Type="Edm.String" /></Function>' },
    [['nullability-loosened', 'breaking', 'test.ns.f()/$return']],
  ],
  ['return value removed', { callables: goAction('<ReturnType Type="Edm.String" />') }, { callables: goAction('') }, [['return-type-removed', 'breaking', 'test.ns.go()/$return']]],
  [
    'function no longer composable',
    { callables: '<Function Name="f" IsComposable="true"><ReturnType Type="t.report" /></Function>' },
    { callables: '<Function Name="f"><ReturnType Type="t.report" /></Function>' },
    [['composable-removed', 'breaking', 'test.ns.f()']],
  ],
  [
    'one function overload removed',
    { callables: overload('a') + overload('a', 'b') },
    { callables: overload('a') },
    [['callable-removed', 'breaking', 'test.ns.f()[a,b]']],
  ],
];

describe('compareCallables', () => {
  it.each(CASES)('%s', (_name, before, after, expected) => {
    expect(changesOf(before, after)).toEqual(sorted(expected));
  });
});
