/** The Microsoft Graph reference-page front end: markdown pages -> DocPage (plain data). */
export { parsePage } from './parse-page.ts';
export { readDocPages, resolveLink, type ReadPagesOptions } from './read-pages.ts';
export { escapePointerToken, parseJsonWithPositions, type JsonLocation, type JsonParseResult } from './json-positions.ts';
export { jsonPointerPosition } from './positions.ts';
export { spanPosition } from './text-span.ts';
export { parseTypeText, qualifyDocType } from './type-text.ts';
export { splitUrl } from './http-block.ts';
export * from './types.ts';
