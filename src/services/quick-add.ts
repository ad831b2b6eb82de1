import type { QuickAddInput } from '../contract/inputs.js';
import type { Person } from '../core/model.js';
import { inTransaction, type ServiceContext } from './context.js';
import { addMember, linkPersonToGoal } from './links.js';
import { createPerson } from './people.js';

/**
 * Adds people and links each to the given goals (with relevance) and networks (with a
 * role), all in one transaction: an unknown goal or network adds nobody.
 */
export async function quickAddPeople(ctx: ServiceContext, input: QuickAddInput): Promise<Person[]> {
  return inTransaction(ctx, async (trx) => {
    const added: Person[] = [];
    for (const person of input.people) {
      const saved = await createPerson(trx, person);
      for (const goal of input.goals) await linkPersonToGoal(trx, saved.id, goal.goalId, goal.relevance === undefined ? {} : { relevance: goal.relevance });
      for (const network of input.networks) await addMember(trx, network.networkId, saved.id, network.role === undefined ? {} : { role: network.role });
      added.push(saved);
    }
    return added;
  });
}
