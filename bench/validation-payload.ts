import type { PropertyEntry, StructuredTypeEntry, ValidationTable } from '../generator/runtime/validation/index.ts';

/**
 * Valid payloads for the validation bench, made from a validation table: every property of
 * an entity filled with a value of its Edm type (complex values nested two levels, two items
 * per collection), so that the engine and its peers walk every kind of check.
 */
const SAMPLES: Record<string, (index: number) => unknown> = {
  'Edm.String': (index) => `value ${index}`,
  'Edm.Boolean': (index) => index % 2 === 0,
  'Edm.Guid': (index) => `9c5d131d-b1c3-4fc4-9e3f-${String(index).padStart(12, '0')}`,
  'Edm.DateTimeOffset': (index) => `2024-0${(index % 9) + 1}-15T10:20:30.${String(index % 1000).padStart(3, '0')}Z`,
  'Edm.Date': (index) => `2024-0${(index % 9) + 1}-28`,
  'Edm.TimeOfDay': () => '10:20:30.5',
  'Edm.Duration': () => 'P1DT2H3M4S',
  'Edm.Int16': (index) => index % 1000,
  'Edm.Int32': (index) => index,
  'Edm.Int64': (index) => index * 1000,
  'Edm.Byte': (index) => index % 256,
  'Edm.Double': (index) => index / 7,
  'Edm.Single': (index) => index / 3,
  'Edm.Decimal': (index) => index / 4,
  'Edm.Binary': () => 'AQIDBAUG',
};

export function samplePayload(table: ValidationTable, type: string, count: number): { value: unknown[] } {
  return { value: Array.from({ length: count }, (_, index) => sampleEntity(table, type, index, 0)) };
}

function chain(table: ValidationTable, type: string): StructuredTypeEntry[] {
  const entries: StructuredTypeEntry[] = [];
  for (let name: string | undefined = type; name !== undefined; ) {
    const entry = table.types[name] as StructuredTypeEntry;
    entries.unshift(entry);
    name = entry.base;
  }
  return entries;
}

function sampleEntity(table: ValidationTable, type: string, index: number, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const entry of chain(table, type)) {
    for (const [name, property] of Object.entries(entry.properties ?? {})) {
      const value = sampleProperty(table, property, index, depth);
      if (value !== undefined) result[name] = value;
    }
  }
  return result;
}

function sampleProperty(table: ValidationTable, [type, flags]: PropertyEntry, index: number, depth: number): unknown {
  const one = () => sampleValue(table, type, index, depth);
  if ((flags & 1) === 0) return one();
  const items = [one(), sampleValue(table, type, index + 1, depth)];
  return items.includes(undefined) ? undefined : items;
}

function sampleValue(table: ValidationTable, type: string, index: number, depth: number): unknown {
  const sample = SAMPLES[type];
  if (sample) return sample(index);
  const entry = table.types[type];
  if (entry === undefined) return undefined;
  if (entry.kind === 'enum') {
    const members = Object.keys(entry.members).filter((member) => member !== 'unknownFutureValue');
    return members.length > 0 ? members[index % members.length] : undefined;
  }
  if (entry.kind === 'typeDefinition') return sampleValue(table, entry.underlying, index, depth);
  // Abstract and deep complex values are left out: the payload stays free of polymorphism.
  if (depth >= 2 || entry.abstract) return undefined;
  return sampleEntity(table, type, index, depth + 1);
}
