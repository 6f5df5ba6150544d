import type {} from 'handlebars';

/**
 * A faster way to render the handlebars templates the built-in ones are made of: the parsed
 * template (its AST, after handlebars' own whitespace control) turned into closures that
 * concatenate text, for the few constructs views need: `{{path}}`, `{{this}}`,
 * `{{#each path}}...{{/each}}`, `{{> partial}}` and comments. Handlebars stays the
 * reference: a template with anything else gets no closures, and a view holding anything
 * but the plain case (a missing or inherited field, a value that is not a string, an `each`
 * over something that is not an array) makes the closures give up, so handlebars renders
 * that view, with its output or its error. Graph renders about 10 000 templates per
 * `generate`; handlebars spends more time setting up each call than the text takes.
 * Closures, not generated code: templates are user input, and nothing from them is evaluated.
 */
export type ClosureTemplate = (view: unknown) => string | undefined;

type Program = hbs.AST.Program;
type Piece = string | ((context: unknown) => string);

/** Thrown (and caught in the template) when a view leaves the plain case. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

/** Helpers handlebars always knows: a mustache or block naming one is a helper call, not a field. */
const BUILTIN_HELPERS = new Set(['each', 'if', 'unless', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);

/** Closures for `program`, or undefined when it uses a construct they do not handle. */
export function closureTemplate(program: Program, partials: Readonly<Record<string, Program>>): ClosureTemplate | undefined {
  const body = compileProgram(program, partials, new Set());
  if (!body) return undefined;
  return (view) => {
    try {
      return body(view);
    } catch (error) {
      if (error === UNSUPPORTED) return undefined;
      throw error;
    }
  };
}

function compileProgram(program: Program, partials: Readonly<Record<string, Program>>, open: Set<string>): ((context: unknown) => string) | undefined {
  if (program.blockParams !== undefined && program.blockParams.length > 0) return undefined;
  const pieces: Piece[] = [];
  for (const statement of program.body) {
    const piece = compileStatement(statement, partials, open);
    if (piece === undefined) return undefined;
    if (piece === '') continue;
    const last = pieces.length - 1;
    if (typeof piece === 'string' && typeof pieces[last] === 'string') pieces[last] += piece;
    else pieces.push(piece);
  }
  if (pieces.length === 0) return () => '';
  if (pieces.length === 1) {
    const [only] = pieces;
    return typeof only === 'string' ? () => only : only;
  }
  return (context) => {
    let text = '';
    for (const piece of pieces) text += typeof piece === 'string' ? piece : piece(context);
    return text;
  };
}

function compileStatement(statement: hbs.AST.Statement, partials: Readonly<Record<string, Program>>, open: Set<string>): Piece | undefined {
  switch (statement.type) {
    case 'ContentStatement':
      return (statement as hbs.AST.ContentStatement).value;
    case 'CommentStatement':
      return '';
    case 'MustacheStatement': {
      const mustache = statement as hbs.AST.MustacheStatement;
      if (mustache.params.length > 0 || hasHash(mustache.hash)) return undefined;
      const path = fieldPath(mustache.path, true);
      if (!path) return undefined;
      return (context) => text(lookup(context, path));
    }
    case 'BlockStatement':
      return eachBlock(statement as hbs.AST.BlockStatement, partials, open);
    case 'PartialStatement': {
      const partial = statement as hbs.AST.PartialStatement;
      const name = partial.name.type === 'PathExpression' ? (partial.name as hbs.AST.PathExpression).original : undefined;
      if (name === undefined || partial.params.length > 0 || hasHash(partial.hash) || !Object.hasOwn(partials, name) || open.has(name)) return undefined;
      const inner = compileProgram(partials[name]!, partials, new Set([...open, name]));
      if (!inner) return undefined;
      // With the caller's context; with preventIndent, a standalone partial's indent is written
      // once before it (handlebars' compiler does the same) instead of before each of its lines.
      const indent = (partial as { indent?: string }).indent ?? '';
      return indent === '' ? inner : (context) => indent + inner(context);
    }
    default:
      return undefined;
  }
}

/** `{{#each path}}...{{/each}}` over an array, without `{{else}}` or block parameters. */
function eachBlock(block: hbs.AST.BlockStatement, partials: Readonly<Record<string, Program>>, open: Set<string>): Piece | undefined {
  if (block.path.type !== 'PathExpression' || (block.path as hbs.AST.PathExpression).original !== 'each') return undefined;
  if (block.params.length !== 1 || hasHash(block.hash) || block.inverse || !block.program) return undefined;
  const path = fieldPath(block.params[0]!, false);
  const body = compileProgram(block.program, partials, open);
  if (!path || path.length === 0 || !body) return undefined;
  return (context) => {
    const items = lookup(context, path);
    if (!Array.isArray(items)) throw UNSUPPORTED;
    let out = '';
    // `each` skips the holes of a sparse array.
    for (let index = 0; index < items.length; index++) if (index in items) out += body(items[index]);
    return out;
  };
}

/**
 * The field names of a plain path (`name`, `names.collection`; `this` is no name), or
 * undefined for anything else: `../`, `@data`, `this.x`, `[literal]` segments, or a name
 * handlebars would call as a helper.
 */
function fieldPath(expression: hbs.AST.Expression, mustache: boolean): string[] | undefined {
  if (expression.type !== 'PathExpression') return undefined;
  const path = expression as hbs.AST.PathExpression;
  if (path.data || path.depth !== 0) return undefined;
  if (path.original === 'this' && path.parts.length === 0) return [];
  if (path.parts.length === 0 || path.original !== path.parts.join('.')) return undefined;
  if (mustache && path.parts.length === 1 && BUILTIN_HELPERS.has(path.parts[0]!)) return undefined;
  return path.parts.every((part) => /^[A-Za-z_$][\w$-]*$/.test(part)) ? path.parts : undefined;
}

function hasHash(hash: hbs.AST.Hash | undefined): boolean {
  return hash !== undefined && hash.pairs.length > 0;
}

/** The value at `path`, each step an own field of an object; anything else is left to handlebars. */
function lookup(context: unknown, path: readonly string[]): unknown {
  let value = context;
  for (const name of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) throw UNSUPPORTED;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw UNSUPPORTED;
  return value;
}
