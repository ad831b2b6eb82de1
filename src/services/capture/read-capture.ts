/**
 * The pure half of a capture: the file's bytes in (as they arrive), a plan out.
 * Runs in a worker thread (capture-worker.ts) so that a server keeps answering
 * while a mailbox of gigabytes is read.
 */
import { MailGrouper } from '../../core/capture-mail.js';
import { planCapture, type CaptureFormat, type CapturePerson, type CapturePlan, type CapturedActivity } from '../../core/capture.js';
import type { IsoDate } from '../../core/dates.js';
import { ImportFileError, type ImportWarning } from '../../core/import-types.js';
import { joinBytes } from '../../codecs/bytes.js';
import { readCalendar } from '../../codecs/ics/read-calendar.js';
import { linkedInActivities, unpackLinkedInArchive } from '../../codecs/linkedin/archive.js';
import { MboxHeaderReader } from '../../codecs/mail/mbox.js';

export interface CaptureReadOptions {
  format: CaptureFormat;
  /** The window's first day; earlier activities are not proposed. */
  from: IsoDate;
  today: IsoDate;
  nowMs: number;
  timeZone: string;
  ownEmails: string[];
  includeAllDay: boolean;
  includePrivate: boolean;
}

export interface CaptureJob {
  options: CaptureReadOptions;
  people: CapturePerson[];
  answered: [string, 'logged' | 'declined'][];
  journalDays: string[];
}

export interface CaptureRead {
  /** The plan; null for LinkedIn's archive, whose Connections.csv must be imported before its messages are matched. */
  plan: CapturePlan | null;
  /** For LinkedIn's archive: what to plan once Connections.csv is in. */
  activities?: CapturedActivity[];
  connections?: Uint8Array;
  /** What the file holds: events, messages or archive rows. */
  items: number;
  warnings: ImportWarning[];
}

export type ProgressSink = (done: number, total: number) => void;

/** Takes the file chunk by chunk; a mailbox is read as it comes, other formats once whole. */
export class CaptureReader {
  private readonly chunks: Uint8Array[] = [];
  private readonly mbox: MboxHeaderReader | null;
  private readonly grouper: MailGrouper | null;

  constructor(
    private readonly job: CaptureJob,
    private readonly progress: ProgressSink = () => undefined,
  ) {
    this.grouper = job.options.format === 'mbox' ? new MailGrouper(job.options.ownEmails, job.options.timeZone) : null;
    const grouper = this.grouper;
    this.mbox = grouper ? new MboxHeaderReader({ sink: (message) => grouper.add(message), onMessage: (count, bytes) => count % 1000 === 0 && this.progress(count, bytes) }) : null;
  }

  push(chunk: Uint8Array): void {
    if (this.job.options.format === 'mbox' && this.job.options.ownEmails.length === 0) {
      throw new ImportFileError(null, 'your own email addresses are not in your profile, so a mailbox cannot tell what you sent from what you received: add them first (waggle profile set --email you@example.org)');
    }
    if (this.mbox) this.mbox.push(chunk);
    else this.chunks.push(chunk);
  }

  finish(): CaptureRead {
    const { options } = this.job;
    const warnings: ImportWarning[] = [];
    let activities: CapturedActivity[];
    let items: number;
    if (this.mbox && this.grouper) {
      this.mbox.end();
      activities = this.grouper.finish();
      items = this.mbox.count;
      const undated = this.grouper.undated;
      if (undated.length) warnings.push({ code: 'unreadable-characters', message: `${this.grouper.undatedCount} message(s) have no readable Date header and were left out`, lines: undated.slice(0, 10) });
    } else if (options.format === 'linkedin-archive') {
      const entries = unpackLinkedInArchive(joinBytes(this.chunks));
      const archive = linkedInActivities(entries, options.timeZone);
      if (archive.undated.length) warnings.push({ code: 'unreadable-characters', message: `${archive.undated.length} row(s) have no readable date and were left out`, lines: archive.undated.slice(0, 10) });
      this.progress(archive.items, archive.items);
      return { plan: null, activities: archive.activities, ...(entries.connections ? { connections: entries.connections } : {}), items: archive.items, warnings };
    } else {
      const text = new TextDecoder('utf-8').decode(joinBytes(this.chunks));
      const calendar = readCalendar(text, { from: options.from, now: new Date(options.nowMs), timeZone: options.timeZone, ownEmails: options.ownEmails, includeAllDay: options.includeAllDay, includePrivate: options.includePrivate });
      activities = calendar.activities;
      items = calendar.events;
      if (calendar.truncatedSeries.length) warnings.push({ code: 'unreadable-characters', message: `${calendar.truncatedSeries.length} recurring event(s) repeat too often to expand in full; only their first occurrences were read`, lines: calendar.truncatedSeries.slice(0, 10) });
    }
    this.progress(items, items);
    const plan = planCapture(activities, this.job.people, { answered: new Map(this.job.answered), journalDays: new Set(this.job.journalDays) }, { today: options.today, from: options.from });
    return { plan, items, warnings };
  }
}
