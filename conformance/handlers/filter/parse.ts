import type { BinaryOperator, CallNode, FilterNode, ListNode, MemberNode, PathSegment } from './ast.ts';
import { FilterError } from './filter-error.ts';
import { tokenize, type Token } from './tokenize.ts';

/**
 * Parses a `$filter` (or `$orderby` key) expression into a syntax tree, by precedence climbing
 * over the operator groups of OData URL Conventions 4.01 §5.1.1.15, lowest first: `or`, `and`,
 * equality, relational, additive, multiplicative, unary (`not`, `-`), then `has` and `in`
 * (primary in 4.01), then members, literals, calls and parentheses.
 */
export function parseFilter(text: string): FilterNode {
  const parser = new Parser(tokenize(text));
  const tree = parser.expression();
  parser.expectEnd();
  return tree;
}

const LEVELS: readonly (readonly BinaryOperator[])[] = [['or'], ['and'], ['eq', 'ne'], ['gt', 'ge', 'lt', 'le'], ['add', 'sub'], ['mul', 'div', 'divby', 'mod']];

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  expression(level = 0): FilterNode {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      const operator = this.operatorAt(LEVELS[level]!);
      if (!operator) return left;
      this.index++;
      const right = this.expression(level + 1);
      left = { kind: 'binary', operator, left, right, at: left.at };
    }
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw new FilterError(`unexpected ${describe(token)}; an operator or the end was expected`, token.at);
  }

  private unary(): FilterNode {
    const token = this.peek();
    if (token.kind === 'word' && token.text.toLowerCase() === 'not') {
      this.index++;
      return { kind: 'unary', operator: 'not', operand: this.unary(), at: token.at };
    }
    if (token.kind === '-') {
      this.index++;
      return { kind: 'unary', operator: 'negate', operand: this.unary(), at: token.at };
    }
    return this.membership();
  }

  /** `has` and `in`, the primary binary operators of 4.01. */
  private membership(): FilterNode {
    let left = this.primary();
    for (;;) {
      const token = this.peek();
      const word = token.kind === 'word' ? token.text.toLowerCase() : '';
      if (word !== 'has' && word !== 'in') return left;
      this.index++;
      if (word === 'has') left = { kind: 'binary', operator: 'has', left, right: this.primary(), at: left.at };
      else left = { kind: 'in', operand: left, list: this.collection(), at: left.at };
    }
  }

  /** The right side of `in`: `('a','b')`, `['a','b']` or a collection-valued path. */
  private collection(): FilterNode {
    const token = this.peek();
    if (token.kind === '(' || token.kind === '[') {
      this.index++;
      return this.listAfter(token.kind === '(' ? ')' : ']', token.at, []);
    }
    return this.primary();
  }

  private listAfter(close: ')' | ']', at: number, items: FilterNode[]): ListNode {
    if (this.peek().kind === close && items.length === 0) {
      this.index++;
      return { kind: 'list', items, at };
    }
    for (;;) {
      items.push(this.expression());
      const next = this.next();
      if (next.kind === close) return { kind: 'list', items, at };
      if (next.kind !== ',') throw new FilterError(`expected ',' or '${close}' but found ${describe(next)}`, next.at);
    }
  }

  private primary(): FilterNode {
    const token = this.next();
    switch (token.kind) {
      case 'literal':
        return { kind: 'literal', type: token.type, value: token.value, at: token.at };
      case '(': {
        const inner = this.expression();
        const next = this.next();
        if (next.kind === ',') return this.listAfter(')', token.at, [inner]);
        if (next.kind !== ')') throw new FilterError(`expected ')' but found ${describe(next)}`, next.at);
        return inner;
      }
      case '[':
        return this.listAfter(']', token.at, []);
      case 'word':
        if (this.peek().kind === '(' && !token.text.startsWith('$')) {
          const call = this.call(token.text, token.at);
          return this.peek().kind === '/' ? this.member(undefined, call) : call;
        }
        return this.member({ name: token.text, at: token.at });
      default:
        throw new FilterError(`expected an expression but found ${describe(token)}`, token.at);
    }
  }

  private call(written: string, at: number): CallNode {
    // Canonical function names in any case (4.01), `geo.distance` among them; a qualified (custom) name as written.
    const lower = written.toLowerCase();
    const name = written.includes('.') && !lower.startsWith('geo.') ? written : lower === 'matchespattern' ? 'matchesPattern' : lower;
    this.index++; // (
    const args: FilterNode[] = [];
    if (this.peek().kind === ')') this.index++;
    else
      for (;;) {
        args.push(this.expression());
        const next = this.next();
        if (next.kind === ')') break;
        if (next.kind !== ',') throw new FilterError(`expected ',' or ')' in the arguments of ${name} but found ${describe(next)}`, next.at);
      }
    return { kind: 'call', name, args, at };
  }

  /** `a/b/c`, ending in a lambda (`a/any(x: ...)`) or not; or `/b/c` after a call (`base`). */
  private member(first: PathSegment | undefined, base?: CallNode): FilterNode {
    const segments: PathSegment[] = first ? [first] : [];
    const at = first?.at ?? base!.at;
    const path = (): MemberNode => ({ kind: 'member', ...(base ? { base } : {}), segments, at });
    while (this.peek().kind === '/') {
      this.index++;
      const token = this.next();
      if (token.kind !== 'word') throw new FilterError(`expected a property name after '/' but found ${describe(token)}`, token.at);
      const lambda = token.text.toLowerCase();
      if ((lambda === 'any' || lambda === 'all') && this.peek().kind === '(') {
        return this.lambda(lambda, path(), token.at);
      }
      segments.push({ name: token.text, at: token.at });
    }
    return path();
  }

  private lambda(operator: 'any' | 'all', collection: MemberNode, at: number): FilterNode {
    this.index++; // (
    if (this.peek().kind === ')') {
      this.index++;
      if (operator === 'all') throw new FilterError('all() needs a lambda variable and a predicate', at);
      return { kind: 'lambda', operator, collection, at };
    }
    const variable = this.next();
    if (variable.kind !== 'word' || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(variable.text)) throw new FilterError(`expected a lambda variable name but found ${describe(variable)}`, variable.at);
    const colon = this.next();
    if (colon.kind !== ':') throw new FilterError(`expected ':' after the lambda variable '${variable.text}' but found ${describe(colon)}`, colon.at);
    const predicate = this.expression();
    const close = this.next();
    if (close.kind !== ')') throw new FilterError(`expected ')' to close ${operator}( but found ${describe(close)}`, close.at);
    return { kind: 'lambda', operator, collection, variable: variable.text, predicate, at };
  }

  private operatorAt(operators: readonly BinaryOperator[]): BinaryOperator | undefined {
    const token = this.peek();
    // 4.01 services take operator names in any case (URL Conventions 4.01 §5.1.1.1).
    const word = token.kind === 'word' ? token.text.toLowerCase() : '';
    return (operators as readonly string[]).includes(word) ? (word as BinaryOperator) : undefined;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index++;
    return token;
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the expression';
  if (token.kind === 'word') return `'${token.text}'`;
  if (token.kind === 'literal') return `the literal ${JSON.stringify(token.value)}`;
  return `'${token.kind}'`;
}
