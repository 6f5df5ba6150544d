import { http, HttpResponse } from 'msw';

/**
 * A hand-written msw mock of a Microsoft Graph collection, the way people write them: a tenant's
 * partner configurations (crossTenantAccessPolicyConfigurationPartner) under
 * /policies/crossTenantAccessPolicy/partners, with paging, $count, $orderby and $select.
 * Defect: it accepts $filter and ignores it, answering every partner (and counting them all).
 */
const root = 'https://graph.microsoft.com/v1.0';
const collection = `${root}/policies/crossTenantAccessPolicy/partners`;
/** `partners('id')` or `partners/id`. */
const member = /\/policies\/crossTenantAccessPolicy\/partners(?:\('((?:[^']|'')*)'\)|\/([^/?()]+))$/;

interface Partner {
  tenantId: string;
  isInMultiTenantOrganization?: boolean | null;
  isServiceProvider?: boolean | null;
}

const store = new Map<string, Partner>();

/** Call between tests (afterEach): the store outlives msw's resetHandlers(). */
export function reset(): void {
  store.clear();
}

const headers = { 'OData-Version': '4.0', 'Content-Type': 'application/json;odata.metadata=minimal' };

function error(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message } }, { status, headers });
}

function tenantOf(request: Request): string | undefined {
  const match = member.exec(new URL(request.url).pathname);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : decodeURIComponent(match[2]!);
}

/** A POST or PATCH body: a JSON object with known properties of the right types. */
async function readBody(request: Request): Promise<Partial<Partner> | Response> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) return error(415, 'UnsupportedMediaType', 'Send the body as application/json');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return error(400, 'BadRequest', 'The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'BadRequest', 'Send a JSON object');
  for (const [name, value] of Object.entries(body)) {
    const valid = (name === 'tenantId' && typeof value === 'string') || ((name === 'isInMultiTenantOrganization' || name === 'isServiceProvider') && (value === null || typeof value === 'boolean'));
    if (!valid) return error(400, 'BadRequest', `Property '${name}' is unknown or has the wrong type`);
  }
  return body as Partial<Partner>;
}

function view(partner: Partner, selected: string | null): Partial<Partner> {
  if (!selected) return partner;
  const names = new Set(['tenantId', ...selected.split(',')]);
  return Object.fromEntries(Object.entries(partner).filter(([name]) => names.has(name)));
}

/** `$orderby=name [asc|desc],...` over the partners' own properties (null first ascending). */
function sorted(partners: Partner[], orderby: string | null): Partner[] {
  if (!orderby) return partners;
  const keys = orderby.split(',').map((item) => item.trim().split(/\s+/) as [keyof Partner, string?]);
  const rank = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  return [...partners].sort((a, b) => {
    for (const [name, direction] of keys) {
      const order = rank(a[name]) < rank(b[name]) ? -1 : rank(a[name]) > rank(b[name]) ? 1 : 0;
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return 0;
  });
}

function nonNegative(text: string | null): number | undefined | 'invalid' {
  if (text === null) return undefined;
  return /^\d+$/.test(text) ? Number(text) : 'invalid';
}

export const handlers = [
  http.get(`${collection}/$count`, () => new HttpResponse(String(store.size), { headers: { 'OData-Version': '4.0', 'Content-Type': 'text/plain' } })),

  http.get(collection, ({ request }) => {
    const query = new URL(request.url).searchParams;
    const top = nonNegative(query.get('$top'));
    const skip = nonNegative(query.get('$skip'));
    if (top === 'invalid' || skip === 'invalid') return error(400, 'BadRequest', '$top and $skip take a non-negative integer');
    // The defect: $filter is read past, and every partner comes back.
    const all = sorted([...store.values()], query.get('$orderby'));
    const page = all.slice(skip ?? 0, top === undefined ? undefined : (skip ?? 0) + top);
    const body: Record<string, unknown> = { '@odata.context': `${root}/$metadata#policies/crossTenantAccessPolicy/partners` };
    if (query.get('$count') === 'true') body['@odata.count'] = all.length;
    body['value'] = page.map((partner) => view(partner, query.get('$select')));
    return HttpResponse.json(body, { headers });
  }),

  http.post(collection, async ({ request }) => {
    const body = await readBody(request);
    if (body instanceof Response) return body;
    if (typeof body.tenantId !== 'string') return error(400, 'BadRequest', 'tenantId is required');
    if (store.has(body.tenantId)) return error(409, 'Conflict', `A partner ${body.tenantId} exists already`);
    const partner: Partner = { tenantId: body.tenantId, isInMultiTenantOrganization: body.isInMultiTenantOrganization ?? null, isServiceProvider: body.isServiceProvider ?? null };
    store.set(partner.tenantId, partner);
    const location = `${collection}('${partner.tenantId.replace(/'/g, "''")}')`;
    return HttpResponse.json({ '@odata.context': `${root}/$metadata#policies/crossTenantAccessPolicy/partners/$entity`, ...partner }, { status: 201, headers: { ...headers, Location: location } });
  }),

  http.get(member, ({ request }) => {
    const partner = store.get(tenantOf(request)!);
    if (!partner) return error(404, 'ResourceNotFound', 'No such partner');
    const context = `${root}/$metadata#policies/crossTenantAccessPolicy/partners/$entity`;
    return HttpResponse.json({ '@odata.context': context, ...view(partner, new URL(request.url).searchParams.get('$select')) }, { headers });
  }),

  http.patch(member, async ({ request }) => {
    const tenantId = tenantOf(request)!;
    const current = store.get(tenantId);
    if (!current) return error(404, 'ResourceNotFound', 'No such partner');
    const body = await readBody(request);
    if (body instanceof Response) return body;
    if (body.tenantId !== undefined && body.tenantId !== tenantId) return error(400, 'BadRequest', 'tenantId is read-only');
    store.set(tenantId, { ...current, ...body, tenantId });
    return new HttpResponse(null, { status: 204, headers: { 'OData-Version': '4.0' } });
  }),

  http.delete(member, ({ request }) => {
    if (!store.delete(tenantOf(request)!)) return error(404, 'ResourceNotFound', 'No such partner');
    return new HttpResponse(null, { status: 204, headers: { 'OData-Version': '4.0' } });
  }),

  http.all(collection, ({ request }) => error(405, 'MethodNotAllowed', `${request.method} is not supported here`)),
];
