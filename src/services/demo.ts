import { buildDemoMap } from '../demo/demo-map.js';
import { ConflictError } from '../core/errors.js';
import { closeFollowUp, logExchange } from './exchanges.js';
import { inTransaction, today, type ServiceContext } from './context.js';
import { createGoal } from './goals.js';
import { addIntroduction } from './introductions.js';
import { addMember, linkNetworkToGoal, linkPeople, linkPersonToGoal } from './links.js';
import { createNetwork } from './networks.js';
import { createPerson, updatePerson } from './people.js';
import { updateProfile } from './workspace.js';
import { scrubAfterErase } from '../storage/erasure.js';
import { closeFollowUpRow } from '../storage/journal.js';
import { countWorkspaceRows, eraseWorkspaceRows } from '../storage/workspaces.js';

export interface DemoSummary {
  people: number;
  networks: number;
  goals: number;
  exchanges: number;
  introductions: number;
}

/** Erases everything in the workspace, in one transaction: the map, the journal, plans, templates, share links and what the profile says. */
export async function eraseWorkspace(ctx: ServiceContext): Promise<void> {
  await inTransaction(ctx, (trx) => eraseWorkspaceRows(trx.db, trx.workspaceId));
  // After the commit: the erased bytes leave the log (SQLite) or the dead tuples (PostgreSQL).
  await scrubAfterErase(ctx.db, { kind: 'workspace' });
}

/**
 * Loads the sample map (a clinician moving into research) through the same
 * services a user's own entries go through, in one transaction. Refuses to mix
 * it into an existing map unless asked to replace it.
 */
export async function loadDemo(ctx: ServiceContext, options: { replace?: boolean } = {}): Promise<DemoSummary> {
  const map = buildDemoMap(today(ctx));
  const summary = await inTransaction(ctx, async (trx) => {
    const existing = await countWorkspaceRows(trx.db, trx.workspaceId, ['people', 'goals']);
    if (existing.some(({ count }) => count > 0)) {
      if (!options.replace) throw new ConflictError('This map already has data; the demo would mix with it. Use a new data folder (--data DIR), or replace everything with --replace.');
      await eraseWorkspace(trx);
    }
    await updateProfile(trx, { name: map.profile.name, workingOn: map.profile.workingOn });
    const goalIds = new Map<string, string>();
    for (const goal of map.goals) {
      const { key, ...input } = goal;
      goalIds.set(key, (await createGoal(trx, input)).id);
    }
    const networkIds = new Map<string, string>();
    for (const network of map.networks) {
      const { key, ...input } = network;
      networkIds.set(key, (await createNetwork(trx, input)).id);
    }
    const personIds = new Map<string, string>();
    for (const person of map.people) {
      const { key, nextContactOn, ...input } = person;
      const created = await createPerson(trx, { ...input, source: 'demo' });
      personIds.set(key, created.id);
      if (nextContactOn) await updatePerson(trx, created.id, { nextContactOn });
    }
    const id = (ids: Map<string, string>, key: string) => {
      const found = ids.get(key);
      if (!found) throw new Error(`demo map refers to an unknown key: ${key}`);
      return found;
    };
    for (const m of map.memberships) await addMember(trx, id(networkIds, m.network), id(personIds, m.person), { role: m.role });
    for (const l of map.goalLinks) {
      if (l.kind === 'person') await linkPersonToGoal(trx, id(personIds, l.target), id(goalIds, l.goal), { relevance: l.relevance, note: l.note, serves: l.serves });
      else await linkNetworkToGoal(trx, id(networkIds, l.target), id(goalIds, l.goal), { relevance: l.relevance, note: l.note, serves: l.serves });
    }
    for (const t of map.ties) await linkPeople(trx, id(personIds, t.a), id(personIds, t.b), { strength: t.strength, note: t.note });
    const sorted = [...map.exchanges].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
    for (const e of sorted) {
      const logged = await logExchange(trx, {
        occurredOn: e.occurredOn,
        channel: e.channel,
        initiatedBy: e.initiatedBy,
        personIds: e.people.map((p) => id(personIds, p)),
        networkId: e.network ? id(networkIds, e.network) : null,
        gave: e.gave,
        received: e.received,
        learned: e.learned,
        feeling: e.feeling,
        notes: e.notes,
        followUps: e.followUps.map((f) => ({ kind: f.kind, description: f.description, dueOn: f.dueOn })),
      });
      for (const [i, f] of e.followUps.entries()) {
        const stored = logged.followUps[i];
        if (stored && f.status !== 'open') {
          // Closed on the day the demo says, when it says one; else today, as by hand.
          if (f.closedOn) await closeFollowUpRow(trx.db, stored.id, f.status, f.closedOn);
          else await closeFollowUp(trx, stored.id, f.status);
        }
      }
    }
    for (const i of map.introductions) {
      await addIntroduction(trx, { byId: i.by ? id(personIds, i.by) : null, personId: id(personIds, i.person), toId: i.to ? id(personIds, i.to) : null, madeOn: i.madeOn, note: i.note });
    }
    // The demo's stages and hand-set dates are as written, not as logging moved them.
    for (const person of map.people) {
      await updatePerson(trx, id(personIds, person.key), { stage: person.stage, ...(person.nextContactOn ? { nextContactOn: person.nextContactOn } : {}) });
    }
    return { people: map.people.length, networks: map.networks.length, goals: map.goals.length, exchanges: map.exchanges.length, introductions: map.introductions.length };
  });
  // A replaced map was erased inside the transaction; scrub what it left once committed.
  if (options.replace) await scrubAfterErase(ctx.db, { kind: 'workspace' });
  return summary;
}
