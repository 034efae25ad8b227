import { randomBytes } from 'node:crypto';
import { ensure, type SecretaryDoc, type TalentPerson } from '@yanzhen/domain';
import { readAll } from '../shared/read-all';
import { readDoc } from '../shared/cloud';
import type { ActionContext } from '../shared/action';

/**
 * Archive records as the talent function uses them: only the public facts (name, community, street), read
 * with a projection so that private fields (phone, ID number, address) never even reach this function.
 */
const PUBLIC_FIELDS = { name: true, community: true, street: true } as const;

type PublicSecretary = Pick<SecretaryDoc, '_id' | 'name' | 'community' | 'street'>;

const toPerson = (s: PublicSecretary): TalentPerson => ({ secretaryId: s._id, name: s.name, community: s.community, street: s.street });

export async function personOf(secretaryId: string): Promise<TalentPerson> {
  const found = await readDoc<PublicSecretary>('secretaries', secretaryId, PUBLIC_FIELDS);
  ensure(found, 'not-found', '找不到该书记档案');
  return toPerson({ ...found, _id: secretaryId });
}

export async function allPeople(): Promise<TalentPerson[]> {
  return (await readAll<PublicSecretary>('secretaries', {}, { field: PUBLIC_FIELDS })).map(toPerson);
}

export const isAdmin = (ctx: ActionContext): boolean => Boolean(ctx.profile?.roles.includes('admin'));

export const actor = (ctx: ActionContext): string => ctx.caller.openid as string;

/** Our own ids (known before the write, so a transaction can add and audit them together). */
export const newId = (prefix: string): string => `${prefix}-${randomBytes(8).toString('hex')}`;
