import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImpact } from './analyze.ts';
import { formatImpactMarkdown } from './format/markdown.ts';
import { formatImpactText } from './format/text.ts';
import type { ImpactReport, UseKind } from './finding.ts';
import { openProject, prepareUserProject, removeUserProject, type UserProject } from './__fixtures__/user-project.ts';

/**
 * One small service (`__fixtures__/shop/old.xml` -> `new.xml`, a change of every kind) and
 * one small user project with a file per kind of use. The project is prepared and analysed
 * once; each test reads the findings of its file.
 */
const fixtures = fileURLToPath(new URL('./__fixtures__/shop/', import.meta.url));
let report: ImpactReport;
let project: UserProject;

beforeAll(() => {
  project = prepareUserProject(`${fixtures}app`, `${fixtures}old.xml`, `${fixtures}new.xml`);
  report = analyzeImpact({ project: openProject(project), generatedDir: project.generated, oldModel: project.oldModel, diff: project.diff, cwd: project.root });
});
afterAll(() => removeUserProject(project));

/** `line:col use kind target` for the findings of one file. */
function findingsIn(file: string): string[] {
  return report.findings
    .filter((finding) => finding.file === `src/${file}`)
    .map((finding) => `${finding.line}:${finding.column} ${finding.use} ${finding.change.kind} ${finding.change.target}`);
}

function whyAt(file: string, line: number, use: UseKind): string[] {
  return report.findings.filter((finding) => finding.file === `src/${file}` && finding.line === line && finding.use === use).map((finding) => finding.why);
}

describe('diff --impact on a small project', () => {
  it('properties: reads, writes in create and update bodies (immutable ones in updates only), destructuring, and required properties a create body lacks', () => {
    expect(findingsIn('properties.ts')).toEqual([
      '5:16 read nullability-loosened shop.order/total',
      '9:16 read property-removed shop.order/legacyCode',
      '13:32 read nullability-loosened shop.order/total',
      '17:40 write property-made-read-only shop.order/note',
      '21:49 write nullability-tightened shop.customer/email',
      '25:72 write required-property-added shop.address/country',
      // A value built of the read shape: only the removed property counts, not the looser total.
      '28:73 construct property-removed shop.order/legacyCode',
      // Immutable: the create body (line 32) may still send it, the update body may not.
      '36:25 request key-changed shop.product',
      '36:43 write property-made-immutable shop.product/title',
    ]);
    expect(whyAt('properties.ts', 5, 'read')).toEqual(['Reads `order.total` (shop.order/total), which may now be null.']);
    expect(whyAt('properties.ts', 17, 'write')).toEqual([
      'Sends `note` in an update body of shop.order (shop.order/note), which is now read-only: the service ignores or refuses it.',
    ]);
    expect(whyAt('properties.ts', 25, 'write')).toEqual(['Creates shop.address without `country` (shop.address/country), which is now required on create.']);
  });

  it('types: names of a removed type', () => {
    expect(findingsIn('types.ts')).toEqual(['3:22 type type-removed shop.promo', '5:31 type type-removed shop.promo']);
  });

  it('enums: a switch, an if chain and a Record that a new member slips through, and a removed member written as a literal', () => {
    expect(findingsIn('enums.ts')).toEqual([
      '4:3 branch enum-member-added shop.status/returned',
      '9:10 member enum-member-removed shop.status/legacy',
      '16:3 branch enum-member-added shop.tier/gold',
      '21:50 branch enum-member-added shop.tier/gold',
    ]);
    expect(whyAt('enums.ts', 16, 'branch')).toEqual(['Tests `tier` in an if chain (shop.tier), which gains the member `gold`: no branch handles it.']);
  });

  it('request builders: entity sets, keys, navigation steps (through a const or a parameter), operations and callables', () => {
    expect(findingsIn('requests.ts')).toEqual([
      '5:24 request entity-set-removed shop.service/archive',
      '5:32 request operation-removed GET /archive',
      '9:26 request key-changed shop.product',
      '13:32 request required-parameter-added shop.cancel(shop.order)/code',
      '17:17 request operation-removed GET /topCustomers()',
      '17:17 request operation-import-removed shop.service/topCustomers',
      '17:17 request callable-removed shop.topCustomers()',
      '21:40 request containment-changed shop.order/lines',
      '26:33 request navigation-removed shop.order/customer',
      '26:42 request operation-removed GET /orders/{id}/customer',
      // A parameter of type OrderItem: the client reaches OrderItem from /orders/{id} and /archive/{id}.
      '31:17 request entity-set-removed shop.service/archive',
      '31:23 request containment-changed shop.order/lines',
      '31:29 request operation-removed GET /archive/{id}/lines',
    ]);
    expect(whyAt('requests.ts', 13, 'request')).toEqual([
      "Calls `client.orders.byId(id).cancel({ reason: 'changed my mind' })` (shop.cancel(shop.order)), which now requires the parameter `code`.",
    ]);
    expect(whyAt('requests.ts', 31, 'request')[0]).toBe(
      '`order` (of type OrderItem) in `order.lines.get()` can come through `archive` (shop.service/archive), which the new schema removes.',
    );
  });

  it('request builders: $select and $expand naming a changed property or navigation property', () => {
    expect(findingsIn('query.ts')).toEqual([
      '4:58 query nullability-loosened shop.order/total',
      '4:67 query property-removed shop.order/legacyCode',
      '4:92 query navigation-removed shop.order/customer',
    ]);
  });

  it('validators: by type and mode (read validators see looser values, create validators tighter ones)', () => {
    expect(findingsIn('validation.ts')).toEqual([
      '4:21 validator navigation-removed shop.order/customer',
      '4:21 validator property-removed shop.order/legacyCode',
      '4:21 validator nullability-loosened shop.order/total',
      // The enum of a property: the old validator refuses the new member and accepts the removed one.
      '4:21 validator enum-member-removed shop.status/legacy',
      '4:21 validator enum-member-added shop.status/returned',
      // A create validator: the tighter email counts, the new tier member (read only) does not; a key is no validator's business.
      '8:21 validator nullability-tightened shop.customer/email',
    ]);
  });

  it('code that uses only unchanged elements has no findings, and every finding is in the files above', () => {
    expect(findingsIn('unaffected.ts')).toEqual([]);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(
      new Set(['src/properties.ts', 'src/types.ts', 'src/enums.ts', 'src/requests.ts', 'src/query.ts', 'src/validation.ts']),
    );
    expect(report.files).toBe(8);
    expect(report.changes.every((item) => item.findings > 0)).toBe(true);
    expect(report.unused + report.changes.length).toBe(report.diff.changes.filter((change) => change.severity === 'breaking' || change.severity === 'dangerous').length);
  });

  it('text: a summary, then each finding with file:line:col, the change and why; markdown: a table and the places by file', () => {
    const text = formatImpactText(report).split('\n');
    expect(text[0]).toBe('37 findings in 8 files for 21 changes (19 breaking, 2 dangerous); 16 breaking or dangerous changes not used by the project');
    expect(text.slice(2, 4)).toEqual([
      'src/enums.ts:4:3  dangerous  shop.status/returned  [enum-member-added]',
      '  Switches over `status` (shop.status), which gains the member `returned`: no case handles it.',
    ]);
    const markdown = formatImpactMarkdown(report);
    expect(markdown).toContain('| breaking | `shop.service/archive` | Entity set removed (was shop.order) (`entity-set-removed`) | 2 |');
    expect(markdown).toContain('**src/requests.ts**');
    expect(markdown.length).toBeLessThan(65_536);
  });
});
