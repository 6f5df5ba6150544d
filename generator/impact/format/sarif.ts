import { fingerprint, physicalLocation, sarifLog } from '../../diagnostics/sarif.ts';
import type { ImpactReport } from '../finding.ts';

/**
 * `--impact --format sarif`: SARIF 2.1.0, so code scanning shows each finding on its line
 * in a pull request. One rule per change kind found (`odatakit/diff/<kind>`); breaking
 * changes are errors, dangerous ones warnings. Paths are relative to `%SRCROOT%`, the folder
 * the command ran in; the fingerprint leaves the line out, so a finding survives edits above it.
 */
export function formatImpactSarif(report: ImpactReport, version: string): string {
  const kinds = [...new Set(report.findings.map((finding) => finding.change.kind))].sort();
  const rules = kinds.map((kind) => ({
    id: ruleId(kind),
    name: kind,
    shortDescription: { text: `Schema change: ${kind}` },
    helpUri: 'https://www.npmjs.com/package/odatakit#diff',
    // A kind's severity can depend on exposure (classify.ts): the rule takes the worst one found.
    defaultConfiguration: { level: report.findings.some((finding) => finding.change.kind === kind && finding.change.severity === 'breaking') ? 'error' : 'warning' },
  }));
  const results = report.findings.map((finding) => ({
    ruleId: ruleId(finding.change.kind),
    ruleIndex: kinds.indexOf(finding.change.kind),
    level: finding.change.severity === 'breaking' ? 'error' : 'warning',
    message: { text: `${finding.why} (${finding.change.severity}: ${finding.change.target}, ${finding.change.message})` },
    locations: [physicalLocation(finding)],
    partialFingerprints: { 'odatakitImpact/v1': fingerprint(finding.file, finding.change.kind, finding.change.target, finding.why) },
  }));
  return sarifLog({ tool: 'odatakit diff --impact', version, rules, results, root: 'The folder odatakit diff ran in' });
}

function ruleId(kind: string): string {
  return `odatakit/diff/${kind}`;
}
