import { graph } from '../graph.js';

/** Shows an extension attribute on everyone's profile card. */
export async function showAttribute(attribute: string, label: string): Promise<void> {
  await graph.admin.people.profileCardProperties.post({
    directoryPropertyName: attribute,
    annotations: [{ displayName: label, localizations: [] }],
  });
}
