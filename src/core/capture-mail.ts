import { emailKey, type CapturedActivity, type Participant } from './capture.js';
import { dayFinder } from './dates.js';

/**
 * A mailbox's headers become activities: one per thread and day (in the user's
 * time zone), whoever wrote first that day started it. Only headers are read
 * (From, To, Cc, Date, Message-ID, In-Reply-To, References): never a body.
 */

export interface MailHeaders {
  /** The line of the message's "From " separator. */
  line: number;
  messageId: string | null;
  /** Gmail's thread id (X-GM-THRID), when the export has it. */
  threadId: string | null;
  references: string[];
  inReplyTo: string | null;
  /** Milliseconds since the epoch; null when the Date header is missing or unreadable. */
  sentAt: number | null;
  from: Participant | null;
  to: Participant[];
  cc: Participant[];
}

/** The thread a message belongs to: Gmail's id, else the first of its references (the thread's root), else what it replies to, else itself. */
export function threadOf(message: MailHeaders): string {
  if (message.threadId) return `gm:${message.threadId}`;
  const root = message.references[0] ?? message.inReplyTo ?? message.messageId;
  return root ? `id:${root.toLowerCase()}` : `line:${message.line}`;
}

export function mailActivities(messages: Iterable<MailHeaders>, ownEmails: readonly string[], timeZone: string): { activities: CapturedActivity[]; undated: number[] } {
  const dayOf = dayFinder(timeZone);
  const mine = new Set(ownEmails.map(emailKey));
  const isMine = (p: Participant | null) => p?.email != null && mine.has(emailKey(p.email));
  const groups = new Map<string, { first: MailHeaders; count: number; participants: Map<string, Participant> }>();
  const undated: number[] = [];
  for (const message of messages) {
    if (message.sentAt === null) {
      undated.push(message.line);
      continue;
    }
    const day = dayOf(message.sentAt);
    const key = `mail:${threadOf(message)}|${day}`;
    let group = groups.get(key);
    if (!group) {
      group = { first: message, count: 0, participants: new Map() };
      groups.set(key, group);
    } else if (message.sentAt < group.first.sentAt!) group.first = message;
    group.count += 1;
    for (const p of [message.from, ...message.to, ...message.cc]) {
      if (!p || isMine(p)) continue;
      const id = p.email ? emailKey(p.email) : `name:${p.name ?? ''}`;
      if (!group.participants.has(id)) group.participants.set(id, p);
    }
  }
  const activities: CapturedActivity[] = [];
  for (const [sourceKey, group] of groups) {
    const startedByMe = isMine(group.first.from);
    activities.push({
      sourceKey,
      line: group.first.line,
      occurredOn: dayOf(group.first.sentAt!),
      channel: 'email',
      channelReason: `${group.count} message${group.count === 1 ? '' : 's'} in the thread that day`,
      initiatedBy: startedByMe ? 'me' : 'them',
      note: null,
      participants: [...group.participants.values()],
    });
  }
  return { activities, undated };
}
