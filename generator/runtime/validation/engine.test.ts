import { describe, expect, it } from 'vitest';
import { DOG_ID, validDog, ZOO } from './__fixtures__/zoo.ts';
import { createEngine } from './engine.ts';
import type { ValidateOptions, ValidationMode } from './types.ts';

const engine = createEngine(ZOO);

/** `path code severity` of each issue: compact and exact. */
function found(type: string, value: unknown, mode: ValidationMode = 'read', options?: ValidateOptions): string[] {
  return engine.validate(type, value, mode, options).map((issue) => `${issue.path} ${issue.code} ${issue.severity}`);
}

const dog = (extra: Record<string, unknown> = {}) => ({ ...validDog(), ...extra });

describe('a valid payload', () => {
  it('passes in read mode, whatever form the type name takes', () => {
    for (const name of ['test.zoo.dog', '#test.zoo.dog', 'zoo.dog', '#zoo.dog', 'test.zoo.animal']) expect(found(name, dog())).toEqual([]);
  });

  it('reports each issue with a pointer, code, severity, expected, received and message', () => {
    expect(engine.validate('test.zoo.dog', dog({ barkVolume: 'loud' }), 'read')).toEqual([
      { path: '/barkVolume', code: 'type', severity: 'error', expected: expect.stringContaining('Edm.Int16'), received: '"loud"', message: expect.any(String) },
    ]);
  });
});

describe('modes', () => {
  const body = { id: DOG_ID, createdDateTime: '2024-01-01T00:00:00Z', legacyId: 1, birthDate: '2020-01-01', name: 'Rex' };
  it.each<[ValidationMode, string[]]>([
    ['read', []],
    ['create', ['/createdDateTime read-only warning', '/legacyId read-only warning']],
    ['update', ['/id key-in-update error', '/createdDateTime read-only error', '/legacyId read-only error', '/birthDate immutable error']],
  ])('%s', (mode, want) => {
    expect(found('zoo.dog', { '@odata.type': '#zoo.dog', ...body }, mode)).toEqual(want);
  });

  it('checks nested complex values in the same mode', () => {
    expect(found('zoo.dog', { home: { street: 1 } }, 'update')).toEqual(['/home/street type error']);
  });
});

describe('unknown and dynamic properties', () => {
  it.each<[ValidationMode, string]>([
    ['read', 'warning'],
    ['create', 'error'],
    ['update', 'error'],
  ])('an unknown property is %s: %s', (mode, severity) => {
    expect(found('zoo.cat', { '@odata.type': '#zoo.cat', nmae: 'x' }, mode)).toEqual([`/nmae unknown-property ${severity}`]);
  });

  it('truncated never excuses an unknown or wrong property', () => {
    expect(found('zoo.dog', dog({ extra: 1, name: 5 }), 'read', { truncated: true })).toEqual(['/name type error', '/extra unknown-property warning']);
  });

  it('open types take dynamic properties, reported only on request', () => {
    expect(found('zoo.keeper', { id: 'k', anything: { at: 'all' } })).toEqual([]);
    expect(found('zoo.keeper', { id: 'k', anything: 1 }, 'read', { dynamicProperties: 'warning' })).toEqual(['/anything dynamic-property warning']);
  });

  it('escapes pointer tokens (RFC 6901)', () => {
    expect(found('zoo.cat', { '@odata.type': '#zoo.cat', 'x/y~z': 1 }, 'create')).toEqual(['/x~1y~0z unknown-property error']);
    expect(found('zoo.weird', { 'a/b~c': 1 })).toEqual(['/a~1b~0c type error']);
  });
});

describe('derived types through @odata.type', () => {
  it.each(['#test.zoo.dog', 'test.zoo.dog', '#zoo.dog', 'zoo.dog'])('resolves %s and checks the derived properties', (odataType) => {
    expect(found('zoo.animal', { '@odata.type': odataType, barkVolume: 99999 })).toEqual(['/barkVolume format error']);
  });

  it('finds @odata.type wherever it stands among the keys, and dispatches on it first', () => {
    expect(found('zoo.animal', { name: 'x', '@odata.type': '#zoo.dog', barkVolume: 'loud' })).toEqual(['/barkVolume type error']);
    expect(found('zoo.dog', { nope: 1, '@odata.type': '#zoo.cat' })).toEqual(['/@odata.type not-derived error', '/nope unknown-property warning']);
  });

  it('4.01 @type without the odata prefix works too', () => {
    expect(found('zoo.animal', { '@type': '#zoo.dog', barkVolume: 1 })).toEqual([]);
  });

  it('rejects a type that does not derive from the declared one', () => {
    expect(found('zoo.dog', { '@odata.type': '#zoo.cat' })).toEqual(['/@odata.type not-derived error']);
    expect(found('zoo.animal', { '@odata.type': '#zoo.keeper' })).toEqual(['/@odata.type not-derived error']);
  });

  it.each<[ValidationMode, string]>([
    ['read', 'warning'],
    ['create', 'error'],
  ])('an unknown type is a %s in %s mode', (mode, severity) => {
    expect(found('zoo.dog', { '@odata.type': '#zoo.unicorn' }, mode)).toEqual([`/@odata.type unknown-type ${severity}`]);
    expect(found('zoo.dog', { '@odata.type': '#constructor' }, mode)).toEqual([`/@odata.type unknown-type ${severity}`]);
  });

  it('a non-string @odata.type is an annotation error', () => {
    expect(found('zoo.dog', { '@odata.type': 5 })).toEqual(['/@odata.type annotation error']);
  });

  it('abstract types need a concrete @odata.type', () => {
    expect(found('zoo.animal', { id: DOG_ID })).toEqual([' abstract warning']);
    expect(found('zoo.animal', { id: DOG_ID }, 'create')).toEqual([' abstract error']);
    expect(found('zoo.animal', { '@odata.type': '#zoo.animal' }, 'create')).toEqual(['/@odata.type abstract error']);
    // A PATCH need not name the type: the service knows it (OData Protocol 4.0, 11.4.3).
    expect(found('zoo.animal', { name: 'Rex' }, 'update')).toEqual([]);
    expect(found('zoo.animal', { '@odata.type': '#zoo.animal' }, 'update')).toEqual(['/@odata.type abstract error']);
  });

  it('honours Validation.DerivedTypeConstraint', () => {
    expect(found('zoo.dog', dog({ mailing: { street: 'x' } }))).toEqual(['/mailing derived-type-constraint warning']);
    expect(found('zoo.cat', { '@odata.type': '#zoo.cat', mailing: { street: 'x' } }, 'create')).toEqual(['/mailing derived-type-constraint error']);
    expect(found('zoo.cat', { '@odata.type': '#zoo.cat', mailing: { '@odata.type': '#zoo.address' } }, 'create')).toEqual(['/mailing/@odata.type derived-type-constraint error']);
  });
});

describe('enums', () => {
  const size = (value: unknown, mode: ValidationMode = 'read', options?: ValidateOptions) => found('zoo.cat', { '@odata.type': '#zoo.cat', size: value }, mode, options);
  const traits = (value: unknown) => found('zoo.cat', { '@odata.type': '#zoo.cat', traits: value });

  it('takes members and member values, case-sensitively', () => {
    expect(size('small')).toEqual([]);
    expect(size('1')).toEqual([]);
    expect(size('Small')).toEqual(['/size enum error']);
    expect(size('7')).toEqual(['/size enum error']);
    expect(size(1)).toEqual(['/size type error']);
    expect(size('small,large')).toEqual(['/size enum error']);
  });

  it('flags enums take comma-separated members, without spaces', () => {
    expect(traits('loud,fluffy')).toEqual([]);
    expect(traits('3')).toEqual([]);
    expect(traits('loud, fluffy')).toEqual(['/traits enum error']);
    expect(traits('loud,,fluffy')).toEqual(['/traits enum error']);
    expect(traits('16')).toEqual(['/traits enum error']);
  });

  it('members after unknownFutureValue: accepted in responses, a warning in requests, configurable', () => {
    expect(size('huge')).toEqual([]);
    expect(size('huge', 'create')).toEqual(['/size evolvable-enum warning']);
    expect(size('huge', 'update', { evolvableEnums: 'error' })).toEqual(['/size evolvable-enum error']);
    expect(size('huge', 'update', { evolvableEnums: 'accept' })).toEqual([]);
    expect(found('zoo.cat', { '@odata.type': '#zoo.cat', traits: 'loud,sleepy' }, 'create')).toEqual(['/traits evolvable-enum warning']);
  });
});

describe('nullability, collections, type definitions', () => {
  it.each<[string, unknown, string[]]>([
    ['id', null, ['/id null error']],
    ['name', null, []],
    ['tags', null, ['/tags null error']],
    ['tags', 'a', ['/tags type error']],
    ['tags', ['a', null, 3], ['/tags/1 null error', '/tags/2 type error']],
    ['scores', [1, null], []],
    ['code', 'abcd', ['/code facet error']],
    ['name', 'a very long name', ['/name facet error']],
    ['weight', 123.456, ['/weight facet error']],
    ['home', 'Main St', ['/home type error']],
    ['home', [], ['/home type error']],
    ['home', { spot: { type: 'Point' } }, ['/home/spot format error']],
  ])('%s: %j', (property, value, want) => {
    expect(found('zoo.dog', { '@odata.type': '#zoo.dog', [property]: value })).toEqual(want);
  });

  it('Int64 and Decimal follow IEEE754Compatible', () => {
    expect(found('zoo.dog', dog({ rank: '3' }))).toEqual(['/rank type error']);
    expect(found('zoo.dog', dog({ rank: '3', weight: '12.5' }), 'read', { ieee754Compatible: true })).toEqual([]);
  });
});

describe('navigation properties', () => {
  const friends = [{ '@odata.type': '#zoo.cat', id: DOG_ID }, { '@odata.type': '#zoo.dog', barkVolume: 'x' }];

  it('expanded in responses: checked as their target type', () => {
    expect(found('zoo.dog', dog({ friends, owner: { id: 'k' } }))).toEqual(['/friends/1/barkVolume type error']);
    expect(found('zoo.dog', dog({ owner: null }))).toEqual([]);
    expect(found('zoo.dog', dog({ friends: {} }))).toEqual(['/friends type error']);
  });

  it('deep insert in creates, checked in create mode', () => {
    expect(found('zoo.dog', { '@odata.type': '#zoo.dog', friends: [{ '@odata.type': '#zoo.cat', nope: 1 }] }, 'create')).toEqual(['/friends/0/nope unknown-property error']);
  });

  it('not inline in updates; @odata.bind instead', () => {
    expect(found('zoo.dog', { owner: { id: 'k' } }, 'update')).toEqual(['/owner navigation error']);
    expect(found('zoo.dog', { 'owner@odata.bind': 'keepers/k', 'friends@odata.bind': ['animals/1'] }, 'update')).toEqual([]);
    expect(found('zoo.dog', { 'owner@odata.bind': ['keepers/k'] }, 'update')).toEqual(['/owner@odata.bind annotation error']);
    expect(found('zoo.dog', { 'name@odata.bind': 'x' }, 'create')).toEqual(['/name@odata.bind annotation error']);
  });
});

describe('annotations', () => {
  it('allows any instance or property annotation, and checks known control information', () => {
    expect(found('zoo.dog', dog({ '@odata.id': 'animals/1', 'name@odata.type': '#String', '@ns.anything': [1], '@odata.count': '4' }))).toEqual([]);
    expect(found('zoo.dog', dog({ '@odata.context': 1, '@odata.count': -1, '@etag': 3 }))).toEqual([
      '/@odata.context annotation error',
      '/@odata.count annotation error',
      '/@etag annotation error',
    ]);
  });
});

describe('envelopes and top-level values', () => {
  const cat = { '@odata.type': '#zoo.cat', id: DOG_ID };
  it('collections: { value: [...] } or a bare array', () => {
    expect(found('zoo.animal', { '@odata.context': 'c', value: [cat], '@odata.nextLink': 'n' }, 'read', { collection: true })).toEqual([]);
    expect(found('Collection(zoo.animal)', [cat, null])).toEqual(['/1 null error']);
    expect(found('zoo.animal', { value: cat }, 'read', { collection: true })).toEqual(['/value envelope error']);
    expect(found('zoo.animal', { values: [] }, 'read', { collection: true })).toEqual(['/values unknown-property warning', ' envelope error']);
  });

  it('primitive and enum values, bare or wrapped in { value }', () => {
    expect(found('Edm.Int32', 5)).toEqual([]);
    expect(found('Edm.Int32', { '@odata.context': 'c', value: 5 })).toEqual([]);
    expect(found('zoo.size', { value: 'big' })).toEqual(['/value enum error']);
    expect(found('Collection(Edm.String)', { value: ['a', 1] })).toEqual(['/value/1 type error']);
    expect(found('Edm.Untyped', { value: 'anything' })).toEqual([]);
  });

  it('a top-level null, an unknown type, an unknown mode', () => {
    expect(found('zoo.dog', null)).toEqual([' null error']);
    expect(found('zoo.nothing', {})).toEqual([' unknown-type error']);
    expect(found('__proto__', {})).toEqual([' unknown-type error']);
    expect(found('zoo.dog', {}, 'delete' as ValidationMode)).toEqual([' argument error']);
  });
});

describe('names that are prototype members are plain data', () => {
  it('declared __proto__ and constructor are checked like any property', () => {
    expect(found('zoo.weird', JSON.parse('{"__proto__": 5, "constructor": true}'))).toEqual([]);
    expect(found('zoo.weird', JSON.parse('{"__proto__": "x", "constructor": "y"}'))).toEqual(['/__proto__ type error', '/constructor type error']);
  });

  it('undeclared ones are unknown', () => {
    expect(found('zoo.cat', JSON.parse('{"@odata.type": "#zoo.cat", "__proto__": {}, "constructor": 1, "toString": 2}'), 'create')).toEqual([
      '/__proto__ unknown-property error',
      '/constructor unknown-property error',
      '/toString unknown-property error',
    ]);
  });
});

describe('a schema that references a type it does not define', () => {
  const broken = createEngine({
    ...ZOO,
    types: { ...ZOO.types, 'test.zoo.lonely': { kind: 'entity', navigation: { ghost: ['test.zoo.missing', 0] } } },
  });

  it('says so once, as a warning, instead of throwing or guessing', () => {
    const issues = broken.validate('test.zoo.lonely', { ghost: { anything: 1 } }, 'read');
    expect(issues.map((issue) => `${issue.path} ${issue.code} ${issue.severity}`)).toEqual(['/ghost unknown-type warning']);
  });
});
