import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { typeNames } from '../emit/naming.ts';
import { inputTypeNames } from '../emit/ts-types/names.ts';
import { isStructured } from '../model/queries.ts';
import type { Model } from '../model/types.ts';

/**
 * The user's project compiles against the code generated from the OLD schema, so its symbols
 * are named by the old model. This maps each exported name of `types.gen.ts` back to the
 * schema element it stands for, with the emitter's own naming functions run on the old model
 * (docs/decisions/0007-impact-analysis-with-ts-morph.md): no parsing of doc comments, and
 * the same answer the emitter gave when it wrote the file.
 */
export type ShapeMode = 'read' | 'create' | 'update';

export interface GeneratedShape {
  qualifiedName: string;
  kind: 'structured' | 'enum' | 'typeDefinition';
  mode: ShapeMode;
}

export interface GeneratedCode {
  dir: string;
  typesFile: string;
  clientFile: string;
  validatorsFile: string;
  /** The client runtime's verb mixins (`get`, `post`...). */
  verbsFile: string;
  /** Exported name in types.gen.ts -> what it stands for. */
  shapes: Map<string, GeneratedShape>;
}

export const GENERATED_FILES = { types: 'types.gen.ts', client: 'client.gen.ts', validators: 'validators.gen.ts', verbs: 'runtime/client/verbs.ts' };

export function mapGeneratedCode(model: Model, dir: string): GeneratedCode {
  const absolute = resolve(dir);
  const names = typeNames(model);
  const inputs = inputTypeNames(model);
  const shapes = new Map<string, GeneratedShape>();
  for (const [qualifiedName, type] of Object.entries(model.types)) {
    const name = names[qualifiedName]!;
    if (type.kind === 'enum' || type.kind === 'typeDefinition') {
      shapes.set(name, { qualifiedName, kind: type.kind, mode: 'read' });
      continue;
    }
    if (!isStructured(type)) continue;
    const add = (table: Record<string, string>, mode: ShapeMode) => {
      const tsName = table[qualifiedName];
      if (tsName !== undefined) shapes.set(tsName, { qualifiedName, kind: 'structured', mode });
    };
    shapes.set(name, { qualifiedName, kind: 'structured', mode: 'read' });
    add(inputs.create, 'create');
    add(inputs.update, 'update');
    add(inputs.properties, 'read');
    add(inputs.createProperties, 'create');
    add(inputs.updateProperties, 'update');
  }
  return {
    dir: absolute,
    typesFile: join(absolute, GENERATED_FILES.types),
    clientFile: join(absolute, GENERATED_FILES.client),
    validatorsFile: join(absolute, GENERATED_FILES.validators),
    verbsFile: join(absolute, GENERATED_FILES.verbs),
    shapes,
  };
}

export function hasGeneratedTypes(dir: string): boolean {
  return existsSync(join(dir, GENERATED_FILES.types));
}
