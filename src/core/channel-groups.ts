import { CONTACT_KINDS, type ContactKind } from './vocabulary.js';

/**
 * A person's channels fall in three groups, the way the command line names them:
 * emails (`--email`), phones (`--phone`) and web and social links (`--link`). An edit
 * that names a group replaces that group only.
 */
export const CHANNEL_GROUPS = ['emails', 'phones', 'links'] as const;
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number];

const LINK_KINDS = CONTACT_KINDS.filter((k): k is Exclude<ContactKind, 'email' | 'phone'> => k !== 'email' && k !== 'phone');

export const CHANNEL_GROUP_KINDS = {
  emails: ['email'],
  phones: ['phone'],
  links: LINK_KINDS as [Exclude<ContactKind, 'email' | 'phone'>, ...Exclude<ContactKind, 'email' | 'phone'>[]],
} as const satisfies Record<ChannelGroup, readonly [ContactKind, ...ContactKind[]]>;

export function channelGroupOf(kind: ContactKind): ChannelGroup {
  return kind === 'email' ? 'emails' : kind === 'phone' ? 'phones' : 'links';
}

/**
 * The channels after replacing the groups given: each replaced group takes the place
 * of its first channel (or goes last when it had none); the other channels stay as
 * they were, in their order.
 */
export function replaceChannelGroups<C extends { kind: ContactKind }>(current: readonly C[], groups: Partial<Record<ChannelGroup, readonly C[]>>): C[] {
  const result: C[] = [];
  const placed = new Set<ChannelGroup>();
  for (const channel of current) {
    const group = channelGroupOf(channel.kind);
    const replacement = groups[group];
    if (replacement === undefined) result.push(channel);
    else if (!placed.has(group)) {
      result.push(...replacement);
      placed.add(group);
    }
  }
  for (const group of CHANNEL_GROUPS) {
    const replacement = groups[group];
    if (replacement !== undefined && !placed.has(group)) result.push(...replacement);
  }
  return result;
}
