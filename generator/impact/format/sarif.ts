import { createHash } from 'node:crypto';
import type { ImpactReport } from '../finding.ts';

/**
 * `--impact --format sarif`: SARIF 2.1.0, so code scanning shows each finding on its line
 * in a pull request. One rule per change kind found (`odatakit/diff/<kind>`); breaking
 * changes are errors, dangerous ones warnings. Paths are relative to `%SRCROOT%`, the folder
 * the command ran in; the fingerprint leaves the line out, so a finding survives edits above it.
 */
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

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
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(finding.file),
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    partialFingerprints: {
      'odatakitImpact/v1': createHash('sha256')
        .update(`${finding.file}\n${finding.change.kind}\n${finding.change.target}\n${finding.why}`)
        .digest('hex')
        .slice(0, 32),
    },
  }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'odatakit diff --impact', version, informationUri: 'https://www.npmjs.com/package/odatakit', rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder odatakit diff ran in' } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleId(kind: string): string {
  return `odatakit/diff/${kind}`;
}

/** Relative paths resolve against the source root; others (outside it) become file URIs. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const uri = file.split('/').map((part) => encodeURIComponent(part)).join('/');
  if (file.startsWith('/')) return { uri: `file://${uri}` };
  if (file.startsWith('../')) return { uri: file };
  return { uri, uriBaseId: '%SRCROOT%' };
}
