import { FilterError } from './filter/filter-error.ts';

/**
 * `$search` (OData URL Conventions 4.01 §5.1.7, ABNF `searchExpr`): terms and "phrases",
 * `AND` (also implied by a space), `OR`, `NOT` and parentheses, with NOT before AND before OR.
 * What a term matches is the service's choice; the reference handlers take a member when a
 * string value anywhere in it (complex values and collections included) contains the term,
 * ignoring case.
 */
export type SearchNode =
  | { kind: 'term'; text: string; at: number }
  | { kind: 'not'; operand: SearchNode; at: number }
  | { kind: 'and' | 'or'; left: SearchNode; right: SearchNode; at: number };

type Token = { kind: 'term' | 'phrase' | 'AND' | 'OR' | 'NOT' | '(' | ')' | 'end'; text: string; at: number };

export function parseSearch(text: string): SearchNode {
  const tokens = tokenize(text);
  let index = 0;
  const peek = () => tokens[index]!;
  const or = (): SearchNode => {
    let left = and();
    while (peek().kind === 'OR') {
      index++;
      left = { kind: 'or', left, right: and(), at: left.at };
    }
    return left;
  };
  const and = (): SearchNode => {
    let left = not();
    for (;;) {
      const next = peek();
      if (next.kind === 'AND') index++;
      else if (next.kind !== 'term' && next.kind !== 'phrase' && next.kind !== 'NOT' && next.kind !== '(') return left;
      left = { kind: 'and', left, right: not(), at: left.at };
    }
  };
  const not = (): SearchNode => {
    const token = peek();
    if (token.kind === 'NOT') {
      index++;
      return { kind: 'not', operand: not(), at: token.at };
    }
    return primary();
  };
  const primary = (): SearchNode => {
    const token = tokens[index++]!;
    if (token.kind === 'term' || token.kind === 'phrase') return { kind: 'term', text: token.text, at: token.at };
    if (token.kind === '(') {
      const inner = or();
      const close = tokens[index++]!;
      if (close.kind !== ')') throw new FilterError(`expected ')' but found ${close.kind === 'end' ? 'the end' : `'${close.text}'`}`, close.at);
      return inner;
    }
    throw new FilterError(`expected a search term but found ${token.kind === 'end' ? 'the end' : `'${token.text}'`}`, token.at);
  };
  const tree = or();
  if (peek().kind !== 'end') throw new FilterError(`unexpected '${peek().text}'`, peek().at);
  return tree;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: char, text: char, at });
      at++;
      continue;
    }
    if (char === '"') {
      let value = '';
      let end = at + 1;
      while (end < text.length && text[end] !== '"') {
        // A backslash escapes a quote or a backslash inside a phrase.
        if (text[end] === '\\' && (text[end + 1] === '"' || text[end + 1] === '\\')) end++;
        value += text[end];
        end++;
      }
      if (end >= text.length) throw new FilterError('unterminated search phrase', at);
      tokens.push({ kind: 'phrase', text: value, at });
      at = end + 1;
      continue;
    }
    const word = /^[^\s()"]+/.exec(text.slice(at))![0];
    const kind = word === 'AND' || word === 'OR' || word === 'NOT' ? word : 'term';
    tokens.push({ kind, text: word, at });
    at += word.length;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

/** Whether `data` matches: every string value in it is a place a term may be found. */
export function searchMatches(tree: SearchNode, data: unknown): boolean {
  const texts: string[] = [];
  collect(data, texts);
  const haystack = texts.map((text) => text.toLowerCase());
  const test = (node: SearchNode): boolean => {
    switch (node.kind) {
      case 'term':
        return haystack.some((text) => text.includes(node.text.toLowerCase()));
      case 'not':
        return !test(node.operand);
      case 'and':
        return test(node.left) && test(node.right);
      case 'or':
        return test(node.left) || test(node.right);
    }
  };
  return test(tree);
}

function collect(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value !== null && typeof value === 'object') for (const [name, item] of Object.entries(value)) if (!name.includes('@')) collect(item, into);
}
