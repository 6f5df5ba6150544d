import type { Change, DiffReport } from '../diff/change.ts';

/**
 * The changes that can have an impact (breaking and dangerous ones), by target, so that each
 * use found in the project looks up what touches it in one step.
 */
export class ChangeIndex {
  private readonly byTarget = new Map<string, Change[]>();
  /** Operation changes by `METHOD /path` with placeholders blanked (`GET /users/{}`). */
  private readonly byOperation = new Map<string, Change[]>();
  private readonly byCallable = new Map<string, Change[]>();
  /** Member changes by the type or enum they belong to (`ns.type` for `ns.type/name`). */
  private readonly byOwner = new Map<string, Change[]>();
  readonly relevant: Change[];

  constructor(report: DiffReport) {
    this.relevant = report.changes.filter((change) => change.severity === 'breaking' || change.severity === 'dangerous');
    for (const change of this.relevant) {
      push(this.byTarget, change.target, change);
      if (change.kind.startsWith('operation-')) push(this.byOperation, operationShape(change.target), change);
      const callable = CALLABLE_KEY.exec(change.target)?.[0];
      if (callable !== undefined) push(this.byCallable, callable, change);
      const slash = change.target.lastIndexOf('/');
      if (slash > 0 && !change.target.includes(' ')) push(this.byOwner, change.target.slice(0, slash), change);
    }
  }

  /** Changes of exactly this target: `ns.type`, `ns.type/property`, `ns.enum/member`. */
  at(target: string): Change[] {
    return this.byTarget.get(target) ?? [];
  }

  /** Changes of an HTTP operation, by its shape. */
  atOperation(shape: string): Change[] {
    return this.byOperation.get(shape) ?? [];
  }

  /** Changes of the members of a type or enum. */
  membersOf(owner: string): Change[] {
    return this.byOwner.get(owner) ?? [];
  }

  /** Changes of a callable, its overloads and its parameters, by `ns.name(binding)`. */
  atCallable(key: string): Change[] {
    return this.byCallable.get(key) ?? [];
  }
}

/** `ns.name(Collection(ns.type))[a,b]/param` -> `ns.name(Collection(ns.type))`. */
const CALLABLE_KEY = /^[^(/]+\((?:Collection\([^)]*\)|[^)]*)\)/;

export function operationShape(id: string): string {
  return id.replace(/\{[^}]*\}/g, '{}');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
