/** Small Graph pages as markdown strings, parsed for model tests. */
import { DiagnosticCollector } from '../../../diagnostics/collector.ts';
import { parsePage } from '../../../graph-docs/parse-page.ts';
import type { DocPage } from '../../../graph-docs/types.ts';

export function pages(files: Record<string, string>): DocPage[] {
  const diagnostics = new DiagnosticCollector();
  return Object.entries(files).map(([file, text]) => parsePage(file, text, diagnostics));
}

export function resourcePage(options: {
  name: string;
  annotation: string;
  properties?: string[];
  relationships?: string[];
  methods?: string[];
  json?: string;
  intro?: string;
}): string {
  const table = (head: string, rows: string[] | undefined) => (rows ? `|${head}|Type|Description|\n|:---|:---|:---|\n${rows.join('\n')}\n` : 'None.\n');
  return [
    '---',
    `title: "${options.name} resource type"`,
    'doc_type: resourcePageType',
    '---',
    '',
    `# ${options.name} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    options.intro ?? `Describes ${options.name}.`,
    '',
    '## Methods',
    '',
    options.methods ? `|Method|Return type|Description|\n|:---|:---|:---|\n${options.methods.join('\n')}\n` : 'None.\n',
    '## Properties',
    '',
    table('Property', options.properties),
    '## Relationships',
    '',
    table('Relationship', options.relationships),
    '## JSON representation',
    '',
    `<!-- ${options.annotation} -->`,
    '```json',
    options.json ?? '{}',
    '```',
    '',
  ].join('\n');
}

export function apiPage(options: { title: string; requests: string[]; response: string; body?: string }): string {
  return [
    '---',
    `title: "${options.title}"`,
    'doc_type: apiPageType',
    '---',
    '',
    `# ${options.title}`,
    '',
    'Namespace: microsoft.graph',
    '',
    `${options.title}, as documented.`,
    '',
    '## HTTP request',
    '',
    '<!-- { "blockType": "ignored" } -->',
    '``` http',
    ...options.requests,
    '```',
    '',
    '## Request body',
    '',
    options.body ?? 'Do not supply a request body for this method.',
    '',
    '## Response',
    '',
    options.response,
    '',
  ].join('\n');
}
