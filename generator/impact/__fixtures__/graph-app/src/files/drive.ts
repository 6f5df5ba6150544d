import { graph } from '../graph.js';

export async function quotaLeft(): Promise<number> {
  const drive = await graph.me.drive.get({ $select: ['quota'] });
  return drive.quota?.remaining ?? 0;
}

export async function driveName(): Promise<string> {
  const drive = await graph.me.drive.get();
  return drive.name ?? 'OneDrive';
}
