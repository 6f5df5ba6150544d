import type { PropertyEntry, StructuredTypeEntry, ValidationTable } from '../generator/runtime/validation/index.ts';

/**
 * The peer for the validation bench: a JSON Schema (draft 2020-12 subset) equivalent to the
 * validation table for non-polymorphic payloads, for ajv to compile. Formats are regexes
 * like ours (without our calendar range checks), unknown properties are refused on closed
 * types, and annotations (`@...`, `x@...`) are allowed, as in read mode.
 */
type Schema = Record<string, unknown>;

const GUID = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
const DATE = '-?(?:0\\d{3}|[1-9]\\d{3,})-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,12})?)?';
const FLOAT: Schema = { anyOf: [{ type: 'number' }, { enum: ['NaN', 'INF', '-INF'] }] };

const PRIMITIVES: Record<string, Schema> = {
  'Edm.String': { type: 'string' },
  'Edm.Boolean': { type: 'boolean' },
  'Edm.Guid': { type: 'string', pattern: GUID },
  'Edm.DateTimeOffset': { type: 'string', pattern: `^${DATE}[Tt]${TIME}(?:[Zz]|[+-]\\d{2}:\\d{2})$` },
  'Edm.Date': { type: 'string', pattern: `^${DATE}$` },
  'Edm.TimeOfDay': { type: 'string', pattern: `^${TIME}$` },
  'Edm.Duration': { type: 'string', pattern: '^[+-]?[Pp](?:\\d+[Dd])?(?:[Tt](?:\\d+[Hh])?(?:\\d+[Mm])?(?:\\d+(?:\\.\\d+)?[Ss])?)?$' },
  'Edm.Byte': { type: 'integer', minimum: 0, maximum: 255 },
  'Edm.SByte': { type: 'integer', minimum: -128, maximum: 127 },
  'Edm.Int16': { type: 'integer', minimum: -32768, maximum: 32767 },
  'Edm.Int32': { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
  'Edm.Int64': { type: 'integer' },
  'Edm.Decimal': FLOAT,
  'Edm.Double': FLOAT,
  'Edm.Single': FLOAT,
  'Edm.Binary': { type: 'string', pattern: '^[A-Za-z0-9_-]*={0,2}$' },
};

export function toJsonSchema(table: ValidationTable, root: string): Schema {
  const defs: Record<string, Schema> = {};
  const pending = [root];
  const ref = (type: string): Schema => {
    if (!(type in defs)) pending.push(type);
    return { $ref: `#/$defs/${encodeURIComponent(type)}` };
  };
  while (pending.length > 0) {
    const type = pending.pop()!;
    if (encodeURIComponent(type) in defs) continue;
    defs[encodeURIComponent(type)] = {};
    defs[encodeURIComponent(type)] = typeSchema(table, type, ref);
  }
  return { $defs: defs, type: 'object', properties: { value: { type: 'array', items: ref(root) } }, required: ['value'] };
}

function typeSchema(table: ValidationTable, type: string, ref: (type: string) => Schema): Schema {
  const entry = table.types[type];
  if (entry === undefined) return {};
  if (entry.kind === 'enum') {
    const members = Object.keys(entry.members);
    return entry.flags ? { type: 'string', pattern: `^(?:${members.join('|')})(?:,(?:${members.join('|')}))*$` } : { type: 'string', enum: members };
  }
  if (entry.kind === 'typeDefinition') return PRIMITIVES[entry.underlying] ?? {};
  const properties: Record<string, Schema> = {};
  let open = false;
  for (const item of chain(table, type)) {
    open ||= item.open === true;
    for (const [name, property] of Object.entries(item.properties ?? {})) properties[name] = propertySchema(property, ref);
    for (const [name, [target, collection]] of Object.entries(item.navigation ?? {})) {
      properties[name] = collection ? { type: 'array', items: ref(target) } : { anyOf: [{ type: 'null' }, ref(target)] };
    }
  }
  return { type: 'object', properties, patternProperties: { '@': {} }, ...(open ? {} : { additionalProperties: false }) };
}

function propertySchema([type, flags]: PropertyEntry, ref: (type: string) => Schema): Schema {
  const element = PRIMITIVES[type] ?? (type.startsWith('Edm.') ? {} : ref(type));
  const item = (flags & 2) !== 0 ? nullable(element) : element;
  return (flags & 1) !== 0 ? { type: 'array', items: item } : item;
}

/** `type: [t, "null"]` where the schema has a single type (what a careful author writes), else anyOf. */
function nullable(schema: Schema): Schema {
  if (typeof schema.type === 'string' && schema.anyOf === undefined) {
    const withNull: Schema = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) withNull.enum = [...(schema.enum as unknown[]), null];
    return withNull;
  }
  return { anyOf: [{ type: 'null' }, schema] };
}

function chain(table: ValidationTable, type: string): StructuredTypeEntry[] {
  const entries: StructuredTypeEntry[] = [];
  for (let name: string | undefined = type; name !== undefined; ) {
    const entry = table.types[name] as StructuredTypeEntry | undefined;
    if (entry === undefined) break;
    entries.unshift(entry);
    name = entry.base;
  }
  return entries;
}
