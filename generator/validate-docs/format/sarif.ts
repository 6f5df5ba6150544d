/**
 * `--format sarif`: SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), which
 * code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers) import. One rule per
 * diagnostics code used, with the code table's message template as its description; one
 * result per finding. Paths are relative URIs against `%SRCROOT%` (section 3.14.14). A
 * partial fingerprint of file, code and message (no line) lets tools follow a finding when
 * unrelated edits move it, as the baseline does.
 */
import { createHash } from 'node:crypto';
import { DIAGNOSTICS, type DiagnosticCode } from '../../diagnostics/codes.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocsReport } from './json.ts';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function formatSarif(report: DocsReport, version: string): string {
  const codes = [...new Set(report.diagnostics.map((diagnostic) => diagnostic.code))].sort();
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: ruleText(code) },
    defaultConfiguration: { level: level(ruleSeverity(code)) },
  }));
  const results = report.diagnostics.map((diagnostic) => result(diagnostic, codes.indexOf(diagnostic.code)));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'odatakit validate-docs', version, informationUri: 'https://www.npmjs.com/package/odatakit', rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder validate-docs ran in' } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(diagnostic: Diagnostic, ruleIndex: number) {
  const location = (at: { file: string; line: number; column: number }) => {
    const uri = encodeUri(at.file);
    // Only relative URIs resolve against the source root.
    const artifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
    return { physicalLocation: { artifactLocation, region: { startLine: at.line, startColumn: at.column } } };
  };
  const fingerprint = createHash('sha256').update(`${diagnostic.file}\n${diagnostic.code}\n${diagnostic.message}`).digest('hex').slice(0, 32);
  return {
    ruleId: diagnostic.code,
    ruleIndex,
    level: level(diagnostic.severity),
    message: { text: diagnostic.message },
    locations: [location(diagnostic)],
    ...(diagnostic.related?.length ? { relatedLocations: diagnostic.related.map((at, id) => ({ id, ...location(at) })) } : {}),
    partialFingerprints: { 'odatakitFinding/v1': fingerprint },
  };
}

/** The message template with its placeholders shown as `<name>`; codes outside the table still get a rule. */
function ruleText(code: string): string {
  return Object.hasOwn(DIAGNOSTICS, code) ? DIAGNOSTICS[code as DiagnosticCode].message.replace(/\{(\w+)\}/g, '<$1>') : code;
}

function ruleSeverity(code: string): string {
  return Object.hasOwn(DIAGNOSTICS, code) ? DIAGNOSTICS[code as DiagnosticCode].severity : 'warning';
}

function level(severity: string): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Relative paths stay relative; absolute ones become file URIs. Segments are percent-encoded. */
function encodeUri(file: string): string {
  const encoded = file.split('/').map((part) => encodeURIComponent(part)).join('/');
  if (/^[A-Za-z]:\//.test(file)) return `file:///${encoded.replace('%3A', ':')}`;
  return file.startsWith('/') ? `file://${encoded}` : encoded;
}
