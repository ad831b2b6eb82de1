import type { Selectable } from 'kysely';
import type { Exchange, FollowUp } from '../core/model.js';
import type { Channel, Feeling, FollowUpKind, FollowUpStatus, Initiator } from '../core/vocabulary.js';
import { parseJsonList } from './columns.js';
import type { ExchangesTable, FollowUpsTable } from './schema.js';

/* The journal aggregate: exchanges and their follow-ups. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toExchange(row: Selectable<ExchangesTable>, personIds: string[]): Exchange {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    channel: row.channel as Channel,
    initiatedBy: row.initiatedBy as Initiator,
    personIds,
    networkId: row.networkId,
    gave: parseJsonList(row.gave),
    received: parseJsonList(row.received),
    learned: row.learned,
    feeling: row.feeling as Feeling | null,
    notes: row.notes,
    createdAt: row.createdAt,
  };
}

export function toFollowUp(row: Selectable<FollowUpsTable>): FollowUp {
  return {
    id: row.id,
    exchangeId: row.exchangeId,
    personId: row.personId,
    kind: row.kind as FollowUpKind,
    description: row.description,
    dueOn: row.dueOn,
    status: row.status as FollowUpStatus,
    closedOn: row.closedOn,
    createdAt: row.createdAt,
  };
}
