import { PROPERTY_FLAGS as F, type ValidationTable } from '../types.ts';

/**
 * A small schema that exercises every construct the engine knows: an abstract base with a
 * key, derived types, an open type, enums (plain, flags, evolvable), a type definition,
 * facets, Core.Computed/Immutable/Permissions, navigation, a derived-type constraint, and
 * properties named like prototype members.
 */
const table: ValidationTable = {
  version: 1,
  ieee754Compatible: false,
  aliases: { zoo: 'test.zoo' },
  types: {
    'test.zoo.animal': {
      kind: 'entity',
      abstract: true,
      key: ['id'],
      properties: {
        id: ['Edm.Guid', 0],
        name: ['Edm.String', F.nullable, { maxLength: 10 }],
        tags: ['Edm.String', F.collection],
        createdDateTime: ['Edm.DateTimeOffset', F.nullable | F.computed],
        legacyId: ['Edm.Int32', F.nullable | F.readOnly],
        birthDate: ['Edm.Date', F.nullable | F.immutable],
        size: ['test.zoo.size', F.nullable],
        traits: ['test.zoo.traits', F.nullable],
        home: ['test.zoo.address', F.nullable],
        mailing: ['test.zoo.address', F.nullable, { derived: ['test.zoo.usAddress'] }],
        weight: ['Edm.Decimal', F.nullable, { precision: 5, scale: 2 }],
        rank: ['Edm.Int64', F.nullable],
        code: ['test.zoo.shortCode', F.nullable],
        scores: ['Edm.Int32', F.collection | F.nullable],
      },
    },
    'test.zoo.dog': {
      kind: 'entity',
      base: 'test.zoo.animal',
      properties: { barkVolume: ['Edm.Int16', F.nullable] },
      navigation: { friends: ['test.zoo.animal', 1], owner: ['test.zoo.keeper', 0] },
    },
    'test.zoo.cat': { kind: 'entity', base: 'test.zoo.animal' },
    'test.zoo.keeper': { kind: 'entity', open: true, key: ['id'], properties: { id: ['Edm.String', 0] } },
    'test.zoo.address': { kind: 'complex', properties: { street: ['Edm.String', F.nullable], spot: ['Edm.GeographyPoint', F.nullable] } },
    'test.zoo.usAddress': { kind: 'complex', base: 'test.zoo.address', properties: { zip: ['Edm.String', F.nullable] } },
    'test.zoo.size': { kind: 'enum', members: { small: 0, large: 1, unknownFutureValue: 2, huge: 3 } },
    'test.zoo.traits': { kind: 'enum', flags: true, members: { none: 0, loud: 1, fluffy: 2, unknownFutureValue: 4, sleepy: 8 } },
    'test.zoo.shortCode': { kind: 'typeDefinition', underlying: 'Edm.String', facets: { maxLength: 3 } },
  },
};

// Written as JSON text: in an object literal, `__proto__` would set the prototype instead.
table.types['test.zoo.weird'] = JSON.parse(
  '{"kind":"complex","properties":{"__proto__":["Edm.Int32",2],"constructor":["Edm.Boolean",2],"a/b~c":["Edm.String",2]}}',
);

export const ZOO: ValidationTable = table;

export const DOG_ID = '9c5d131d-b1c3-4fc4-9e3f-c6557947d551';

/** A valid dog, as a response would carry it. */
export function validDog(): Record<string, unknown> {
  return {
    '@odata.context': 'https://example.test/$metadata#animals/$entity',
    '@odata.type': '#test.zoo.dog',
    '@odata.etag': 'W/"1"',
    id: DOG_ID,
    name: 'Rex',
    tags: ['good', 'boy'],
    createdDateTime: '2024-01-01T00:00:00Z',
    legacyId: 7,
    birthDate: '2020-05-01',
    size: 'large',
    traits: 'loud,fluffy',
    home: { street: 'Main St', spot: { type: 'Point', coordinates: [1, 2] } },
    mailing: { '@odata.type': '#test.zoo.usAddress', street: 'x', zip: '12345' },
    weight: 12.5,
    rank: 3,
    code: 'abc',
    scores: [1, null, 3],
    barkVolume: 5,
    'name@custom.note': 'any value',
    '@custom.term': { any: ['thing'] },
  };
}
