import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModel } from '../../load-model.ts';
import { CORPUS_SKIP_REASON, corpusAvailable, EXAMPLE_CSDL, EXAMPLE_DOCS, GRAPH_CSDL, GRAPH_DOCS } from '../../testing/corpus.ts';
import { readDocBodies, type DocBody } from './__fixtures__/doc-examples.ts';
import { mutate, type Mutation } from './__fixtures__/mutate.ts';
import { createValidator, type Validator } from './create-validator.ts';

/**
 * Spoiler tests: the valid example bodies of the reference pages pass; corrupted copies fail
 * at exactly the listed JSON pointers (`path code severity`), and nowhere else.
 */
type Spoiler = [what: string, mutations: Mutation[], fails: string[]];

function issuesOf(validator: Validator, body: DocBody, value: unknown): string[] {
  return validator
    .validate(body.type, value, body.mode, { collection: body.collection, truncated: body.truncated })
    .map((issue) => `${issue.path} ${issue.code} ${issue.severity}`);
}

function spoilerSuite(load: () => { validator: Validator; bodies: DocBody[] }, spoilers: Record<string, Spoiler[]>): void {
  for (const [key, cases] of Object.entries(spoilers)) {
    describe(key, () => {
      it.each(cases)('%s', (_what, mutations, fails) => {
        const { validator, bodies } = load();
        const body = bodies.find((item) => item.key === key);
        expect(body, `no body ${key}`).toBeDefined();
        const value = JSON.parse(body!.text!) as unknown;
        expect(issuesOf(validator, body!, mutate(value, mutations))).toEqual(fails);
      });
    });
  }
}

describe('the bundled example', () => {
  let validator: Validator;
  let bodies: DocBody[];
  beforeAll(() => {
    const { model } = loadModel({ csdl: [EXAMPLE_CSDL] });
    validator = createValidator(model);
    bodies = readDocBodies(join(EXAMPLE_DOCS, 'api'), model);
  });

  it('finds the example bodies and accepts every one', () => {
    expect(bodies.map((body) => `${body.key} ${body.mode}`)).toEqual([
      'crosstenantaccesspolicyconfigurationpartner-put-identitysynchronization.md request create',
      'crosstenantidentitysyncpolicypartner-get.md response read',
      'crosstenantidentitysyncpolicypartner-update.md request update',
    ]);
    for (const body of bodies) expect(issuesOf(validator, body, JSON.parse(body.text!)), body.where).toEqual([]);
  });

  spoilerSuite(() => ({ validator, bodies }), {
    'crosstenantidentitysyncpolicypartner-get.md response': [
      ['null where not nullable', [['/tenantId', null]], ['/tenantId null error']],
      ['wrong types', [['/userSyncInbound/isSyncAllowed', 'true'], ['/displayName', ['x']]], ['/displayName type error', '/userSyncInbound/isSyncAllowed type error']],
      ['unknown property (a warning in responses)', [['/userSyncInbound/isSyncBlocked', true]], ['/userSyncInbound/isSyncBlocked unknown-property warning']],
      ['a complex value that is not an object', [['/userSyncInbound', true]], ['/userSyncInbound type error']],
      ['a type that does not derive', [['/@odata.type', '#microsoft.graph.crossTenantAccessPolicy']], ['/@odata.type not-derived error']],
      ['the same type, alias-qualified', [['/@odata.type', '#graph.crossTenantIdentitySyncPolicyPartner']], []],
      ['a bad control annotation', [['/@odata.context', 5]], ['/@odata.context annotation error']],
      ['__proto__ is a property name like any other', [['/__proto__', {}]], ['/__proto__ unknown-property warning']],
    ],
    'crosstenantaccesspolicyconfigurationpartner-put-identitysynchronization.md request': [
      ['unknown property (an error in requests)', [['/userSyncOutbound', {}]], ['/userSyncOutbound unknown-property error']],
      ['wrong nested type', [['/userSyncInbound/isSyncAllowed', 1]], ['/userSyncInbound/isSyncAllowed type error']],
      ['the key may be sent on create', [['/tenantId', '3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35']], []],
    ],
    'crosstenantidentitysyncpolicypartner-update.md request': [
      ['the key in an update', [['/tenantId', '3f8c2a71-5d4e-4b9a-a6c0-82e1f47d9b35']], ['/tenantId key-in-update error']],
      ['null where not nullable, and an unknown property', [['/tenantId', null], ['/userSyncInbound/extra', 1]], ['/userSyncInbound/extra unknown-property error', '/tenantId key-in-update error', '/tenantId null error']],
    ],
  });
});

describe.skipIf(!corpusAvailable)(`Graph v1.0 reference pages${CORPUS_SKIP_REASON}`, () => {
  let validator: Validator;
  let bodies: DocBody[];
  beforeAll(() => {
    const { model } = loadModel({ csdl: [GRAPH_CSDL] });
    validator = createValidator(model);
    bodies = readDocBodies(join(GRAPH_DOCS, 'v1.0/api'), model);
  });

  /** Real defects of these pages (issue 5), and what the validator says about each. */
  const DEFECTS: Record<string, { why: string; issues?: string[]; options?: { dynamicProperties: 'warning' } }> = {
    'crosstenantaccesspolicyconfigurationdefault-get.md response': { why: 'a trailing comma: the JSON does not parse' },
    'crosstenantaccesspolicy-list-partners.md response#2': {
      why: 'annotated as crossTenantIdentitySyncPolicyPartner, its items are partner configurations',
      issues: ['/value/0/identitySynchronization unknown-property warning'],
    },
    'crosstenantaccesspolicy-get.md response': {
      why: 'a single object wrapped in "value"; directoryObject is open, so only strict dynamic properties tell',
      issues: ['/value dynamic-property warning'],
      options: { dynamicProperties: 'warning' },
    },
  };

  it('accepts every valid example body, and reports the known defects', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(15);
    for (const body of bodies) {
      const defect = DEFECTS[body.key];
      let value: unknown;
      try {
        value = JSON.parse(body.text!);
      } catch {
        expect(defect?.why, `${body.where} does not parse`).toMatch(/does not parse/);
        continue;
      }
      const found = validator
        .validate(body.type, value, body.mode, { collection: body.collection, truncated: body.truncated, ...defect?.options })
        .map((issue) => `${issue.path} ${issue.code} ${issue.severity}`);
      expect(found, body.where).toEqual(defect?.issues ?? []);
    }
  });

  const target = (index: number) => `/value/0/b2bDirectConnectInbound/applications/targets/${index}`;
  spoilerSuite(() => ({ validator, bodies }), {
    'crosstenantaccesspolicy-list-partners.md response': [
      ['wrong type of a key', [['/value/0/tenantId', 42]], ['/value/0/tenantId type error']],
      ['bad enum members (case matters)', [['/value/0/b2bDirectConnectInbound/usersAndGroups/accessType', 'permitted'], [`${target(0)}/targetType`, 'Application']], ['/value/0/b2bDirectConnectInbound/usersAndGroups/accessType enum error', `${target(0)}/targetType enum error`]],
      ['a null collection', [['/value/0/b2bDirectConnectInbound/applications/targets', null]], ['/value/0/b2bDirectConnectInbound/applications/targets null error']],
      ['unknown nested property', [['/value/0/automaticUserConsentSettings/inboundAllowd', true]], ['/value/0/automaticUserConsentSettings/inboundAllowd unknown-property warning']],
      ['a boolean as a string', [['/value/0/automaticUserConsentSettings/inboundAllowed', 'yes']], ['/value/0/automaticUserConsentSettings/inboundAllowed type error']],
      ['the envelope without its array', [['/value', {}]], ['/value envelope error']],
      ['an item that is not an object', [['/value/0', 'partner']], ['/value/0 type error']],
    ],
    'crosstenantaccesspolicy-post-partners.md request': [
      ['null key', [['/tenantId', null]], ['/tenantId null error']],
      ['bad enum in a nested collection', [['/b2bDirectConnectOutbound/usersAndGroups/targets/0/targetType', 'grp']], ['/b2bDirectConnectOutbound/usersAndGroups/targets/0/targetType enum error']],
      ['unknown property (an error in requests)', [['/b2bDirectConnectInbound/applications/foo', 1]], ['/b2bDirectConnectInbound/applications/foo unknown-property error']],
      ['an object where an array goes', [['/b2bDirectConnectOutbound/usersAndGroups/targets', {}]], ['/b2bDirectConnectOutbound/usersAndGroups/targets type error']],
    ],
    'crosstenantaccesspolicyconfigurationpartner-update.md request': [
      ['the key in an update', [['/tenantId', 'x']], ['/tenantId key-in-update error']],
      ['a boolean as a string', [['/inboundTrust/isMfaAccepted', 'true']], ['/inboundTrust/isMfaAccepted type error']],
      ['unknown nested property', [['/inboundTrust/isMfaRequired', true]], ['/inboundTrust/isMfaRequired unknown-property error']],
      ['inline navigation in an update', [['/identitySynchronization', { displayName: 'x' }]], ['/identitySynchronization navigation error']],
    ],
    'crosstenantaccesspolicy-update.md request': [
      ['a string where a collection goes', [['/allowedCloudEndpoints', 'microsoftonline.us']], ['/allowedCloudEndpoints type error']],
      ['a null item in a non-nullable collection', [['/allowedCloudEndpoints/0', null]], ['/allowedCloudEndpoints/0 null error']],
      ['the inherited key', [['/id', 'x']], ['/id key-in-update error']],
      ['a wrong inherited property type', [['/displayName', 5]], ['/displayName type error']],
      ['a bad date on an inherited property', [['/deletedDateTime', '2024-02-30T00:00:00Z']], ['/deletedDateTime format error']],
    ],
    'crosstenantaccesspolicyconfigurationdefault-update.md request#2': [
      ['bad enum', [['/invitationRedemptionIdentityProviderConfiguration/fallbackIdentityProvider', 'nobody']], ['/invitationRedemptionIdentityProviderConfiguration/fallbackIdentityProvider enum error']],
      ['bad enum in a collection', [['/invitationRedemptionIdentityProviderConfiguration/primaryIdentityProviderPrecedenceOrder/1', 'AzureActiveDirectory']], ['/invitationRedemptionIdentityProviderConfiguration/primaryIdentityProviderPrecedenceOrder/1 enum error']],
    ],
  });
});
