import type { Goal, Network, Page } from '../types.js';
import { useApi } from '../use-api.js';
import { NETWORK_ROLES } from '../vocabulary.js';

/** Which goals (with relevance 1–5) and networks (with a role) the people being added are linked to. */
export interface LinkSelection {
  goals: { goalId: string; relevance: number }[];
  networks: { networkId: string; role: string | null }[];
}
export const NO_LINKS: LinkSelection = { goals: [], networks: [] };
const RELEVANCE_WORDS = ['', 'a little', 'somewhat', 'relevant', 'very', 'essential'];

/** The links as the quick-add API takes them. */
export function linksBody(links: LinkSelection) {
  return { goals: links.goals, networks: links.networks.map((n) => ({ networkId: n.networkId, role: n.role as (typeof NETWORK_ROLES)[number] | null })) };
}

/**
 * Link to goals and networks while adding: a box per active goal and per network,
 * with the relevance or role beside it once ticked. Empty lists say where to make one.
 */
export function LinkChoices({ value, onChange }: { value: LinkSelection; onChange: (next: LinkSelection) => void }) {
  const goals = useApi<Page<Goal>>('/api/goals?status=active');
  const networks = useApi<Page<Network>>('/api/networks');
  const goalLink = (id: string) => value.goals.find((g) => g.goalId === id);
  const networkLink = (id: string) => value.networks.find((n) => n.networkId === id);
  return (
    <div className="link-choices">
      <fieldset>
        <legend>Goals they serve</legend>
        {goals.data?.items.length === 0 && <p className="hint">No goal yet: add one on the Goals page to link people to it.</p>}
        {goals.data?.items.map((g) => {
          const link = goalLink(g.id);
          return (
            <div className="row link-row" key={g.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={!!link}
                  onChange={(e) => onChange({ ...value, goals: e.target.checked ? [...value.goals, { goalId: g.id, relevance: 4 }] : value.goals.filter((x) => x.goalId !== g.id) })}
                />{' '}
                {g.statement}
              </label>
              {link && (
                <label className="inline-label">
                  Relevance
                  <select value={link.relevance} onChange={(e) => onChange({ ...value, goals: value.goals.map((x) => (x.goalId === g.id ? { ...x, relevance: Number(e.target.value) } : x)) })}>
                    {[1, 2, 3, 4, 5].map((r) => (
                      <option key={r} value={r}>
                        {r} · {RELEVANCE_WORDS[r]}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Networks they belong to</legend>
        {networks.data?.items.length === 0 && <p className="hint">No network yet: add one on the Networks page to place people in it.</p>}
        {networks.data?.items.map((n) => {
          const link = networkLink(n.id);
          return (
            <div className="row link-row" key={n.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={!!link}
                  onChange={(e) => onChange({ ...value, networks: e.target.checked ? [...value.networks, { networkId: n.id, role: 'member' }] : value.networks.filter((x) => x.networkId !== n.id) })}
                />{' '}
                {n.name}
              </label>
              {link && (
                <label className="inline-label">
                  Their role
                  <select value={link.role ?? ''} onChange={(e) => onChange({ ...value, networks: value.networks.map((x) => (x.networkId === n.id ? { ...x, role: e.target.value || null } : x)) })}>
                    <option value="">not known</option>
                    {NETWORK_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r.replace(/-/g, ' ')}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
