import { datesOf } from './person-dates.js';
import { ValidationError } from '../core/errors.js';
import { graphFile } from './check.js';
import type { ServiceContext } from './context.js';
import type { Person } from '../core/model.js';
import { exportBackup } from './export/backup.js';
import { GEXF_VERSIONS, type GexfVersion } from '../codecs/graph/write.js';
import { peopleCsv } from '../codecs/csv/people-csv.js';
import { writeVcards } from '../codecs/vcard/write.js';
import { calendarIcs } from './ics.js';
import { getPerson, listPeople } from './people.js';
import { photosOf } from './photos.js';
import { nameKey } from './keys.js';

export const EXPORT_FORMATS = ['json', 'csv', 'vcard', 'gexf', 'graphml', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const VCARD_VERSIONS = ['4.0', '3.0'] as const;
export { GEXF_VERSIONS };

export interface ExportOptions {
  includeNotes?: boolean;
  vcardVersion?: string;
  /** 1.2draft (the default, read by Gephi and every networkx) or 1.3. */
  gexfVersion?: string;
}

/** Renders one export as text. Notes about people stay out unless asked for; the JSON backup has everything. */
export async function renderExport(ctx: ServiceContext, format: ExportFormat, flags: ExportOptions): Promise<string> {
  const includeNotes = flags.includeNotes === true;
  switch (format) {
    case 'json':
      return `${JSON.stringify(await exportBackup(ctx), null, 2)}\n`;
    case 'csv':
      return peopleCsv((await listPeople(ctx)).items, { includeNotes });
    case 'vcard':
      return vcardsOf(ctx, (await listPeople(ctx)).items, flags);
    case 'gexf': {
      const version = flags.gexfVersion ?? GEXF_VERSIONS[0];
      if (!(GEXF_VERSIONS as readonly string[]).includes(version)) throw new ValidationError('--gexf-version', `must be one of: ${GEXF_VERSIONS.join(', ')}`);
      return graphFile(ctx, 'gexf', version as GexfVersion);
    }
    case 'graphml':
      return graphFile(ctx, 'graphml');
    case 'ics':
      return calendarIcs(ctx, { includeNotes });
  }
}


async function vcardsOf(ctx: ServiceContext, people: Person[], flags: ExportOptions): Promise<string> {
  const version = flags.vcardVersion ?? '4.0';
  if (!(VCARD_VERSIONS as readonly string[]).includes(version)) throw new ValidationError('--vcard-version', `must be one of: ${VCARD_VERSIONS.join(', ')}`);
  const ids = people.map((p) => p.id);
  const [dates, photos] = await Promise.all([datesOf(ctx, ids), photosOf(ctx, ids)]);
  return writeVcards(people, version as (typeof VCARD_VERSIONS)[number], { includeNotes: flags.includeNotes === true, dates, photos });
}

/**
 * One person's vCard, to hand to a phone or an address book: the same card as the
 * whole export writes (notes only when asked for), and a file name from their name
 * in plain ASCII so that it sits safely in a Content-Disposition header. A person
 * of another workspace is not found, as every person route answers.
 */
export async function personVcard(ctx: ServiceContext, id: string, flags: ExportOptions): Promise<{ text: string; file: string }> {
  const person = await getPerson(ctx, id);
  const slug = nameKey(person.name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return { text: await vcardsOf(ctx, [person], flags), file: `${slug || 'person'}.vcf` };
}

/** The media type and file name each export is served with. */
export const EXPORT_MEDIA: Record<ExportFormat, { type: string; file: string }> = {
  json: { type: 'application/json', file: 'waggle-backup.json' },
  csv: { type: 'text/csv; charset=utf-8', file: 'waggle-people.csv' },
  vcard: { type: 'text/vcard; charset=utf-8', file: 'waggle-people.vcf' },
  gexf: { type: 'application/gexf+xml', file: 'waggle-map.gexf' },
  graphml: { type: 'application/graphml+xml', file: 'waggle-map.graphml' },
  ics: { type: 'text/calendar; charset=utf-8', file: 'waggle-reminders.ics' },
};
