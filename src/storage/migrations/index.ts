import type { Migration } from 'kysely';
import * as initial from './2026-11-22T0900-initial.js';
import * as rhythm from './2026-11-22T1400-rhythm.js';
import * as exchangeEffects from './2026-12-01T0400-exchange-effects.js';
import * as goalNeeds from './2026-12-01T1000-goal-needs.js';
import * as accounts from './2026-12-02T0900-accounts.js';
import * as readSpeed from './2026-12-03T1000-read-speed.js';
import * as capture from './2026-12-03T1200-capture.js';
import * as teams from './2026-12-03T1300-teams.js';
import * as outreachPurposes from './2026-12-03T1500-outreach-purposes.js';
import * as peopleSortName from './2026-12-03T1500-people-sort-name.js';
import * as personDates from './2026-12-03T1600-person-dates.js';
import * as outreachEverydayPurposes from './2026-12-04T1000-outreach-everyday-purposes.js';
import * as peopleFamilyName from './2026-12-04T1010-people-family-name.js';
import * as personPhotos from './2026-12-04T1020-person-photos.js';
import * as teamLearnedTags from './2026-12-04T1100-team-learned-tags.js';
import * as workspaceDataVersions from './2026-12-05T1000-workspace-data-versions.js';
import * as peopleSearch from './2026-12-06T1000-people-search.js';
import * as noSampledValues from './2026-12-06T1500-no-sampled-values.js';
import * as journalSummaryIndex from './2026-12-07T1200-journal-summary-index.js';
import * as searchMergedOnErase from './2026-12-10T1000-search-merged-on-erase.js';
import * as personJournalTotals from './2026-12-09T1300-person-journal-totals.js';
import * as dateOrdersIndexOnly from './2026-12-11T1000-date-orders-index-only.js';
import * as searchIndexRowidsOnly from './2026-12-12T1000-search-index-rowids-only.js';
import * as searchProfileHandles from './2026-12-13T1000-search-profile-handles.js';

/** Every migration, in order. A static list so that bundles carry them; never edit a shipped one. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0900-initial': initial,
  '2026-11-22T1400-rhythm': rhythm,
  '2026-12-01T0400-exchange-effects': exchangeEffects,
  '2026-12-01T1000-goal-needs': goalNeeds,
  '2026-12-02T0900-accounts': accounts,
  '2026-12-03T1000-read-speed': readSpeed,
  '2026-12-03T1200-capture': capture,
  '2026-12-03T1300-teams': teams,
  '2026-12-03T1500-outreach-purposes': outreachPurposes,
  '2026-12-03T1500-people-sort-name': peopleSortName,
  '2026-12-03T1600-person-dates': personDates,
  '2026-12-04T1000-outreach-everyday-purposes': outreachEverydayPurposes,
  '2026-12-04T1010-people-family-name': peopleFamilyName,
  '2026-12-04T1020-person-photos': personPhotos,
  '2026-12-04T1100-team-learned-tags': teamLearnedTags,
  '2026-12-05T1000-workspace-data-versions': workspaceDataVersions,
  '2026-12-06T1000-people-search': peopleSearch,
  '2026-12-06T1500-no-sampled-values': noSampledValues,
  '2026-12-07T1200-journal-summary-index': journalSummaryIndex,
  '2026-12-09T1300-person-journal-totals': personJournalTotals,
  '2026-12-10T1000-search-merged-on-erase': searchMergedOnErase,
  '2026-12-11T1000-date-orders-index-only': dateOrdersIndexOnly,
  '2026-12-12T1000-search-index-rowids-only': searchIndexRowidsOnly,
  '2026-12-13T1000-search-profile-handles': searchProfileHandles,
};
