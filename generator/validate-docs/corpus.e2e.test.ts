/**
 * validate-docs on the real pages: the v1.0 pages against the Graph CSDL, the beta pages on
 * their own. Each defect the issue lists is found at its file and line; and the complete
 * list of findings is pinned, each with why it is right, so that a false positive (or a
 * lost finding) shows up as a diff here.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, GRAPH_CSDL, GRAPH_DOCS, EXAMPLE_CSDL, EXAMPLE_DOCS } from '../testing/corpus.ts';
import { validateDocs } from './validate-docs.ts';

/** `file:line code` with the file relative to the corpus, as the assertions name them. */
function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${path.relative(GRAPH_DOCS, d.file).split(path.sep).join('/')}:${d.line} ${d.code}`);
}

describe.skipIf(!corpusAvailable)(`validate-docs on the Graph corpus${CORPUS_SKIP_REASON}`, () => {
  let v1: string[];
  let beta: string[];
  let betaFindings: Diagnostic[];
  beforeAll(() => {
    v1 = brief(validateDocs({ docs: [path.join(GRAPH_DOCS, 'v1.0')], csdl: [GRAPH_CSDL] }).diagnostics);
    betaFindings = validateDocs({ docs: [path.join(GRAPH_DOCS, 'beta')] }).diagnostics;
    beta = brief(betaFindings);
  });

  it.each([
    ['a trailing comma in the response (v1.0)', 'v1.0/api/crosstenantaccesspolicyconfigurationdefault-get.md:114 validate/json-syntax'],
    ['a single object wrapped in "value" (v1.0)', 'v1.0/api/crosstenantaccesspolicy-get.md:108 validate/value-wrapper'],
    ['a definition property the CSDL type lacks (v1.0)', 'v1.0/api/crosstenantaccesspolicy-get.md:111 validate/undeclared-property'],
    ['baseType tenantRelationshipAccessPolicyBase, CSDL policyBase', 'v1.0/resources/crosstenantaccesspolicy.md:47 validate/base-type-mismatch'],
    ['the second list example annotated as the sync policy (v1.0)', 'v1.0/api/crosstenantaccesspolicy-list-partners.md:225 validate/response-type-mismatch'],
    ['keyProperty id not in the JSON: crossTenantAccessPolicy (v1.0)', 'v1.0/resources/crosstenantaccesspolicy.md:53 validate/key-not-in-json'],
    ['keyProperty id not in the JSON: configuration default (v1.0)', 'v1.0/resources/crosstenantaccesspolicyconfigurationdefault.md:53 validate/key-not-in-json'],
    ['keyProperty id not in the JSON: tenantRelationshipAccessPolicyBase (v1.0)', 'v1.0/resources/tenantrelationshipaccesspolicybase.md:43 validate/key-not-in-json'],
    ['userSyncInbound marked Key, keyProperty tenantId (v1.0)', 'v1.0/resources/crosstenantidentitysyncpolicypartner.md:33 validate/key-cue-mismatch'],
    ['inboundAllowed written as an object (v1.0)', 'v1.0/resources/inboundoutboundpolicyconfiguration.md:39 validate/property-type-mismatch'],
    ['outboundAllowed written as an object (v1.0)', 'v1.0/resources/inboundoutboundpolicyconfiguration.md:40 validate/property-type-mismatch'],
    ['accessType an enum in the table, "String" in the JSON (v1.0)', 'v1.0/resources/crosstenantaccesspolicytargetconfiguration.md:39 validate/property-type-mismatch'],
    ['displayName a "String collection" in the table (v1.0)', 'v1.0/resources/tenantrelationshipaccesspolicybase.md:24 validate/property-type-mismatch'],
    ['the update sends a property its table does not list, example 2', 'v1.0/api/crosstenantaccesspolicyconfigurationdefault-update.md:167 validate/property-not-in-request-table'],
    ['the update sends a property its table does not list, example 3', 'v1.0/api/crosstenantaccesspolicyconfigurationdefault-update.md:239 validate/property-not-in-request-table'],
  ])('v1.0: %s', (_name, finding) => {
    expect(v1).toContain(finding);
  });

  it.each([
    ['a trailing comma in the response (beta)', 'beta/api/crosstenantaccesspolicyconfigurationdefault-get.md:116 validate/json-syntax'],
    ['a single object wrapped in "value" (beta)', 'beta/api/crosstenantaccesspolicy-get.md:110 validate/value-wrapper'],
    ['a lastModifiedDateTime that is not a date (beta)', 'beta/api/crosstenantaccesspolicy-get.md:113 validate/date-format'],
    ['the second list example annotated as the sync policy (beta)', 'beta/api/crosstenantaccesspolicy-list-partners.md:202 validate/response-type-mismatch'],
    ['tenantRestrictions annotated as a type the page does not describe', 'beta/resources/crosstenantaccesspolicytenantrestrictions.md:44 validate/resource-type-mismatch'],
    ['keyProperty id not in the JSON: crossTenantAccessPolicy (beta)', 'beta/resources/crosstenantaccesspolicy.md:55 validate/key-not-in-json'],
    ['keyProperty id not in the JSON: configuration default (beta)', 'beta/resources/crosstenantaccesspolicyconfigurationdefault.md:55 validate/key-not-in-json'],
    ['keyProperty id not in the JSON: tenantRelationshipAccessPolicyBase (beta)', 'beta/resources/tenantrelationshipaccesspolicybase.md:45 validate/key-not-in-json'],
    ['userSyncInbound marked Key, keyProperty tenantId (beta)', 'beta/resources/crosstenantidentitysyncpolicypartner.md:33 validate/key-cue-mismatch'],
    ['inboundAllowed written as an object (beta)', 'beta/resources/inboundoutboundpolicyconfiguration.md:41 validate/property-type-mismatch'],
    ['outboundAllowed written as an object (beta)', 'beta/resources/inboundoutboundpolicyconfiguration.md:42 validate/property-type-mismatch'],
    ['accessType an enum in the table, "String" in the JSON (beta)', 'beta/resources/crosstenantaccesspolicytargetconfiguration.md:41 validate/property-type-mismatch'],
    ['displayName a "String collection" in the table (beta)', 'beta/resources/tenantrelationshipaccesspolicybase.md:26 validate/property-type-mismatch'],
  ])('beta: %s', (_name, finding) => {
    expect(beta).toContain(finding);
  });

  it('finds exactly these on the v1.0 pages, each a real defect', () => {
    expect(v1).toEqual([
      'v1.0/api/crosstenantaccesspolicy-get.md:108 validate/value-wrapper',
      'v1.0/api/crosstenantaccesspolicy-get.md:111 validate/undeclared-property',
      'v1.0/api/crosstenantaccesspolicy-list-partners.md:225 validate/response-type-mismatch',
      'v1.0/api/crosstenantaccesspolicyconfigurationdefault-get.md:114 validate/json-syntax',
      'v1.0/api/crosstenantaccesspolicyconfigurationdefault-update.md:167 validate/property-not-in-request-table',
      'v1.0/api/crosstenantaccesspolicyconfigurationdefault-update.md:239 validate/property-not-in-request-table',
      'v1.0/resources/crosstenantaccesspolicy.md:47 validate/base-type-mismatch',
      // openType false, but the type derives from directoryObject, which the CSDL declares open.
      'v1.0/resources/crosstenantaccesspolicy.md:48 validate/open-type-mismatch',
      'v1.0/resources/crosstenantaccesspolicy.md:53 validate/key-not-in-json',
      // appServiceConnectInbound, m365CollaborationInbound, m365CollaborationOutbound, tenantRestrictions: in the CSDL, not on the page.
      ...Array<string>(4).fill('v1.0/resources/crosstenantaccesspolicyconfigurationdefault.md:26 validate/property-not-documented'),
      'v1.0/resources/crosstenantaccesspolicyconfigurationdefault.md:53 validate/key-not-in-json',
      // The same four, and the serviceProviderConstraints relationship.
      ...Array<string>(5).fill('v1.0/resources/crosstenantaccesspolicyconfigurationpartner.md:30 validate/property-not-documented'),
      'v1.0/resources/crosstenantaccesspolicytargetconfiguration.md:39 validate/property-type-mismatch',
      // "Inherits from crossTenantAccessPolicyB2BSettings": no such type; the CSDL base is crossTenantAccessPolicyB2BSetting.
      'v1.0/resources/crosstenantaccesspolicytenantrestrictions.md:16 validate/base-type-mismatch',
      'v1.0/resources/crosstenantidentitysyncpolicypartner.md:33 validate/key-cue-mismatch',
      // Enums written as "String" in the JSON representation, like accessType.
      'v1.0/resources/defaultinvitationredemptionidentityproviderconfiguration.md:40 validate/property-type-mismatch',
      'v1.0/resources/defaultinvitationredemptionidentityproviderconfiguration.md:41 validate/property-type-mismatch',
      'v1.0/resources/devicesfilter.md:40 validate/property-type-mismatch',
      'v1.0/resources/inboundoutboundpolicyconfiguration.md:39 validate/property-type-mismatch',
      'v1.0/resources/inboundoutboundpolicyconfiguration.md:40 validate/property-type-mismatch',
      'v1.0/resources/invitationredemptionidentityproviderconfiguration.md:52 validate/property-type-mismatch',
      'v1.0/resources/invitationredemptionidentityproviderconfiguration.md:55 validate/property-type-mismatch',
      'v1.0/resources/tenantrelationshipaccesspolicybase.md:24 validate/property-type-mismatch',
      // v1.0's CSDL has no tenantRelationshipAccessPolicyBase: crossTenantAccessPolicy derives from policyBase.
      'v1.0/resources/tenantrelationshipaccesspolicybase.md:36 validate/type-not-in-csdl',
      'v1.0/resources/tenantrelationshipaccesspolicybase.md:43 validate/key-not-in-json',
    ]);
  });

  it('finds exactly these on the beta pages, each a real defect', () => {
    expect(beta).toEqual([
      'beta/api/crosstenantaccesspolicy-get.md:110 validate/value-wrapper',
      // No beta page declares lastModifiedDateTime on crossTenantAccessPolicy or its base types.
      'beta/api/crosstenantaccesspolicy-get.md:113 validate/unknown-property',
      'beta/api/crosstenantaccesspolicy-get.md:113 validate/date-format',
      'beta/api/crosstenantaccesspolicy-list-partners.md:202 validate/response-type-mismatch',
      // The beta update table lists displayName only; the example sends allowedCloudEndpoints.
      'beta/api/crosstenantaccesspolicy-update.md:76 validate/property-not-in-request-table',
      'beta/api/crosstenantaccesspolicyconfigurationdefault-get.md:116 validate/json-syntax',
      // definition: String here, String collection on tenantRelationshipAccessPolicyBase, the base type this page names.
      'beta/resources/crosstenantaccesspolicy.md:33 validate/property-type-mismatch',
      'beta/resources/crosstenantaccesspolicy.md:55 validate/key-not-in-json',
      'beta/resources/crosstenantaccesspolicy.md:58 validate/property-type-mismatch',
      'beta/resources/crosstenantaccesspolicyconfigurationdefault.md:55 validate/key-not-in-json',
      'beta/resources/crosstenantaccesspolicytargetconfiguration.md:41 validate/property-type-mismatch',
      // "Inherits from crossTenantAccessPolicyB2BSettings" links the page of crossTenantAccessPolicyB2BSetting.
      'beta/resources/crosstenantaccesspolicytenantrestrictions.md:18 validate/base-type-mismatch',
      'beta/resources/crosstenantaccesspolicytenantrestrictions.md:44 validate/resource-type-mismatch',
      'beta/resources/crosstenantidentitysyncpolicypartner.md:33 validate/key-cue-mismatch',
      // Enums written as "String" in the JSON representation, like accessType.
      'beta/resources/defaultinvitationredemptionidentityproviderconfiguration.md:42 validate/property-type-mismatch',
      'beta/resources/defaultinvitationredemptionidentityproviderconfiguration.md:43 validate/property-type-mismatch',
      'beta/resources/devicesfilter.md:41 validate/property-type-mismatch',
      'beta/resources/inboundoutboundpolicyconfiguration.md:41 validate/property-type-mismatch',
      'beta/resources/inboundoutboundpolicyconfiguration.md:42 validate/property-type-mismatch',
      'beta/resources/invitationredemptionidentityproviderconfiguration.md:40 validate/property-type-mismatch',
      'beta/resources/invitationredemptionidentityproviderconfiguration.md:43 validate/property-type-mismatch',
      'beta/resources/tenantrelationshipaccesspolicybase.md:26 validate/property-type-mismatch',
      'beta/resources/tenantrelationshipaccesspolicybase.md:45 validate/key-not-in-json',
    ]);
  });

  it('says what is wrong in words a page author can act on', () => {
    const messages = new Map(betaFindings.map((d) => [`${path.basename(d.file)}:${d.line} ${d.code}`, d.message]));
    expect(messages.get('crosstenantaccesspolicyconfigurationdefault-get.md:116 validate/json-syntax')).toBe("JSON response body does not parse: trailing comma before '}'");
    expect(messages.get('crosstenantaccesspolicytenantrestrictions.md:44 validate/resource-type-mismatch')).toBe(
      'The annotation says microsoft.graph.crossTenantAccessPolicyTenantRestrictions, but the heading, the JSON representation and the properties table describe crossTenantAccessPolicyTarget',
    );
    expect(messages.get('crosstenantaccesspolicy-get.md:113 validate/date-format')).toContain('"08-23-2021Z00:00:00" is not a date and time');
  });

  it('finds nothing on the bundled example', () => {
    expect(validateDocs({ docs: [EXAMPLE_DOCS], csdl: [EXAMPLE_CSDL] }).diagnostics).toEqual([]);
  });
});
