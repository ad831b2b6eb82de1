import { emailKey, type CapturedActivity, type Participant } from './capture.js';
import { dayFinder, type IsoDate } from './dates.js';

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

/** Gathers messages into thread-days as they come, keeping none of them: a mailbox's size does not stay in memory. */
export class MailGrouper {
  private readonly dayOf: (ms: number) => IsoDate;
  private readonly mine: Set<string>;
  private readonly groups = new Map<string, { line: number; sentAt: number; fromMe: boolean; count: number; participants: Map<string, Participant> }>();
  /** The lines of the first thousand messages without a readable date, and how many there were. */
  readonly undated: number[] = [];
  undatedCount = 0;
  messages = 0;

  constructor(ownEmails: readonly string[], timeZone: string) {
    this.dayOf = dayFinder(timeZone);
    this.mine = new Set(ownEmails.map(emailKey));
  }

  private isMine(p: Participant | null): boolean {
    return p?.email != null && this.mine.has(emailKey(p.email));
  }

  add(message: MailHeaders): void {
    this.messages += 1;
    if (message.sentAt === null) {
      this.undatedCount += 1;
      if (this.undated.length < 1000) this.undated.push(message.line);
      return;
    }
    const key = `mail:${threadOf(message)}|${this.dayOf(message.sentAt)}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { line: message.line, sentAt: message.sentAt, fromMe: this.isMine(message.from), count: 0, participants: new Map() };
      this.groups.set(key, group);
    } else if (message.sentAt < group.sentAt) {
      group.line = message.line;
      group.sentAt = message.sentAt;
      group.fromMe = this.isMine(message.from);
    }
    group.count += 1;
    for (const p of [message.from, ...message.to, ...message.cc]) {
      if (!p || this.isMine(p)) continue;
      const id = p.email ? emailKey(p.email) : `name:${p.name ?? ''}`;
      if (!group.participants.has(id)) group.participants.set(id, p);
    }
  }

  finish(): CapturedActivity[] {
    const activities: CapturedActivity[] = [];
    for (const [sourceKey, group] of this.groups) {
      activities.push({
        sourceKey,
        line: group.line,
        occurredOn: this.dayOf(group.sentAt),
        channel: 'email',
        channelReason: `${group.count} message${group.count === 1 ? '' : 's'} in the thread that day`,
        initiatedBy: group.fromMe ? 'me' : 'them',
        note: null,
        participants: [...group.participants.values()],
      });
    }
    return activities;
  }
}

export function mailActivities(messages: Iterable<MailHeaders>, ownEmails: readonly string[], timeZone: string): { activities: CapturedActivity[]; undated: number[] } {
  const grouper = new MailGrouper(ownEmails, timeZone);
  for (const message of messages) grouper.add(message);
  return { activities: grouper.finish(), undated: grouper.undated };
}

/**
 * True when the text starts as an mbox does. Here, apart from the mbox reader, so
 * that telling a file's format does not load libmime (and its tables of Asian
 * charsets, a third of a second to build) on the main thread of every capture.
 */
export function looksLikeMbox(head: string): boolean {
  const body = head.replace(/^\uFEFF/, '').replace(/^(?:\r?\n)+/, '');
  return /^From \S+/.test(body) && /^(?:From|Return-Path|Received|Date|Message-ID|X-[\w-]+|Delivered-To|To|Subject|MIME-Version|Content-Type):/im.test(body.slice(0, 4096));
}
