import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { analyzeImpact } from './analyze.ts';
import { openProject, prepareUserProject, removeUserProject } from './__fixtures__/user-project.ts';
import { corpusAvailable, CORPUS_SKIP_REASON, GRAPH_CSDL, GRAPH_CSDL_OLD } from '../testing/corpus.ts';

/**
 * The real Graph change (v1.0 2026-01-06 -> 2026-08-04) on a fixture application of 19 files
 * (`__fixtures__/graph-app`), compiled against the code generated from the old schema. The
 * change has 107 breaking or dangerous changes; the app uses 10 of them, in the places
 * pinned here, and the files that use only what did not change have no findings.
 */
const APP = fileURLToPath(new URL('./__fixtures__/graph-app', import.meta.url));

describe.skipIf(!corpusAvailable)(`diff --impact on Graph v1.0 2026-01 -> 2026-08${CORPUS_SKIP_REASON}`, () => {
  it('finds exactly the places the fixture app uses a breaking or dangerous change, and nothing else', () => {
    const project = prepareUserProject(APP, GRAPH_CSDL_OLD, GRAPH_CSDL);
    onTestFinished(() => removeUserProject(project));
    const report = analyzeImpact({ project: openProject(project), generatedDir: project.generated, oldModel: project.oldModel, diff: project.diff, cwd: project.root });
    const relevant = project.diff.changes.filter((change) => change.severity === 'breaking' || change.severity === 'dangerous');
    expect(relevant.length).toBe(107);
    const ns = 'microsoft.graph.';
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.use} ${finding.change.kind} ${finding.change.target.replace(ns, '')}`)).toEqual([
      'src/admin/profile-cards.ts:5:55 write required-property-added profileCardProperty/isVisible',
      'src/apps/credential-check.ts:6:29 validator nullability-loosened federatedIdentityCredential/subject',
      'src/apps/credentials.ts:7:116 query nullability-loosened federatedIdentityCredential/subject',
      'src/apps/credentials.ts:8:78 read nullability-loosened federatedIdentityCredential/subject',
      'src/apps/credentials.ts:12:92 read nullability-loosened federatedIdentityCredential/subject',
      'src/copilot/interactions.ts:9:29 read nullability-loosened aiInteraction/requestId',
      'src/governance/runs.ts:12:3 branch enum-member-added identityGovernance.lifecycleWorkflowProcessingStatus/canceling',
      'src/governance/runs.ts:12:3 branch enum-member-added identityGovernance.lifecycleWorkflowProcessingStatus/quarantined',
      'src/governance/workflows.ts:6:69 write required-property-added identityGovernance.workflow/quarantineDetails',
      'src/governance/workflows.ts:6:69 write required-property-added identityGovernance.workflow/settings',
      'src/policies/conditional-access.ts:5:50 type base-type-changed conditionalAccessPolicy',
      'src/policies/conditional-access.ts:14:5 branch enum-member-added conditionalAccessGrantControl/riskRemediation',
      'src/security/risky-users.ts:12:3 branch enum-member-added riskDetail/microsoftRevokedSessions',
      'src/validation/responses.ts:9:19 validator enum-member-added riskDetail/microsoftRevokedSessions',
    ]);
    expect(report.findings.find((finding) => finding.file === 'src/security/risky-users.ts')?.why).toBe(
      'Switches over `detail` (microsoft.graph.riskDetail), which gains the member `microsoftRevokedSessions`: its default clause passes the value as `never`, which stops compiling once the code is regenerated.',
    );
    expect(report.files).toBe(19);
    expect(report.changes.length).toBe(10);
    expect(report.unused).toBe(97);
    expect(report.summary).toEqual({ breaking: 6, dangerous: 4, safe: 0, docs: 0 });
  });
});
