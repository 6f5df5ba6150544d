import type { PathSegment } from '../types.ts';

/** Renders segments as a path template under the service root (OData URL Conventions 4). */
export function renderPath(segments: PathSegment[]): string {
  let path = '';
  for (const segment of segments) path += renderSegment(segment);
  return path || '/';
}

/**
 * One segment's part of a path template: `renderPath` is these joined, so a walk that
 * extends a path one segment at a time renders each segment once.
 */
export function renderSegment(segment: PathSegment): string {
  switch (segment.kind) {
    case 'entitySet':
    case 'singleton':
    case 'navigation':
      return `/${segment.name}`;
    case 'key':
      // The template's own notation, whatever the service's key syntax (url-conventions.ts):
      // `/{id}` for single-part keys, parentheses for composite keys. Templates name
      // operations; requests are written per the model's urlConventions.
      return segment.placeholders.length === 1
        ? `/{${segment.placeholders[0]}}`
        : `(${segment.keyProperties.map((name, i) => `${name}={${segment.placeholders[i]}}`).join(',')})`;
    case 'cast':
      return `/${segment.type}`;
    case 'action':
      return `/${segment.name}`;
    case 'function':
      return `/${segment.name}(${segment.parameters.map((name, i) => `${name}={${segment.placeholders[i]}}`).join(',')})`;
    case 'ref':
      return '/$ref';
    default:
      return assertNever(segment);
  }
}

/** The path's shape with placeholder names erased, for matching `{id}` against `{tenantId}`. */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '').toLowerCase();
}

export function placeholdersOf(segments: PathSegment[]): string[] {
  return segments.flatMap((segment) =>
    segment.kind === 'key' || segment.kind === 'function' ? segment.placeholders : [],
  );
}

function assertNever(value: never): never {
  throw new Error(`unexpected path segment ${JSON.stringify(value)}`);
}
