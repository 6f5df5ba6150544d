import type { PathSegment } from '../types.ts';

/** Renders segments as a path template under the service root (OData URL Conventions 4). */
export function renderPath(segments: PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    switch (segment.kind) {
      case 'entitySet':
      case 'singleton':
      case 'navigation':
        path += `/${segment.name}`;
        break;
      case 'key':
        // The template's own notation, whatever the service's key syntax (url-conventions.ts):
        // `/{id}` for single-part keys, parentheses for composite keys. Templates name
        // operations; requests are written per the model's urlConventions.
        path +=
          segment.placeholders.length === 1
            ? `/{${segment.placeholders[0]}}`
            : `(${segment.keyProperties.map((name, i) => `${name}={${segment.placeholders[i]}}`).join(',')})`;
        break;
      case 'cast':
        path += `/${segment.type}`;
        break;
      case 'action':
        path += `/${segment.name}`;
        break;
      case 'function':
        path += `/${segment.name}(${segment.parameters.map((name, i) => `${name}={${segment.placeholders[i]}}`).join(',')})`;
        break;
      case 'ref':
        path += '/$ref';
        break;
      default:
        assertNever(segment);
    }
  }
  return path || '/';
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
