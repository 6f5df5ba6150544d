import type { TypeDefinition } from '../../model/types.ts';
import { describe, docComment } from './doc-comment.ts';
import { edmType } from './edm.ts';
import type { ExpressionContext } from './type-expression.ts';
import type { AliasView } from './views.ts';

/** Type definitions (OData CSDL XML 4.01, section 11): an alias of the underlying primitive. */
export function typeDefinitionDeclaration(context: ExpressionContext, type: TypeDefinition, name: string): AliasView {
  const facets = [
    type.maxLength !== undefined ? `MaxLength ${type.maxLength}` : '',
    type.precision !== undefined ? `Precision ${type.precision}` : '',
    type.scale !== undefined ? `Scale ${type.scale}` : '',
  ].filter((facet) => facet !== '');
  const note = `Type definition \`${type.qualifiedName}\` of \`${type.underlyingType}\`${facets.length > 0 ? ` (${facets.join(', ')})` : ''}.`;
  // The underlying type must be primitive; anything else is invalid CSDL (and could be cyclic).
  const underlying = edmType(type.underlyingType, context.options, context.names.helpers) ?? 'unknown';
  return { doc: docComment([...describe(type), note]), name, type: underlying };
}
