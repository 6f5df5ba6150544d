/**
 * The `$filter` syntax tree (OData URL Conventions 4.01 §5.1.1, ABNF `commonExpr`): plain data
 * that prints as JSON. Every node carries `at`, the character offset in the expression where it
 * starts, so that an error can say where.
 */
export type FilterNode = LiteralNode | MemberNode | LambdaNode | UnaryNode | BinaryNode | InNode | CallNode | ListNode;

/**
 * A literal as written: `type` is the Edm type the ABNF form implies (`Edm.Int32` for `5`,
 * `Edm.DateTimeOffset` for `2020-01-01T00:00:00Z`), or the enum type's qualified name;
 * `value` is JSON (numbers, strings in the literal's canonical text, booleans, null).
 */
export interface LiteralNode {
  kind: 'literal';
  type: string;
  value: string | number | boolean | null;
  at: number;
}

/**
 * A path: `Address/City`, `$it/Name`, `t` (a lambda variable), `Ns.Manager/Budget` (a type
 * cast), or segments after a call (`cast(Ns.Manager)/Budget`, then `base` is the call).
 */
export interface MemberNode {
  kind: 'member';
  base?: CallNode;
  segments: PathSegment[];
  at: number;
}

export interface PathSegment {
  name: string;
  at: number;
}

/** `Tags/any(t: t eq 'x')`, `Friends/all(f: ...)`, `Tags/any()`. */
export interface LambdaNode {
  kind: 'lambda';
  operator: 'any' | 'all';
  collection: MemberNode;
  variable?: string;
  predicate?: FilterNode;
  at: number;
}

export interface UnaryNode {
  kind: 'unary';
  operator: 'not' | 'negate';
  operand: FilterNode;
  at: number;
}

export type BinaryOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'and' | 'or' | 'add' | 'sub' | 'mul' | 'div' | 'divby' | 'mod' | 'has';

export interface BinaryNode {
  kind: 'binary';
  operator: BinaryOperator;
  left: FilterNode;
  right: FilterNode;
  at: number;
}

/** `Name in ('a', 'b')` or `Name in ['a', 'b']` (4.01), or `x in Tags` (a collection path). */
export interface InNode {
  kind: 'in';
  operand: FilterNode;
  list: FilterNode;
  at: number;
}

/** A parenthesised list of values: the right side of `in`. */
export interface ListNode {
  kind: 'list';
  items: FilterNode[];
  at: number;
}

/** A canonical function (`contains(Name,'a')`); `cast` and `isof` take a type name as a `member` node. */
export interface CallNode {
  kind: 'call';
  name: string;
  args: FilterNode[];
  at: number;
}
