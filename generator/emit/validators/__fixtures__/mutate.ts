/**
 * Test helper for spoiler tests: copies a JSON value and changes it at JSON pointers
 * (RFC 6901). `undefined` removes the member.
 */
export type Mutation = [pointer: string, value: unknown];

export function mutate(value: unknown, mutations: Mutation[]): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (const [pointer, replacement] of mutations) {
    const tokens = pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop()!;
    let parent = copy as Record<string, unknown>;
    for (const token of tokens) parent = parent[token] as Record<string, unknown>;
    if (replacement === undefined) delete parent[last];
    // defineProperty so that `__proto__` stays a plain member, as JSON.parse makes it.
    else Object.defineProperty(parent, last, { value: replacement, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}
