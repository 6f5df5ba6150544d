import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../diagnostics/collector.ts';
import { parsePage } from './parse-page.ts';
import { jsonPointerPosition } from './positions.ts';

function parse(markdown: string) {
  const diagnostics = new DiagnosticCollector();
  return { page: parsePage('p.md', markdown, diagnostics), diagnostics: diagnostics.sorted() };
}

describe('code blocks and the annotations they carry', () => {
  it('attaches an annotation across blank lines and a tab heading', () => {
    const { page, diagnostics } = parse(
      '## Examples\n\n<!-- { "blockType": "request", "name": "a" } -->\n\n# [HTTP](#tab/http)\n\n``` http\nGET https://graph.microsoft.com/v1.0/me\n```',
    );
    expect(diagnostics).toEqual([]);
    expect(page.codeBlocks).toMatchObject([{ language: 'http', annotation: 0, source: { line: 7, column: 1 }, span: { line: 8 } }]);
    expect(page.codeBlocks[0]!.section).toEqual(['Examples']);
  });

  it('reports an annotation followed by prose instead of code', () => {
    const { page, diagnostics } = parse('<!-- { "blockType": "response" } -->\nSome text.\n\n```http\nHTTP/1.1 204 No Content\n```');
    expect(diagnostics).toMatchObject([{ code: 'docs/orphan-annotation', line: 1 }]);
    expect(page.codeBlocks[0]!.annotation).toBeUndefined();
  });

  it('does not expect code after permissions or ignored annotations', () => {
    const { diagnostics } = parse('<!-- { "blockType": "permissions", "name": "x" } -->\n[!INCLUDE [p](p.md)]\n\n<!-- { "blockType": "ignored" } -->\n\nText.');
    expect(diagnostics).toEqual([]);
  });

  it('keeps unannotated json and http blocks and warns about those in examples', () => {
    const { page, diagnostics } = parse('```json\n{"a": 1}\n```\n\n## Examples\n\n```http\nGET /me\n```\n\n```csharp\nvar x;\n```');
    expect(page.codeBlocks.map((c) => c.language)).toEqual(['json', 'http']);
    expect(page.codeBlocks[0]!.json!.value).toEqual({ a: 1 });
    expect(diagnostics).toMatchObject([{ code: 'docs/unannotated-example', line: 7 }]);
  });

  it('parses a request: method, URL split from the service root, headers, body position', () => {
    const { page } = parse(
      [
        '<!-- { "blockType": "request", "name": "r" } -->',
        '```http',
        'PATCH https://graph.microsoft.com/beta/policies/p/partners/9c5d?$select=a HTTP/1.1',
        'Content-Type: application/json',
        '',
        '{',
        '  "displayName": "x"',
        '}',
        '```',
      ].join('\n'),
    );
    const http = page.codeBlocks[0]!.http!;
    expect(http).toMatchObject({
      kind: 'request',
      method: 'PATCH',
      serviceRoot: 'https://graph.microsoft.com/beta',
      path: '/policies/p/partners/9c5d',
      query: '$select=a',
      headers: [{ name: 'Content-Type', value: 'application/json', source: { line: 4 } }],
      source: { line: 3, column: 1 },
    });
    expect(http.body!.span.line).toBe(6);
    expect(http.body!.json!.value).toEqual({ displayName: 'x' });
    expect(jsonPointerPosition(http.body!.json!, '/displayName')).toEqual({ file: 'p.md', line: 7, column: 18 });
    expect(jsonPointerPosition(http.body!.json!, '/displayName', 'key')).toEqual({ file: 'p.md', line: 7, column: 3 });
  });

  it('parses a response and reports malformed JSON at its markdown position', () => {
    const { page, diagnostics } = parse(
      '<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\n  "a": false,\n}\n```',
    );
    expect(page.codeBlocks[0]!.http).toMatchObject({ kind: 'response', status: 200, reason: 'OK' });
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-json', line: 8, column: 1 }]);
  });

  it('reports an annotated request block without a request line', () => {
    const { diagnostics } = parse('<!-- { "blockType": "request" } -->\n```http\n\nnot a request\n```');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-http', line: 4, message: expect.stringContaining('not a request') }]);
  });

  it('reports malformed JSON of a resource block and maps positions through list indentation', () => {
    const { diagnostics } = parse('- item\n\n  <!-- { "blockType": "resource", "@odata.type": "x.y" } -->\n  ```json\n  {"a": tru}\n  ```');
    expect(diagnostics).toMatchObject([{ code: 'docs/malformed-json', line: 5, column: 9 }]);
  });
});
