/**
 * `--format sarif`: SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), which
 * code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers) import. One rule per
 * diagnostics code used, with the code table's message template as its description; one
 * result per finding. Paths are relative URIs against `%SRCROOT%` (section 3.14.14). A
 * partial fingerprint of file, code and message (no line) lets tools follow a finding when
 * unrelated edits move it, as the baseline does.
 */
import { DIAGNOSTICS, type DiagnosticCode } from '../../diagnostics/codes.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { fingerprint, physicalLocation, sarifLog } from '../../diagnostics/sarif.ts';
import type { DocsReport } from './json.ts';

export function formatSarif(report: DocsReport, version: string): string {
  const codes = [...new Set(report.diagnostics.map((diagnostic) => diagnostic.code))].sort();
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: ruleText(code) },
    defaultConfiguration: { level: level(ruleSeverity(code)) },
  }));
  const results = report.diagnostics.map((diagnostic) => result(diagnostic, codes.indexOf(diagnostic.code)));
  return sarifLog({ tool: 'odatakit validate-docs', version, rules, results, root: 'The folder validate-docs ran in' });
}

function result(diagnostic: Diagnostic, ruleIndex: number) {
  return {
    ruleId: diagnostic.code,
    ruleIndex,
    level: level(diagnostic.severity),
    message: { text: diagnostic.message },
    locations: [physicalLocation(diagnostic)],
    ...(diagnostic.related?.length ? { relatedLocations: diagnostic.related.map((at, id) => ({ id, ...physicalLocation(at) })) } : {}),
    partialFingerprints: { 'odatakitFinding/v1': fingerprint(diagnostic.file, diagnostic.code, diagnostic.message) },
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
