import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatJson, type DocsReport } from './json.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

const error: Diagnostic = {
  file: 'docs/api/x.md',
  line: 12,
  column: 5,
  code: 'validate/json-syntax',
  severity: 'error',
  message: "JSON response body does not parse: trailing comma before '}'",
};
const warning: Diagnostic = {
  file: 'docs/resources/y.md',
  line: 3,
  column: 1,
  code: 'validate/property-not-documented',
  severity: 'warning',
  message: 'microsoft.graph.y has property z in the CSDL, but the page does not document it',
  related: [{ file: 'schema.xml', line: 40, column: 9 }],
};
const report: DocsReport = { files: 2, diagnostics: [error, warning] };

describe('report formats', () => {
  it('json: exactly files and the six fields of each finding', () => {
    const parsed = JSON.parse(formatJson(report));
    const { related: _related, ...plainWarning } = warning;
    expect(parsed).toEqual({ files: 2, diagnostics: [error, plainWarning] });
    expect(Object.keys(parsed.diagnostics[0])).toEqual(['file', 'line', 'column', 'code', 'severity', 'message']);
    expect(formatJson(report).endsWith('}\n')).toBe(true);
  });

  it('text: one line per finding, then a summary', () => {
    expect(formatText(report)).toBe(
      [
        "docs/api/x.md:12:5 error validate/json-syntax JSON response body does not parse: trailing comma before '}'",
        'docs/resources/y.md:3:1 warning validate/property-not-documented microsoft.graph.y has property z in the CSDL, but the page does not document it (see schema.xml:40:9)',
        '2 pages checked: 1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('sarif: SARIF 2.1.0 with a rule per code, relative locations and line-free fingerprints', () => {
    const log = JSON.parse(formatSarif(report, '1.2.3'));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'odatakit validate-docs', version: '1.2.3' });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['validate/json-syntax', 'validate/property-not-documented']);
    expect(run.tool.driver.rules[0].shortDescription.text).toBe('JSON <where> does not parse: <reason>');
    expect(run.results[1]).toMatchObject({
      ruleId: 'validate/property-not-documented',
      ruleIndex: 1,
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/resources/y.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1 } } }],
      relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri: 'schema.xml' } } }],
    });
    const moved = JSON.parse(formatSarif({ files: 2, diagnostics: [{ ...error, line: 80 }] }, '1.2.3'));
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(run.results[0].partialFingerprints);
  });

  it('sarif: absolute paths become file URIs without a base', () => {
    const log = JSON.parse(formatSarif({ files: 1, diagnostics: [{ ...error, file: '/tmp/a b.md' }] }, '1'));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///tmp/a%20b.md' });
  });
});
