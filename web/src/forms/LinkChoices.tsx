import { useActiveGoals } from '../data/goals.js';
import { useNetworks } from '../data/networks.js';
import { NETWORK_ROLES, oneOf, spoken } from '../vocabulary.js';

type NetworkRole = (typeof NETWORK_ROLES)[number];

/** Which goals (with relevance 1–5) and networks (with a role) the people being added are linked to, as the quick-add API takes them. */
export interface LinkSelection {
  goals: { goalId: string; relevance: number }[];
  networks: { networkId: string; role: NetworkRole | null }[];
}
export const NO_LINKS: LinkSelection = { goals: [], networks: [] };
const RELEVANCE_WORDS = ['', 'a little', 'somewhat', 'relevant', 'very', 'essential'];
const RELEVANCE_OPTIONS = [1, 2, 3, 4, 5].map((r) => [String(r), `${r} · ${RELEVANCE_WORDS[r]}`] as const);
const ROLE_OPTIONS = [['', 'not known'] as const, ...NETWORK_ROLES.map((r) => [r, spoken(r)] as const)];

/**
 * Link to goals and networks while adding: a box per active goal and per network,
 * with the relevance or role beside it once ticked. Empty lists say where to make one.
 */
export function LinkChoices({ value, onChange }: { value: LinkSelection; onChange: (next: LinkSelection) => void }) {
  const goals = useActiveGoals();
  const networks = useNetworks();
  const relevanceOf = new Map(value.goals.map((g) => [g.goalId, String(g.relevance)]));
  const roleOf = new Map(value.networks.map((n) => [n.networkId, n.role ?? '']));
  return (
    <div className="link-choices">
      <TickWithDetail
        legend="Goals they serve"
        empty="No goal yet: add one on the Goals page to link people to it."
        items={goals.data?.items.map((g) => ({ id: g.id, name: g.statement }))}
        chosen={relevanceOf}
        detailLabel="Relevance"
        options={RELEVANCE_OPTIONS}
        onTick={(id, ticked) => onChange({ ...value, goals: ticked ? [...value.goals, { goalId: id, relevance: 4 }] : value.goals.filter((g) => g.goalId !== id) })}
        onDetail={(id, detail) => onChange({ ...value, goals: value.goals.map((g) => (g.goalId === id ? { ...g, relevance: Number(detail) } : g)) })}
      />
      <TickWithDetail
        legend="Networks they belong to"
        empty="No network yet: add one on the Networks page to place people in it."
        items={networks.data?.items}
        chosen={roleOf}
        detailLabel="Their role"
        options={ROLE_OPTIONS}
        onTick={(id, ticked) => onChange({ ...value, networks: ticked ? [...value.networks, { networkId: id, role: 'member' }] : value.networks.filter((n) => n.networkId !== id) })}
        onDetail={(id, detail) => onChange({ ...value, networks: value.networks.map((n) => (n.networkId === id ? { ...n, role: oneOf(NETWORK_ROLES, detail) ?? null } : n)) })}
      />
    </div>
  );
}

/** A box per item; once ticked, a choice beside it (the goal's relevance, the role in the network). `chosen` maps each ticked item to its choice. */
function TickWithDetail(props: {
  legend: string;
  empty: string;
  items: readonly { id: string; name: string }[] | undefined;
  chosen: ReadonlyMap<string, string>;
  detailLabel: string;
  options: readonly (readonly [string, string])[];
  onTick: (id: string, ticked: boolean) => void;
  onDetail: (id: string, detail: string) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.items?.length === 0 && <p className="hint">{props.empty}</p>}
      {props.items?.map((item) => {
        const detail = props.chosen.get(item.id);
        return (
          <div className="row link-row" key={item.id}>
            <label className="check">
              <input type="checkbox" checked={detail !== undefined} onChange={(e) => props.onTick(item.id, e.target.checked)} /> {item.name}
            </label>
            {detail !== undefined && (
              <label className="inline-label">
                {props.detailLabel}
                <select value={detail} onChange={(e) => props.onDetail(item.id, e.target.value)}>
                  {props.options.map(([v, words]) => (
                    <option key={v} value={v}>
                      {words}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
