import { primitiveCheck } from '../../runtime/validation/primitives.ts';
import { resolveSchema, type ResolvedSchema, type ResolvedStructured } from '../../runtime/validation/resolve.ts';
import { PROPERTY_FLAGS, type NavigationEntry, type PropertyEntry, type PropertyFacets, type ValidationTable } from '../../runtime/validation/index.ts';
import { stringLiteral } from '../naming.ts';

/**
 * The body of `acceptors.gen.ts`: one acceptor function per concrete structured type of the
 * table (see generator/runtime/validation/accept.ts for what an acceptor promises). Each
 * mirrors what the table walk accepts without a word: the member checks of the untyped path
 * (members.ts), the quick tests (quick.ts), the node and depth budget. Whatever it is not
 * sure of (annotations, `@odata.type`, restricted members outside read mode, evolvable enum
 * members, flags combinations, derived-type constraints, abstract types) makes it return
 * false, and the table walk decides. Names from the schema appear only as string literals.
 */
export interface AcceptorsSource {
  /** Module-level constants and functions, in a deterministic order. */
  lines: string[];
  /** `[qualified name literal, function name]`, sorted by name. */
  entries: [string, string][];
}


/** Enums up to this many members are tested by comparisons, larger ones by a Set. */
const FEW_MEMBERS = 8;
/** Types up to this many members switch on the name; larger ones on an index (see acceptorFunction). */
const FEW_CASES = 16;
/** Key positions remembered per type: a huge object does not grow the cache. */
const CACHED_KEYS = 256;

interface Context {
  schema: ResolvedSchema;
  /** Function name per structured type that has an acceptor. */
  names: Map<string, string>;
  /** Shared constants (Sets, primitive checks, facets) by their source text. */
  constants: Map<string, string>;
  /** Member tests by type and flags (most members share a few: nullable strings, booleans...). */
  tests: Map<string, string>;
}

export function acceptorsSource(table: ValidationTable): AcceptorsSource {
  const schema = resolveSchema(table);
  const names = new Map<string, string>();
  for (const name of Object.keys(table.types).sort()) {
    const type = schema.structured(name);
    if (type !== undefined && hasAcceptor(type)) names.set(name, `a${names.size}`);
  }
  const context: Context = { schema, names, constants: new Map(), tests: new Map() };
  // Types whose acceptors come out the same (derived types that add nothing, look-alike
  // complex types) share the first one's function under their own name.
  const seen = new Map<string, string>();
  const functions: string[] = [];
  for (const [name, functionName] of names) {
    const { head, body } = acceptorFunction(context, schema.structured(name)!);
    const text = `${head}function a${PLACEHOLDER}(v: unknown, w: AcceptWalk, d: number): boolean {\n${body}`;
    const same = seen.get(text);
    if (same !== undefined) {
      functions.push(`const ${functionName} = ${same};`);
    } else {
      seen.set(text, functionName);
      // Literals never hold the placeholder (JSON escapes it): the only one of a short function is its name.
      const number = functionName.slice(1);
      functions.push(head === '' ? text.replace(PLACEHOLDER, number) : text.split(PLACEHOLDER).join(number));
    }
  }
  const constants = [...context.constants].map(([text, constant]) => `const ${constant} = ${text};`);
  return { lines: [...constants, ...functions], entries: [...names].map(([name, functionName]) => [stringLiteral(name), functionName]) };
}

/**
 * Abstract types are dispatched on `@odata.type` and reported without one; a (malformed)
 * table that declares a member named with `@` is walked by name: neither has an acceptor.
 */
function hasAcceptor(type: ResolvedStructured): boolean {
  return !type.abstract && ![...type.properties.keys(), ...type.navigation.keys()].some((name) => name.includes('@'));
}

function constant(context: Context, text: string, prefix: string): string {
  let name = context.constants.get(text);
  if (name === undefined) {
    name = `${prefix}${context.constants.size}`;
    context.constants.set(text, name);
  }
  return name;
}

/** Stands for a function's name (number) while texts are compared: no literal holds it unescaped. */
const PLACEHOLDER = '\u0000';

const ENTRY = "  if (typeof v !== 'object' || v === null || Array.isArray(v) || ++w.nodes > w.maxNodes || d >= w.maxDepth) return false;\n  const o = v as Record<string, unknown>;\n";
const CLOSE = '    }\n  }\n  return true;\n}';

/**
 * `for...in` visits every own enumerable key (those Object.keys gives the table walk) and any
 * enumerable inherited one: it may see more than the walk, never less, and a key it cannot
 * settle makes it return false, so what it accepts the walk accepts (no own-key test needed).
 * Members with the same test share one case (most are nullable strings, booleans, dates).
 * Returns the function's text after its first line, and before it what a type with many
 * members keeps at module level, named with PLACEHOLDER for the function's number.
 */
function acceptorFunction(context: Context, type: ResolvedStructured): { head: string; body: string } {
  const groups = new Map<string, string[]>();
  const add = (member: string, body: string) => {
    const names = groups.get(body);
    if (names === undefined) groups.set(body, [member]);
    else names.push(member);
  };
  for (const [property, entry] of type.properties) add(property, propertyBody(context, type, property, entry));
  for (const [property, entry] of type.navigation) add(property, navigationBody(context, entry));
  // An undeclared name: an instance annotation (`@odata.etag`, `@ns.term`; not `@odata.type`,
  // which the table walk dispatches on), a property annotation (left to the walk), an unknown
  // property, or a dynamic property of an open type (accepted without a word only when the
  // caller accepts dynamic properties).
  const otherwise = `if (!acceptsUndeclared(k, x, w, ${type.open})) return false;`;
  const byName = type.properties.size + type.navigation.size <= FEW_CASES;
  let cases = '';
  let index = 0;
  for (const [body, names] of groups) {
    let labels = '';
    for (const member of names) labels += `${labels === '' ? '' : ' '}case ${byName ? stringLiteral(member) : index++}:`;
    cases += `      ${labels}\n${body === '' ? '' : `        ${body}\n`}        break;\n`;
  }
  const tail = `${cases}      default:\n        ${otherwise}\n${CLOSE}`;
  if (byName) return { head: '', body: `${ENTRY}  for (const k in o) {\n    const x = o[k];\n    switch (k) {\n${tail}` };
  // Many members: a name's index comes from the same position in the last object of the
  // type (objects of a type mostly share their keys), else from a Map; then a jump table.
  const indexes: string[] = [];
  index = 0;
  for (const names of groups.values()) for (const member of names) indexes.push(`[${stringLiteral(member)}, ${index++}]`);
  const n = PLACEHOLDER;
  const head = `const K${n} = new Map<string, number>([${indexes.join(', ')}]);\nconst S${n}: string[] = [];\nconst I${n}: number[] = [];\n`;
  const lookup = [
    '  let p = 0;',
    '  for (const k in o) {',
    '    const x = o[k];',
    '    let j: number;',
    `    if (S${n}[p] === k) j = I${n}[p] as number;`,
    `    else if (p < ${CACHED_KEYS}) { j = K${n}.get(k) ?? -1; S${n}[p] = k; I${n}[p] = j; }`,
    `    else j = K${n}.get(k) ?? -1;`,
    '    p++;',
    '    switch (j) {',
  ].join('\n');
  return { head, body: `${ENTRY}${lookup}\n${tail}` };
}

/**
 * What members.ts reports whenever the member is present: keys, computed, read-only and
 * immutable properties in an update, computed and read-only ones (a warning) in a create.
 */
function restriction(type: ResolvedStructured, property: string, flags: number): string | undefined {
  const readOnly = (flags & (PROPERTY_FLAGS.computed | PROPERTY_FLAGS.readOnly)) !== 0;
  if (readOnly) return "if (w.mode !== 'read') return false;";
  if (type.keys.has(property) || (flags & PROPERTY_FLAGS.immutable) !== 0) return "if (w.mode === 'update') return false;";
  return undefined;
}

/** The statements of one member's case, on one line ('' when any value goes). */
function propertyBody(context: Context, type: ResolvedStructured, property: string, entry: PropertyEntry): string {
  const [elementType, flags, facets] = entry;
  const first = restriction(type, property, flags);
  const key = facets === undefined ? `${flags & (PROPERTY_FLAGS.nullable | PROPERTY_FLAGS.collection)} ${elementType}` : undefined;
  let test = key === undefined ? undefined : context.tests.get(key);
  if (test === undefined) {
    test = valueTest(context, elementType, flags, facets);
    if (key !== undefined) context.tests.set(key, test);
  }
  return first === undefined ? test : test === '' ? first : `${first} ${test}`;
}

/** The statement that checks a member's value ('' when anything goes). */
function valueTest(context: Context, elementType: string, flags: number, facets: PropertyFacets | undefined): string {
  const nullable = (flags & PROPERTY_FLAGS.nullable) !== 0;
  if ((flags & PROPERTY_FLAGS.collection) !== 0) return collectionBody(context, elementType, facets, nullable);
  const test = valueFails(elementFails(context, elementType, facets, 'x'), 'x', nullable);
  return test === undefined ? '' : `if (${test}) return false;`;
}

/** The test of a value that may be null: undefined when anything goes. */
function valueFails(fails: string, value: string, nullable: boolean): string | undefined {
  if (fails === 'false') return nullable ? undefined : `${value} === null`;
  if (fails === 'true') return nullable ? `${value} !== null` : 'true';
  return nullable ? `${value} !== null && ${parenthesised(fails)}` : `${value} === null || ${fails}`;
}

/** `a || b` inside `x !== null && ...` needs parentheses; a single test does not. */
function parenthesised(test: string): string {
  return test.includes(' || ') ? `(${test})` : test;
}

/**
 * A collection is an array, never null (OData JSON 4.01, section 7.3); its items spend one
 * node each, as in the table walk, and follow Nullable.
 */
function collectionBody(context: Context, elementType: string, facets: PropertyFacets | undefined, nullable: boolean): string {
  const item = valueFails(elementFails(context, elementType, facets, 'y'), 'y', nullable);
  // Items the table walk must see (abstract, constrained or undefined types): only an empty array goes.
  if (item === 'true') return 'if (!Array.isArray(x) || x.length !== 0) return false;';
  const array = 'if (!Array.isArray(x) || (w.nodes += x.length) > w.maxNodes) return false;';
  return item === undefined ? array : `${array} for (let j = 0; j < x.length; j++) { const y: unknown = x[j]; if (${item}) return false; }`;
}

/** Expanded navigation properties: entities in read and create, never inline in an update. */
function navigationBody(context: Context, entry: NavigationEntry): string {
  const [target, collection, derived] = entry;
  const update = "if (w.mode === 'update') return false;";
  if (collection) return `${update} ${collectionBody(context, target, derived === undefined ? undefined : { derived }, false)}`;
  const test = valueFails(structuredFails(context, target, derived, 'x'), 'x', true);
  return test === undefined ? update : `${update} if (${test}) return false;`;
}

/** An expression over `value` (a non-null value) that is true when it may not be accepted. */
function elementFails(context: Context, type: string, facets: PropertyFacets | undefined, value: string): string {
  if (primitiveCheck(type) !== undefined) return primitiveFails(context, type, facets, value);
  if (type === 'Edm.ComplexType' || type === 'Edm.EntityType') return 'true';
  const entry = context.schema.entry(type);
  // An Edm name the engine does not know takes anything; a schema name it does not define is reported.
  if (entry === undefined) return type.startsWith('Edm.') ? 'false' : 'true';
  switch (entry.kind) {
    case 'typeDefinition':
      return elementFails(context, entry.underlying, { ...entry.facets, ...facets }, value);
    case 'enum':
      return enumFails(context, type, value);
    default:
      return structuredFails(context, type, facets?.derived, value);
  }
}

function structuredFails(context: Context, type: string, derived: readonly string[] | undefined, value: string): string {
  const name = context.names.get(type);
  // A derived-type constraint is checked against `@odata.type` by the table walk.
  if (name === undefined || derived !== undefined) return 'true';
  return `!${name}(${value}, w, d + 1)`;
}

/** Members up to `unknownFutureValue` (later ones follow a policy), by name only. */
function enumFails(context: Context, type: string, value: string): string {
  const resolved = context.schema.enumType(type)!;
  if (resolved.members.size === 0) return `typeof ${value} !== 'string'`;
  const limit = resolved.sentinel ?? Number.POSITIVE_INFINITY;
  const names = [...resolved.members].filter(([, member]) => member <= limit).map(([name]) => stringLiteral(name));
  if (names.length <= FEW_MEMBERS) return `typeof ${value} !== 'string' || (${names.map((name) => `${value} !== ${name}`).join(' && ') || 'true'})`;
  return `typeof ${value} !== 'string' || !${constant(context, `new Set<string>([${names.join(', ')}])`, 'E')}.has(${value})`;
}

/** Inline tests (those of quick.ts) where no facet is read; the full primitive check otherwise. */
function primitiveFails(context: Context, type: string, facets: PropertyFacets | undefined, value: string): string {
  const maxLength = facets?.maxLength;
  const precision = facets?.precision;
  const plain = facets === undefined || Object.keys(facets).every((facet) => facet === 'derived');
  switch (type) {
    case 'Edm.Untyped':
    case 'Edm.Stream':
      return 'false';
    case 'Edm.String':
      if (maxLength === undefined) return `typeof ${value} !== 'string'`;
      // UTF-16 length bounds the code points: a longer string goes to the full count.
      return `typeof ${value} !== 'string' || ${value}.length > ${Number(maxLength)}`;
    case 'Edm.Boolean':
      return `typeof ${value} !== 'boolean'`;
    case 'Edm.Int32':
      return `typeof ${value} !== 'number' || (${value} | 0) !== ${value}`;
    case 'Edm.Int16':
      return `typeof ${value} !== 'number' || (${value} | 0) !== ${value} || ${value} < -32768 || ${value} > 32767`;
    case 'Edm.Byte':
      return `typeof ${value} !== 'number' || (${value} | 0) !== ${value} || ${value} < 0 || ${value} > 255`;
    case 'Edm.Double':
      return `typeof ${value} !== 'number' || !Number.isFinite(${value})`;
    case 'Edm.Guid':
      if (precision === undefined) return `typeof ${value} !== 'string' || !quickGuid(${value})`;
      break;
    case 'Edm.DateTimeOffset':
      if (precision === undefined) return `typeof ${value} !== 'string' || !quickDateTimeOffset(${value})`;
      break;
    case 'Edm.Date':
      if (precision === undefined) return `typeof ${value} !== 'string' || !quickDate(${value})`;
      break;
  }
  const check = constant(context, `primitiveOf(${stringLiteral(type)})`, 'P');
  const facetsConstant = plain ? 'undefined' : constant(context, facetsLiteral(facets), 'F');
  return `${check}(${value}, ${facetsConstant}, w.ieee754) !== undefined`;
}

/** The facets a primitive check reads, as a literal (numbers, and strings for a scale like `variable`). */
function facetsLiteral(facets: PropertyFacets | undefined): string {
  const parts: string[] = [];
  if (facets?.maxLength !== undefined) parts.push(`maxLength: ${Number(facets.maxLength)}`);
  if (facets?.precision !== undefined) parts.push(`precision: ${Number(facets.precision)}`);
  if (facets?.scale !== undefined) parts.push(`scale: ${typeof facets.scale === 'number' ? Number(facets.scale) : stringLiteral(String(facets.scale))}`);
  return `{ ${parts.join(', ')} }`;
}
