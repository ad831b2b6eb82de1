import type { GoalNeedInput } from '../contract/inputs.js';
import { ValidationError } from '../core/errors.js';
import type { Goal, GoalNeed } from '../core/model.js';
import type { ServiceContext } from './context.js';
import { nameKey } from './keys.js';
import { pruneGoalLinkServes } from '../storage/links.js';

/**
 * A goal's needs as given (the whole list, in order) matched to the needs it has:
 * an id keeps a need (and the links that serve it) through a rename; a name alone
 * finds the need of that name, or makes a new one.
 */
export function reconcileNeeds(ctx: Pick<ServiceContext, 'ids'>, current: readonly GoalNeed[], input: readonly GoalNeedInput[]): GoalNeed[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  const byName = new Map(current.map((n) => [nameKey(n.name), n]));
  const seenNames = new Set<string>();
  const seenIds = new Set<string>();
  return input.map((given, i) => {
    const key = nameKey(given.name);
    if (seenNames.has(key)) throw new ValidationError(`needs.${i}.name`, `"${given.name}" is listed twice`);
    seenNames.add(key);
    let id: string;
    if (given.id !== undefined) {
      if (!byId.has(given.id)) throw new ValidationError(`needs.${i}.id`, `this goal has no need with the id "${given.id}"; leave the id out to add a need`);
      id = given.id;
    } else {
      id = byName.get(key)?.id ?? ctx.ids('need');
    }
    if (seenIds.has(id)) throw new ValidationError(`needs.${i}`, `"${given.name}" names the same need as another entry`);
    seenIds.add(id);
    return { id, name: given.name, essential: given.essential ?? byId.get(id)?.essential ?? byName.get(key)?.essential ?? false };
  });
}

/** The ids of the needs a link names, by id or by name (case and accents aside). */
export function resolveServes(goal: Goal, serves: readonly string[]): string[] {
  const ids: string[] = [];
  serves.forEach((ref, i) => {
    const need = goal.needs.find((n) => n.id === ref) ?? goal.needs.find((n) => nameKey(n.name) === nameKey(ref));
    if (!need) {
      const known = goal.needs.length ? `its needs are: ${goal.needs.map((n) => n.name).join(', ')}` : 'it has no needs yet (add them with waggle goal edit --need)';
      throw new ValidationError(`serves.${i}`, `"${ref}" is not a need of "${goal.statement}"; ${known}`);
    }
    if (!ids.includes(need.id)) ids.push(need.id);
  });
  return ids;
}

/** After a goal's needs change, links keep only the needs that still exist. */
export async function pruneServes(ctx: ServiceContext, goalId: string, needIds: ReadonlySet<string>): Promise<void> {
  await pruneGoalLinkServes(ctx.db, ctx.workspaceId, goalId, needIds);
}
