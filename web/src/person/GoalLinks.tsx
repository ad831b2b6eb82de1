import { GoalLinksEditor } from '../forms/GoalLinksEditor.js';
import type { PersonDetail } from './types.js';

/** The goals a person serves, and how relevant they are (1–5). */
export function GoalLinks({ detail, onChange }: { detail: PersonDetail; onChange: () => void }) {
  return (
    <section>
      <h2>Goals</h2>
      <GoalLinksEditor
        path={`/api/people/${encodeURIComponent(detail.person.id)}/goals`}
        links={detail.goals}
        empty="Not linked to a goal yet. Linking says who matters for what, and the check reads it."
        defaultRelevance={4}
        onChange={onChange}
      />
    </section>
  );
}
