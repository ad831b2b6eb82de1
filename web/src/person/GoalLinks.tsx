import { GoalLinksEditor } from '../forms/GoalLinksEditor.js';
import type { Schema } from '../api/client.js';

/** The goals a person serves, and how relevant they are (1–5). */
export function GoalLinks({ detail }: { detail: Schema<'PersonDetail'> }) {
  return (
    <section>
      <h2>Goals</h2>
      <GoalLinksEditor
        owner={{ kind: 'person', id: detail.person.id }}
        links={detail.goals}
        empty="Not linked to a goal yet. Linking says who matters for what, and the check reads it."
        defaultRelevance={4}
      />
    </section>
  );
}
