import type { EmitContext } from '../emitter.ts';
import { headerSource } from '../header.ts';
import { JoinedText } from '../joined-text.ts';
import { typeNames } from '../naming.ts';
import { enumTypeDeclaration } from './enum-type.ts';
import { inputTypeNames } from './names.ts';
import { structuredTypeDeclarations } from './structured-type.ts';
import { typeDefinitionDeclaration } from './type-definition.ts';
import type { ExpressionContext } from './type-expression.ts';
import type { TypesFileView } from './views.ts';

/** Renders `types.gen.ts`: envelopes and helpers, then every schema type by qualified name. */
export function emitTypes(context: EmitContext): string {
  const { model, templates, options } = context;
  const names = inputTypeNames(model);
  const expressions: ExpressionContext = { model, options, names };
  const schemaNames = typeNames(model);
  const declarations = new JoinedText('\n\n');
  for (const qualified of Object.keys(model.types).sort()) {
    const type = model.types[qualified]!;
    switch (type.kind) {
      case 'entity':
      case 'complex':
        for (const declaration of structuredTypeDeclarations(expressions, type)) {
          declarations.push(templates.render(`ts-types/${declaration.kind}.hbs`, declaration.view).trimEnd());
        }
        break;
      case 'enum': {
        const declaration = enumTypeDeclaration(type, schemaNames[qualified]!);
        declarations.push(templates.render(`ts-types/${declaration.kind}.hbs`, declaration.view).trimEnd());
        break;
      }
      case 'typeDefinition':
        declarations.push(templates.render('ts-types/alias.hbs', typeDefinitionDeclaration(expressions, type, schemaNames[qualified]!)).trimEnd());
        break;
      default:
        throw new Error(`internal: unhandled type kind ${(type satisfies never as { kind: string }).kind}`);
    }
  }
  const view: TypesFileView = {
    source: headerSource(model),
    names: { ...names.helpers, collection: names.collection, error: names.error },
    countType: options.ieee754Compatible ? 'string' : 'number',
    // Joined here rather than by an `each` in the template: one concatenation of ~6 MB for Graph.
    body: declarations.text(),
  };
  return templates.render('ts-types/types-file.hbs', view);
}
