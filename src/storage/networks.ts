import type { Selectable } from 'kysely';
import type { Network } from '../core/model.js';
import type { NetworkKind, NetworkRole } from '../core/vocabulary.js';
import type { NetworksTable } from './schema.js';

/* The networks aggregate. The check constraints guarantee the closed sets; the casts restore what storage erased. */

export function toNetwork(row: Selectable<NetworksTable>): Network {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as NetworkKind,
    role: row.role as NetworkRole,
    strength: row.strength,
    importance: row.importance,
    hoursPerMonth: Number(row.hoursPerMonth),
    url: row.url,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
