import { describe, expect, it } from 'vitest';
import { build } from '../../model/build/__fixtures__/edmx.ts';
import { indexCallables } from './callables.ts';
import { callableSignatures } from './members.ts';
import { buildPositionTree } from './tree.ts';

const { model } = build(`
<EntityType Name="person"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
<Action Name="hire" IsBound="true">
  <Parameter Name="bindingParameter" Type="t.person" />
  <Parameter Name="who" Type="t.person" />
  <Parameter Name="when" Type="Edm.DateTimeOffset" Nullable="false" />
</Action>
<Action Name="note" IsBound="true"><Parameter Name="bindingParameter" Type="t.person" /><Parameter Name="text" Type="Edm.String" /></Action>
<Function Name="find" IsBound="true"><Parameter Name="bindingParameter" Type="t.person" /><Parameter Name="q" Type="Edm.String" /><ReturnType Type="Edm.String" /></Function>
<EntityContainer Name="c"><EntitySet Name="people" EntityType="t.person" /></EntityContainer>`);

describe('callable parameters in the client types', () => {
  const tree = buildPositionTree(model);
  const member = [...tree.children.values()][0]!.node.children.get('k')!.node;
  const signatures = indexCallables(model, tree)
    .membersOf(member)
    .flatMap((callable) => callableSignatures({ model, options: { ieee754Compatible: false } }, callable).map((signature) => signature.text));

  it('lets a nullable action parameter be left out, and the body when all may be (OData JSON Format 4.0 section 17)', () => {
    expect(signatures).toEqual([
      'find(parameters: { q: string | null }, options?: R.CallOptions): Promise<R.ODataValue<string>>',
      'hire(body: { who?: T.PersonCreate | null; when: string }, options?: R.RequestOptions): Promise<void>',
      'note(body?: { text?: string | null }, options?: R.RequestOptions): Promise<void>',
    ]);
  });
});
