import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { readDocPages, resolveLink } from './read-pages.ts';

let root: string;

function write(relative: string, text: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'odatakit-docs-'));
  write(
    'resources/a.md',
    '# a resource type\n\n## Methods\n\n|Method|Return type|Description|\n|-|-|-|\n|[Get](../api/a-get.md)|[a](a.md)|Get.|\n|[Gone](../api/missing.md)|None|x|\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|b|[b](../resources/B.md)|B.|\n\n## Relationships\n\n|Relationship|Type|Description|\n|-|-|-|\n|r|[r](r.md)|R.|\n',
  );
  write('resources/b.md', '# b resource type\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|c|[c](c.md)|C.|\n\n## Relationships\n\n|Relationship|Type|Description|\n|-|-|-|\n|s|[s](s.md)|S.|\n');
  write('resources/c.md', '# c resource type\n');
  write('resources/r.md', '# r resource type\n\n## Methods\n\n|Method|Return type|Description|\n|-|-|-|\n|[Get](../api/r-get.md)|None|x|\n');
  write('resources/s.md', '# s resource type\n');
  write('api/a-get.md', '# Get a\n\n## Response\n\nReturns a `200 OK` response code and an [a](../resources/a.md) object in the response body.\n');
  write('api/r-get.md', '# Get r\n');
  write('api/nested/z.md', '# z\n');
  write('api/notes.txt', 'not a page');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const names = (files: string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

describe('readDocPages', () => {
  it('reads folders recursively, sorted, without following links', () => {
    const diagnostics = new DiagnosticCollector();
    const pages = readDocPages([path.join(root, 'api')], diagnostics);
    expect(names(pages.map((p) => p.file))).toEqual(['api/a-get.md', 'api/nested/z.md', 'api/r-get.md']);
    expect(diagnostics.items).toEqual([]);
  });

  it('follows every link of a given file, and only shape links beyond it, each page once', () => {
    const diagnostics = new DiagnosticCollector();
    const pages = readDocPages([path.join(root, 'resources/a.md')], diagnostics);
    // a's method page, its property type b (found despite the case of B.md) and its related type r;
    // from b only the property type c; nothing along b's relationship s or r's methods.
    expect(names(pages.map((p) => p.file))).toEqual(['api/a-get.md', 'resources/a.md', 'resources/b.md', 'resources/c.md', 'resources/r.md']);
    expect(diagnostics.items).toEqual([]);
  });

  it('reports broken links only when asked', () => {
    const diagnostics = new DiagnosticCollector();
    readDocPages([path.join(root, 'resources/a.md')], diagnostics, { reportBrokenLinks: true });
    expect(diagnostics.items).toMatchObject([{ code: 'docs/broken-link', line: 8, message: expect.stringContaining('../api/missing.md') }]);
  });

  it('can leave links alone', () => {
    const pages = readDocPages([path.join(root, 'resources/a.md')], new DiagnosticCollector(), { followLinks: false });
    expect(pages).toHaveLength(1);
  });

  it('reports missing inputs and non-markdown files', () => {
    const diagnostics = new DiagnosticCollector();
    expect(readDocPages([path.join(root, 'nope'), path.join(root, 'api/notes.txt')], diagnostics)).toEqual([]);
    expect(diagnostics.items.map((d) => d.code)).toEqual(['input/not-found', 'input/unsupported']);
  });
});

describe('resolveLink', () => {
  it('resolves relative page links and skips the rest', () => {
    expect(resolveLink('docs/resources/a.md', '../api/x.md#section')).toBe(path.normalize('docs/api/x.md'));
    expect(resolveLink('docs/a.md', 'https://example.com/x.md')).toBeUndefined();
    expect(resolveLink('docs/a.md', '/graph/overview')).toBeUndefined();
    expect(resolveLink('docs/a.md', '#tab/http')).toBeUndefined();
    expect(resolveLink('docs/a.md', 'b.png')).toBeUndefined();
  });
});
