import type { EnumType } from '../../model/types.ts';
import { stringLiteral } from '../naming.ts';
import { describe, docComment } from './doc-comment.ts';
import type { AliasView, UnionView } from './views.ts';

/**
 * Enum types (OData CSDL XML 4.01, section 10) as unions of their member names, which is how
 * OData JSON writes them (OData JSON Format 4.01, section 7.1). A flags enum's value is a
 * comma-separated list of members: typed as one member, or a member followed by a comma and
 * more, which keeps the type small for any number of members.
 * An enum without members (Graph has two) is typed `string`: nothing better is known.
 */
export function enumTypeDeclaration(type: EnumType, name: string): { kind: 'union'; view: UnionView } | { kind: 'alias'; view: AliasView } {
  const doc = docComment([...describe(type), enumNotes(type)]);
  const literals = type.members.map((member) => stringLiteral(member.name));
  if (literals.length === 0) return { kind: 'alias', view: { doc, name, type: 'string' } };
  const texts = type.isFlags ? [...literals, `\`\${${literals.join(' | ')}},\${string}\``] : literals;
  return {
    kind: 'union',
    view: { doc, name, members: texts.map((text, index) => ({ text, end: index === texts.length - 1 ? ';' : '' })) },
  };
}

function enumNotes(type: EnumType): string {
  const kind = type.isFlags ? 'Flags enum type' : 'Enum type';
  const described = type.members.filter((member) => member.description !== undefined);
  const lines = [
    `${kind} \`${type.qualifiedName}\`${type.members.length === 0 ? ' (declared without members)' : ''}.`,
    ...described.map((member) => `- \`${member.name}\`: ${member.description}`),
  ];
  return lines.join('\n');
}
