import { typeNames } from '../naming.ts';
import type { Callable } from '../../model/types.ts';
import type { CallableIndex, CallableMember } from './callables.ts';
import { callableSignatures, memberKey, referenceMember, stepMember, verbMixins } from './members.ts';
import { streamMembers } from './stream-members.ts';
import type { PositionNode } from './tree.ts';
import { RUNTIME_NAMESPACE as R, type TypeTextContext } from './type-text.ts';

/**
 * The position tree as interfaces, shared wherever positions are equivalent: a position's
 * interface is identified by its type, verbs, members and (recursively) its children's
 * interfaces, so `/me/...` and `/users/{id}/...` share theirs when their subtrees match.
 * The callables of a position form their own interface (`UserOperations`), shared by every
 * position of that type, whatever its depth. Interfaces are named after the addressed type
 * (`UserItem`, `UserCollection`; deeper variants `UserItem2`...), shallowest first.
 */
export interface MemberView {
  doc: string;
  text: string;
}

export interface InterfaceView {
  doc: string;
  name: string;
  /** ` extends A, B` or ''. */
  heritage: string;
  members: MemberView[];
}

/** Names the generated file declares, imports or re-exports besides the builder interfaces (templates/request-builders/client.hbs). */
export const RESERVED_NAMES = [
  'Client',
  'createClient',
  'createRuntimeClient',
  'routes',
  'T',
  'R',
  'ClientOptions',
  'ODataPage',
  'ODataValue',
  'RequestOptions',
  'ValidateHook',
  'ODataRequestError',
  'ODataValidationError',
  'validatorHook',
];

interface Shape {
  id: number;
  baseName: string;
  heritage: string[];
  members: MemberView[];
  name?: string;
}

/** A reference to another shape inside text, replaced by its name once names are known. */
const reference = (id: number): string => `\u0000${id}\u0000`;

export function builderInterfaces(context: TypeTextContext, root: PositionNode, callables: CallableIndex): InterfaceView[] {
  const shapes = new Map<string, Shape>();
  const nodeShapes = new Map<PositionNode, { shape: Shape; group?: Shape }>();
  const names = typeNames(context.model);
  const intern = (signature: string, make: (id: number) => Shape): Shape => {
    let shape = shapes.get(signature);
    if (!shape) {
      shape = make(shapes.size);
      shapes.set(signature, shape);
    }
    return shape;
  };
  // A member's signatures, worked out once per distinct member (a bound callable is a member of
  // every position of its binding type; Graph has 3 300 callable members at its positions),
  // with an id per distinct text of them. A position's callables are told apart by these ids:
  // a text starts with its member's name, so the ids stand for the texts they replace.
  const memberSignatures = new Map<string, { id: number; signatures: MemberView[] }>();
  const signatureTexts = new Map<string, number>();
  const callableIds = new Map<Callable, number>();
  // Two ids per response type: single (even), collection (odd).
  const responseIds = new Map<string, number>();
  const overloadId = ({ callable, operation }: CallableMember['overloads'][number]): string => {
    let id = callableIds.get(callable);
    if (id === undefined) callableIds.set(callable, (id = callableIds.size));
    const response = operation.response;
    if (!response) return `${id}`;
    let base = responseIds.get(response.type);
    if (base === undefined) responseIds.set(response.type, (base = responseIds.size * 2));
    return `${id}.${base + (response.collection ? 1 : 0)}`;
  };
  const signaturesOf = (member: CallableMember): { id: number; signatures: MemberView[] } => {
    // What callableSignatures reads: the kind, each overload's callable and the type of its
    // response (as numbers), and the name, last since it may hold any character.
    const identity = `${member.kind}|${member.overloads.map(overloadId).join(',')}|${member.name}`;
    let entry = memberSignatures.get(identity);
    if (!entry) {
      const signatures = callableSignatures(context, member);
      const text = JSON.stringify(signatures);
      let id = signatureTexts.get(text);
      if (id === undefined) signatureTexts.set(text, (id = signatureTexts.size));
      entry = { id, signatures };
      memberSignatures.set(identity, entry);
    }
    return entry;
  };
  // Bottom-up: a shape's signature holds its children's shape ids.
  const visit = (node: PositionNode): Shape => {
    const members = [...node.children.values()].map((edge) => stepMember(context, node.type, edge.segment, reference(visit(edge.node).id)));
    if (node.references.length > 0) members.push(referenceMember(context, node.references, node.type));
    const heritage = verbMixins(context, node.operations);
    const callableMembers = callables.membersOf(node).map(signaturesOf);
    const signatures = callableMembers.flatMap((member) => member.signatures);
    const taken = () => new Set([...[...node.children.values()].flatMap((edge) => ('name' in edge.segment ? [memberKey(edge.segment.name)] : [])), ...callables.membersOf(node).map((member) => memberKey(member.name))]);
    members.push(...streamMembers(context, node, taken));
    const typeName = node.type === undefined ? 'Client' : (names[node.type] ?? 'Unknown');
    let group: Shape | undefined;
    if (node.type === undefined) {
      members.push(...signatures);
    } else if (signatures.length > 0) {
      const baseName = `${typeName}${node.collection ? 'Collection' : ''}Operations`;
      const texts = callableMembers.map((member) => member.id);
      group = intern(JSON.stringify(['operations', node.type, node.collection, texts]), (id) => ({ id, baseName, heritage: [], members: signatures }));
      heritage.push(reference(group.id));
    }
    const baseName = node.type === undefined ? 'Client' : `${typeName}${node.collection ? 'Collection' : 'Item'}`;
    // Texts without docs: a member's doc follows from the position's type and the member's text
    // (the description of the navigation or stream property it names), and the root, whose
    // callables' docs do not, is the only position without a type.
    const texts = members.map((member) => member.text);
    const shape = intern(JSON.stringify([node.type, node.collection, heritage, texts]), (id) => ({ id, baseName, heritage, members }));
    nodeShapes.set(node, group ? { shape, group } : { shape });
    return shape;
  };
  visit(root);
  return nameShapes(root, nodeShapes);
}

/**
 * Names shapes top-down (the client, then level by level in path order), so the shallowest
 * position of a type gets the plain name; then fills the names into the text.
 */
function nameShapes(root: PositionNode, nodeShapes: Map<PositionNode, { shape: Shape; group?: Shape }>): InterfaceView[] {
  const taken = new Set(RESERVED_NAMES.map((name) => name.toLowerCase()));
  const ordered: Shape[] = [];
  const byId = new Map<number, Shape>();
  const name = (shape: Shape): void => {
    if (shape.name !== undefined) return;
    shape.name = ordered.length === 0 ? 'Client' : claim(taken, shape.baseName);
    ordered.push(shape);
    byId.set(shape.id, shape);
  };
  // Breadth-first, so the shallowest position of a type (`/me`, `/users/{id}`) gets the plain name.
  for (let level = [root]; level.length > 0; level = level.flatMap((node) => [...node.children.values()].map((edge) => edge.node))) {
    for (const node of level) {
      const { shape, group } = nodeShapes.get(node)!;
      name(shape);
      if (group) name(group);
    }
  }
  const resolve = (text: string): string => text.replace(/\u0000(\d+)\u0000/g, (_, id: string) => byId.get(Number(id))!.name!);
  return ordered.map((shape, index) => {
    // The service root also sends batches (`client.$batch`, runtime/client/batch.ts).
    const heritage = [...(index === 0 ? [`${R}.Batching<${shape.name!}>`] : []), ...shape.heritage.map(resolve)];
    return {
      doc: index === 0 ? '/** The service root: entity sets, singletons and operation imports; `$batch` sends several requests in one. */\n' : '',
      name: shape.name!,
      heritage: heritage.length > 0 ? ` extends ${heritage.join(', ')}` : '',
      members: shape.members.map((member) => ({ doc: member.doc, text: resolve(member.text) })),
    };
  });
}

/** The shortest free spelling: `UserItem`, `UserItem2`... (case-insensitively, like file systems). */
function claim(taken: Set<string>, wanted: string): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
  taken.add(name.toLowerCase());
  return name;
}
