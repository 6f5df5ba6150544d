import type { MemberNode, PathSegment } from './ast.ts';
import { FilterError } from './filter-error.ts';

/**
 * Where a path starts (URL Conventions 4.01 §5.1.1.6): at a lambda variable, at `$it`/`$this`
 * (the instance filtered), or, for a bare name, at a property of the instance. `$root` and
 * parameter aliases are not supported by the reference handlers.
 */
export function pathStart(node: MemberNode, variables: { has(name: string): boolean }): { variable?: string; segments: PathSegment[] } {
  const [first, ...rest] = node.segments;
  if (first!.name === '$it' || first!.name === '$this') return { segments: rest };
  if (variables.has(first!.name)) return { variable: first!.name, segments: rest };
  if (first!.name.startsWith('$') || first!.name.startsWith('@')) throw new FilterError(`${first!.name} is not supported by the reference handlers`, first!.at);
  return { segments: node.segments };
}
