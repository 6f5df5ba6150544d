import type { Annotation, EntityContainer, Model, UrlConventions } from '../types.ts';

/**
 * The service's URL conventions (OData URL Conventions 4.0/4.01): how keys are written and which
 * literal forms apply. Keys go in parentheses (`People('russellwhyte')`, 4.3.1), the form every
 * V4 service understands, unless the service says it also takes key-as-segment
 * (`People/russellwhyte`, 4.01 section 4.3.6): Capabilities.KeyAsSegmentSupported on the entity
 * container, or the older `Com.Microsoft.OData.Service.Conventions.V1.UrlConventions`
 * `KeyAsSegment` that ODataLib services (Northwind) write. The doc pages of a service (Graph's)
 * and the configuration may decide it too; see docs/decisions/0014-key-syntax-and-related-navigation.md.
 */
export const DEFAULT_URL_CONVENTIONS: Readonly<UrlConventions> = { odataVersion: '4.0', keyAsSegment: false, keyAsSegmentFrom: 'default' };

const KEY_AS_SEGMENT_SUPPORTED = 'Org.OData.Capabilities.V1.KeyAsSegmentSupported';
const ODATALIB_URL_CONVENTIONS = 'Com.Microsoft.OData.Service.Conventions.V1.UrlConventions';

/** The model's conventions, or the defaults for a model that states none. */
export function urlConventionsOf(model: Pick<Model, 'urlConventions'>): UrlConventions {
  return model.urlConventions ?? { ...DEFAULT_URL_CONVENTIONS };
}

/** What the CSDL declares: the version of the document with the entity container and its key syntax. */
export function declaredUrlConventions(container: EntityContainer | undefined, version: string | undefined): UrlConventions {
  const conventions: UrlConventions = { ...DEFAULT_URL_CONVENTIONS, odataVersion: version === '4.01' ? '4.01' : '4.0' };
  const declared = container ? keyAsSegmentDeclared(container.annotations) : undefined;
  if (declared !== undefined) {
    conventions.keyAsSegment = declared;
    conventions.keyAsSegmentFrom = 'csdl';
  }
  return conventions;
}

/** A Core.Tag: present means true unless it says false. */
function keyAsSegmentDeclared(annotations: Annotation[]): boolean | undefined {
  const tag = annotations.find((annotation) => annotation.term === KEY_AS_SEGMENT_SUPPORTED && annotation.qualifier === undefined);
  if (tag) return tag.value !== false;
  const legacy = annotations.find((annotation) => annotation.term === ODATALIB_URL_CONVENTIONS && annotation.qualifier === undefined);
  if (legacy && typeof legacy.value === 'string') return legacy.value.trim() === 'KeyAsSegment';
  return undefined;
}

/**
 * The settings after the inputs beside the CSDL: the configuration wins over everything; doc
 * pages that address entities with key segments (Graph's write `/users/{id}`) show that the
 * service takes them, unless the CSDL said otherwise.
 */
export function applyUrlSettings(model: Model, settings: { keyAsSegment?: boolean; docs?: boolean }): void {
  const conventions = urlConventionsOf(model);
  if (settings.keyAsSegment !== undefined) {
    conventions.keyAsSegment = settings.keyAsSegment;
    conventions.keyAsSegmentFrom = 'config';
  } else if (settings.docs && conventions.keyAsSegmentFrom === 'default') {
    conventions.keyAsSegment = true;
    conventions.keyAsSegmentFrom = 'docs';
  }
  model.urlConventions = conventions;
}
