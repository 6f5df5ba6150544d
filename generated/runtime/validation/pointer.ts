/**
 * JSON pointers (RFC 6901) for issue paths. The walk keeps a stack of segments and formats a
 * pointer only when it reports an issue, so valid payloads pay nothing for paths.
 */

/** One reference token: `~` becomes `~0` and `/` becomes `~1` (RFC 6901, section 3). */
export function escapeToken(token: string | number): string {
  const text = String(token);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** The pointer of the first `count` segments (all by default). */
export function formatPointer(segments: readonly (string | number)[], count = segments.length): string {
  let pointer = '';
  for (let index = 0; index < count; index++) pointer += `/${escapeToken(segments[index]!)}`;
  return pointer;
}
