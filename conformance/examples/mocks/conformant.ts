import { http, HttpResponse } from 'msw';

/**
 * A hand-written msw mock of one Microsoft Graph resource, the way people write them: the user
 * synchronization settings a tenant keeps for a partner tenant (crossTenantIdentitySyncPolicyPartner).
 * This one passes the conformance suite; the other files in this folder each carry one typical defect.
 */
const url = 'https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners/:tenantId/identitySynchronization';

interface Settings {
  tenantId: string;
  displayName?: string | null;
  userSyncInbound?: { isSyncAllowed?: boolean | null } | null;
}

const store = new Map<string, Settings>();

/** Call between tests (afterEach): the store outlives msw's resetHandlers(). */
export function reset(): void {
  store.clear();
}

const headers = { 'OData-Version': '4.0' };

function error(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message } }, { status, headers });
}

/** The body of a PUT or PATCH: a JSON object with known properties of the right types. */
async function readBody(request: Request): Promise<Partial<Settings> | Response> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return error(415, 'UnsupportedMediaType', 'Send the body as application/json');
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return error(400, 'BadRequest', 'The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'BadRequest', 'Send a JSON object');
  for (const [name, value] of Object.entries(body)) {
    const valid =
      (name === 'tenantId' && typeof value === 'string') ||
      (name === 'displayName' && (value === null || typeof value === 'string')) ||
      (name === 'userSyncInbound' && (value === null || isInbound(value)));
    if (!valid) return error(400, 'BadRequest', `Property '${name}' is unknown or has the wrong type`);
  }
  return body as Partial<Settings>;
}

function isInbound(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([name, item]) => name === 'isSyncAllowed' && (item === null || typeof item === 'boolean'));
}

function select(settings: Settings, query: string | null): Partial<Settings> {
  if (!query) return settings;
  const names = new Set(['tenantId', ...query.split(',')]);
  return Object.fromEntries(Object.entries(settings).filter(([name]) => names.has(name)));
}

export const handlers = [
  http.get(url, ({ params, request }) => {
    const accept = request.headers.get('accept');
    if (accept && !/application\/json|\*\/\*|application\/\*/.test(accept)) return error(406, 'NotAcceptable', 'This API answers application/json only');
    const settings = store.get(String(params.tenantId));
    if (!settings) return error(404, 'ResourceNotFound', 'No synchronization settings for this partner');
    const query = new URL(request.url).searchParams.get('$select');
    const context = `https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners('${settings.tenantId}')/identitySynchronization/$entity`;
    return HttpResponse.json({ '@odata.context': context, ...select(settings, query) }, { headers: { ...headers, 'Content-Type': 'application/json;odata.metadata=minimal' } });
  }),

  http.put(url, async ({ params, request }) => {
    const tenantId = String(params.tenantId);
    const body = await readBody(request);
    if (body instanceof Response) return body;
    if (body.tenantId !== undefined && body.tenantId !== tenantId) return error(400, 'BadRequest', 'tenantId must match the path');
    store.set(tenantId, { ...body, tenantId });
    return new HttpResponse(null, { status: 204, headers });
  }),

  http.patch(url, async ({ params, request }) => {
    const tenantId = String(params.tenantId);
    const current = store.get(tenantId);
    if (!current) return error(404, 'ResourceNotFound', 'No synchronization settings for this partner');
    const body = await readBody(request);
    if (body instanceof Response) return body;
    if (body.tenantId !== undefined) return error(400, 'BadRequest', 'tenantId is read-only');
    const inbound = body.userSyncInbound && current.userSyncInbound ? { ...current.userSyncInbound, ...body.userSyncInbound } : body.userSyncInbound;
    store.set(tenantId, { ...current, ...body, ...(body.userSyncInbound !== undefined && { userSyncInbound: inbound }) });
    return new HttpResponse(null, { status: 204, headers });
  }),

  http.delete(url, ({ params }) => {
    if (!store.delete(String(params.tenantId))) return error(404, 'ResourceNotFound', 'No synchronization settings for this partner');
    return new HttpResponse(null, { status: 204, headers });
  }),

  http.all(url, ({ request }) => error(405, 'MethodNotAllowed', `${request.method} is not supported here`)),
];
