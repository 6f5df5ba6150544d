import type { Emitter, EmitContext } from '../emitter.ts';
import { headerSource } from '../header.ts';
import { propertyKey, stringLiteral, typeName } from '../naming.ts';
import { inputTypeNames } from '../ts-types/names.ts';
import { isStructured } from '../../model/queries.ts';
import { acceptorsSource } from './acceptors-source.ts';
import { buildValidationTable } from './build-table.ts';
import { validationRuntimeFiles } from './runtime-files.ts';
import { tableSourceLines } from './table-source.ts';
import type { ValidationTable } from '../../runtime/validation/index.ts';

/**
 * The `validators` emitter: `validators.gen.ts` (the validation table, the engine over it,
 * and one typed entry point per entity and complex type) plus the runtime it imports.
 */
export const VALIDATORS_FILE = 'validators.gen.ts';
/** Specialised code per structured type that settles valid values first (see runtime/validation/accept.ts). */
export const ACCEPTORS_FILE = 'acceptors.gen.ts';

export const validatorsEmitter: Emitter = {
  name: 'validators',
  emit: (context) => {
    const table = buildValidationTable(context.model, { ieee754Compatible: context.options.ieee754Compatible });
    // The acceptors make validation faster and the output larger (Graph v1.0: 2.6 MiB beside
    // the table's 1.6): `"validatorAcceptors": false` in the config leaves the table walk alone.
    const acceptors = context.options.validatorAcceptors !== false;
    return [
      { path: VALIDATORS_FILE, content: emitValidators(context, table, acceptors) },
      ...(acceptors ? [{ path: ACCEPTORS_FILE, content: emitAcceptors(context, table) }] : []),
      ...validationRuntimeFiles(),
    ];
  },
};

interface EntryView {
  key: string;
  read: string;
  create: string;
  update: string;
  qualifiedName: string;
}

function emitAcceptors(context: EmitContext, table: ValidationTable): string {
  const { lines, entries } = acceptorsSource(table);
  return context.templates.render('validators/acceptors.hbs', {
    source: headerSource(context.model),
    lines,
    entries: entries.map(([name, fn]) => ({ name, fn })),
  });
}

function emitValidators(context: EmitContext, table: ValidationTable, acceptors: boolean): string {
  const { model } = context;
  const names = inputTypeNames(model);
  const entries: EntryView[] = Object.keys(model.types)
    .filter((name) => isStructured(model.types[name]))
    .sort()
    .map((qualified) => {
      const name = typeName(model, qualified);
      return {
        key: propertyKey(name.charAt(0).toLowerCase() + name.slice(1)),
        read: name,
        create: names.create[qualified]!,
        update: names.update[qualified]!,
        qualifiedName: stringLiteral(qualified),
      };
    });
  return context.templates.render('validators/validators.hbs', {
    source: headerSource(model),
    acceptors,
    tableLines: tableSourceLines(table),
    collection: names.collection,
    entries,
  });
}

