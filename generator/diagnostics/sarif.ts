/**
 * The parts of a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format) that every
 * odatakit command writing one shares: the envelope with its tool and `%SRCROOT%` base, file
 * locations, and line-free partial fingerprints. The commands own their rules and results.
 */
import { createHash } from 'node:crypto';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifRun {
  /** The tool's name as code-scanning shows it (`odatakit validate-docs`). */
  tool: string;
  version: string;
  rules: object[];
  results: object[];
  /** What `%SRCROOT%` is: the folder the command ran in. */
  root: string;
}

export function sarifLog(run: SarifRun): string {
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: run.tool, version: run.version, informationUri: 'https://www.npmjs.com/package/odatakit', rules: run.rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: run.root } } },
        results: run.results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A file and position as a SARIF physical location; only relative URIs resolve against the source root (3.14.14). */
export function physicalLocation(at: { file: string; line: number; column: number }) {
  const uri = encodeUri(at.file);
  const artifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
  return { physicalLocation: { artifactLocation, region: { startLine: at.line, startColumn: at.column } } };
}

/** A fingerprint of the parts that identify a finding, without its line, so tools follow it when edits above move it. */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** Relative paths stay relative; absolute ones become file URIs. Segments are percent-encoded. */
function encodeUri(file: string): string {
  const encoded = file.split('/').map((part) => encodeURIComponent(part)).join('/');
  if (/^[A-Za-z]:\//.test(file)) return `file:///${encoded.replace('%3A', ':')}`;
  return file.startsWith('/') ? `file://${encoded}` : encoded;
}
