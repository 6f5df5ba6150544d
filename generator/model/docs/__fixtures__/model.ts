/** Small hand-built CSDL-side models for merge tests (no CSDL parsing involved). */
import type {
  ComplexType,
  EntityType,
  Model,
  NavigationProperty,
  Operation,
  SourcePosition,
  StructuralProperty,
} from '../../types.ts';

export const NS = 'microsoft.graph';

export function at(line: number): SourcePosition {
  return { file: 'csdl.xml', line, column: 1 };
}

export function property(name: string, type: string, line: number, extra: Partial<StructuralProperty> = {}): StructuralProperty {
  return { kind: 'property', name, type, collection: false, nullable: true, computed: false, immutable: false, annotations: [], origin: ['csdl'], source: at(line), ...extra };
}

export function navigation(name: string, type: string, line: number, extra: Partial<NavigationProperty> = {}): NavigationProperty {
  return { kind: 'navigation', name, type, collection: false, nullable: true, containsTarget: true, capabilities: {}, annotations: [], origin: ['csdl'], source: at(line), ...extra };
}

function base(name: string, line: number) {
  return { name, namespace: NS, qualifiedName: `${NS}.${name}`, annotations: [], origin: ['csdl' as const], source: at(line), abstract: false, openType: false, properties: [], navigationProperties: [], capabilities: {} };
}

export function entity(name: string, line: number, extra: Partial<EntityType> = {}): EntityType {
  return { kind: 'entity', ...base(name, line), key: [], hasStream: false, ...extra };
}

export function complex(name: string, line: number, extra: Partial<ComplexType> = {}): ComplexType {
  return { kind: 'complex', ...base(name, line), ...extra };
}

export function operation(method: Operation['method'], path: string, extra: Partial<Operation> = {}): Operation {
  return {
    id: `${method} ${path}`,
    method,
    path,
    segments: [],
    intent: method === 'GET' ? 'read' : method === 'DELETE' ? 'delete' : method === 'PATCH' ? 'update' : 'replace',
    successStatus: method === 'GET' ? 200 : 204,
    statusSource: 'default',
    origin: ['csdl'],
    sources: [at(900)],
    ...extra,
  };
}

/** The starting resource as the CSDL has it, inside /policies/crossTenantAccessPolicy/partners. */
export function partnerModel(): Model {
  const sync = entity('crossTenantIdentitySyncPolicyPartner', 100, {
    key: ['tenantId'],
    properties: [
      property('displayName', 'Edm.String', 101),
      property('tenantId', 'Edm.String', 102, { nullable: false }),
      property('userSyncInbound', `${NS}.crossTenantUserSyncInbound`, 103, { description: 'From CSDL.' }),
    ],
  });
  const partner = entity('partner', 200, {
    key: ['tenantId'],
    properties: [property('tenantId', 'Edm.String', 201, { nullable: false })],
    navigationProperties: [navigation('identitySynchronization', sync.qualifiedName, 202)],
  });
  const policy = entity('policy', 300, { navigationProperties: [navigation('partners', partner.qualifiedName, 301, { collection: true })] });
  const inbound = complex('crossTenantUserSyncInbound', 400, { properties: [property('isSyncAllowed', 'Edm.Boolean', 401)] });
  const syncPath = '/policy/partners/{tenantId}/identitySynchronization';
  const syncTarget = { type: sync.qualifiedName, collection: false };
  return {
    schemas: [{ namespace: NS, annotations: [], source: at(1) }],
    types: Object.fromEntries([inbound, sync, partner, policy].map((t) => [t.qualifiedName, t])),
    actions: [],
    functions: [],
    entityContainer: {
      name: 'svc',
      qualifiedName: `${NS}.svc`,
      entitySets: [],
      singletons: [{ kind: 'singleton', name: 'policy', type: policy.qualifiedName, nullable: false, navigationPropertyBindings: [], capabilities: {}, annotations: [], source: at(500) }],
      operationImports: [],
      annotations: [],
      source: at(499),
    },
    operations: [
      operation('GET', syncPath, { target: syncTarget, response: syncTarget }),
      operation('PUT', syncPath, { target: syncTarget, requestBody: { ...syncTarget, mode: 'create' } }),
      operation('DELETE', syncPath, { target: syncTarget }),
    ],
    examples: [],
    inputs: ['csdl.xml'],
  };
}
