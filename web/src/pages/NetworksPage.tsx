import type { Network, Page } from '../types.js';
import { useApi } from '../use-api.js';

interface NetworkDetail {
  network: Network;
  members: { id: string; name: string; role: string | null }[];
  goals: { goal: { id: string; statement: string }; relevance: number }[];
}

/** Networks: the groups you belong to or want to join, with your role, the hours they take and their people. */
export function NetworksPage() {
  const networks = useApi<Page<Network>>('/api/networks');
  if (networks.error) return <p role="alert">{networks.error}</p>;
  if (!networks.data) return <p>Loading…</p>;
  const hours = networks.data.items.reduce((sum, n) => sum + n.hoursPerMonth, 0);
  return (
    <section>
      <h1>Networks</h1>
      <p className="count">
        {networks.data.total} networks, {hours} hours a month in all
      </p>
      {networks.data.total === 0 && <p>No networks yet: add the professional bodies, groups and communities you belong to or want to join.</p>}
      <div className="grid">
        {networks.data.items.map((n) => (
          <NetworkCard key={n.id} network={n} />
        ))}
      </div>
    </section>
  );
}

function NetworkCard({ network }: { network: Network }) {
  const detail = useApi<NetworkDetail>(`/api/networks/${encodeURIComponent(network.id)}`);
  return (
    <article className="card">
      <h2>{network.name}</h2>
      <p className="why">
        {network.kind} · my role: {network.role} · strength {network.strength}/5 · importance {network.importance}/5 · {network.hoursPerMonth} h/month
      </p>
      {detail.data && detail.data.goals.length > 0 && <p className="why">Serves: {detail.data.goals.map((g) => g.goal.statement).join('; ')}</p>}
      {detail.data && <p>{detail.data.members.length} {detail.data.members.length === 1 ? 'person' : 'people'} in your map</p>}
    </article>
  );
}
