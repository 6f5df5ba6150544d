import { describe, expect, it } from 'vitest';
import { linkedPagePath, normalizePagePath } from './page-path.ts';

describe('page paths without node:path', () => {
  it.each([
    ['docs/api/user-get.md', 'docs/api/user-get.md'],
    ['./docs//api/./user-get.md', 'docs/api/user-get.md'],
    ['docs\\api\\user-get.md', 'docs/api/user-get.md'],
    ['/srv/docs/api/../resources/user.md', '/srv/docs/resources/user.md'],
    ['../docs/api/../../x.md', '../x.md'],
    ['/../x.md', '/x.md'],
  ])('normalizes %s', (input, expected) => {
    expect(normalizePagePath(input)).toBe(expected);
  });

  it.each([
    ['docs/resources/user.md', '../api/user-get.md', 'docs/api/user-get.md'],
    ['docs/resources/user.md', 'user-get.md?view=graph-rest-1.0#permissions', 'docs/resources/user-get.md'],
    ['user.md', './api/user-get.md', 'api/user-get.md'],
    ['C:\\docs\\resources\\user.md', '..\\api\\user-get.md', 'C:/docs/api/user-get.md'],
  ])('resolves a link on %s to %s', (from, link, expected) => {
    expect(linkedPagePath(from, link)).toBe(expected);
  });
});
