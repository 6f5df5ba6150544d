/**
 * Matches the URL of an example (`/policies/x/partners/9c5d...`) to an operation of the
 * model (`/policies/x/partners/{tenantId}`), as OData URL Conventions 4 address resources:
 * a placeholder matches any key segment, a key in parentheses (`partners('9c5d...')`,
 * `People(UserName='russell')`) is the same key, whichever form the service writes (the
 * model's urlConventions decide what clients send, not what a page may show), and bound
 * actions and functions match with or without their namespace.
 */
import type { HttpMethod, Model, Operation } from '../model/types.ts';

export interface OperationMatch {
  /** The operation for the method, when the path has one. */
  operation?: Operation;
  /** Every operation whose path template matches, whatever its method. */
  sameTemplate: Operation[];
}

export interface OperationIndex {
  match(method: string, path: string): OperationMatch;
}

interface Indexed {
  operation: Operation;
  segments: string[];
}

export function indexOperations(model: Model): OperationIndex {
  const byShape = new Map<string, Indexed[]>();
  for (const operation of model.operations) {
    const segments = splitTemplate(operation.path);
    const key = shapeKey(segments);
    const list = byShape.get(key);
    if (list) list.push({ operation, segments });
    else byShape.set(key, [{ operation, segments }]);
  }
  return {
    match(method, path) {
      let best: Indexed[] = [];
      let bestScore = -1;
      for (const concrete of concreteSplits(path)) {
        for (const candidate of byShape.get(shapeKey(concrete)) ?? []) {
          const score = matchScore(candidate.segments, concrete);
          if (score > bestScore) [best, bestScore] = [[candidate], score];
          else if (score === bestScore && score >= 0 && !best.includes(candidate)) best.push(candidate);
        }
      }
      const sameTemplate = bestScore < 0 ? [] : best.map((item) => item.operation);
      const operation = sameTemplate.find((item) => item.method === (method.toUpperCase() as HttpMethod));
      return operation ? { operation, sameTemplate } : { sameTemplate };
    },
  };
}

/** Segment count and first segment: enough to keep each comparison list short. */
function shapeKey(segments: string[]): string {
  return `${segments.length}|${segments[0] ? bare(segments[0]) : ''}`;
}

function splitTemplate(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Splits a concrete path; `name('key')` and `name(key)` become `name` and `key`. */
export function splitConcrete(path: string): string[] {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const keyed = /^([^(]+)\(([^=)]+)\)$/.exec(segment);
    if (keyed && isKeyLiteral(keyed[2]!)) {
      segments.push(keyed[1]!, keyed[2]!);
    } else {
      segments.push(segment);
    }
  }
  return segments;
}

/**
 * The ways a concrete path may split into segments: as `splitConcrete` does, and, when a segment
 * reads `name(Property=literal)`, with that one named key split off as well (`People`,
 * `'russell'`), since a function call with one parameter looks the same until the model says
 * which it is.
 */
export function concreteSplits(path: string): string[][] {
  const primary = splitConcrete(path);
  let changed = false;
  const alternative = primary.flatMap((segment) => {
    const named = /^([^(]+)\(\s*[A-Za-z_]\w*\s*=([^,=)]+)\)$/.exec(segment);
    if (!named || !isKeyLiteral(named[2]!)) return [segment];
    changed = true;
    return [named[1]!, named[2]!.trim()];
  });
  return changed ? [primary, alternative] : [primary];
}

/** A key literal in parentheses: quoted string, number, GUID, or a `{placeholder}`. */
function isKeyLiteral(text: string): boolean {
  return /^'.*'$|^-?\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^\{[^}]*\}$/i.test(text.trim());
}

/** -1 when the template does not match; else the number of literal segments matched. */
function matchScore(template: string[], concrete: string[]): number {
  let score = 0;
  for (let i = 0; i < template.length; i++) {
    const expected = template[i]!;
    const actual = concrete[i]!;
    if (/^\{[^}]*\}$/.test(expected)) continue;
    if (bare(expected) !== bare(actual)) return -1;
    score++;
  }
  return score;
}

/**
 * A segment without namespace qualifier, parameters or case: `microsoft.graph.f(a={a})` and
 * `f(a='x')` are both `f`; `microsoft.graph.user` (a cast) is `user`.
 */
function bare(segment: string): string {
  const name = segment.replace(/\(.*$/, '');
  return (name.split('.').pop() ?? name).toLowerCase();
}
