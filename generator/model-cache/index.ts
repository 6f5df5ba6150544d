/**
 * The model cache (see model-cache.ts and decision 0016).
 *
 * Public API:
 *   cachedBuild(dir): (files, diagnostics) => Model   a CSDL build through the cache in `dir`
 *   defaultCacheDir(cwd?): string | undefined          node_modules/.cache/odatakit of a project
 *   codeVersion(): string                              what entries are keyed by, beside the inputs
 */
export { cachedBuild, cacheKey, readEntry, writeEntry, type CacheEntry } from './model-cache.ts';
export { codeVersion } from './code-version.ts';
export { defaultCacheDir } from './default-dir.ts';
