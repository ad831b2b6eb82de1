import { useState, type FormEvent } from 'react';
import type { Schema } from '../api/client.js';
import { useShareLearned, useTeamGoals, useTeamGraph } from '../data/team.js';
import { errorText } from '../forms/error-text.js';

/**
 * "Share with team…" beside a learned line of the journal: one click opens a choice of
 * team and, optionally, the team's goals and a network it shares; sharing sends only the
 * learned words to the team's dance floor (POST /api/teams/{id}/dance-floor/learned),
 * never the exchange's people, notes, gifts or feelings.
 */
export function ShareLearned({ exchangeId, learned, teams }: { exchangeId: string; learned: string; teams: readonly Schema<'TeamSummary'>[] }) {
  const [open, setOpen] = useState(false);
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const share = useShareLearned();
  const goals = useTeamGoals(teamId, open && teamId !== '');
  const graph = useTeamGraph(teamId, open && teamId !== '');
  if (teams.length === 0) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const networkKey = String(data.get('network') ?? '');
    const body = { exchangeId, goalIds: data.getAll('goal').map(String), networkKey: networkKey || null };
    share.mutate(
      { teamId, body },
      {
        onSuccess: () => {
          setOpen(false);
          setDone(`Shared with ${teams.find((t) => t.id === teamId)?.name ?? 'the team'}: only what you learned.`);
        },
      },
    );
  };
  if (!open)
    return (
      <>
        <button type="button" className="link" aria-label={`Share with team: ${learned}`} onClick={() => (setOpen(true), setDone(null))}>
          Share with team…
        </button>
        {done && <span role="status"> {done}</span>}
      </>
    );
  return (
    <form aria-label={`Share with a team what you learned: ${learned}`} onSubmit={submit}>
      <p className="hint">Only these words go to the team's dance floor: “{learned}”. Not who you met, your notes, what was given or received, or how it felt.</p>
      <label>
        Team{' '}
        <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {goals.data && goals.data.length > 0 && (
        <fieldset>
          <legend>Tag to the team's goals (optional)</legend>
          {goals.data.map((g) => (
            <label key={g.id}>
              <input type="checkbox" name="goal" value={g.id} /> {g.statement}
            </label>
          ))}
        </fieldset>
      )}
      {graph.data && graph.data.networks.length > 0 && (
        <label>
          From the network (optional){' '}
          <select name="network" defaultValue="">
            <option value="">none</option>
            {graph.data.networks.map((n) => (
              <option key={n.key} value={n.key}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      )}{' '}
      <button type="submit">Share</button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {share.error && <p role="alert">{errorText(share.error)}</p>}
    </form>
  );
}
