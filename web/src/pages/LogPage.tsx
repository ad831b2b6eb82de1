import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PersonPicker } from '../forms/PersonPicker.js';
import { WordSelect } from '../forms/fields.js';
import { useFieldErrors } from '../forms/use-field-errors.js';
import { useNetworks } from '../data/networks.js';
import { usePersonDetail } from '../data/people.js';
import { useLogExchange } from '../data/journal.js';
import { CHANNELS, FEELINGS, GIVE_KINDS as GIVE, oneOf, RECEIVE_KINDS as RECEIVE } from '../vocabulary.js';

const INITIATORS = ['me', 'them', 'mutual'] as const;

/** The after-meeting prompt: quick to fill on a phone right after a coffee. */
export function LogPage() {
  const [params] = useSearchParams();
  const preset = usePersonDetail(params.get('person'));
  const log = useLogExchange();
  // Whom you met: one or several (a lunch with two colleagues is one exchange); the person the page was opened for comes first.
  const [chosen, setChosen] = useState<{ id: string; name: string }[] | null>(null);
  const who = chosen ?? (preset.data ? [{ id: preset.data.person.id, name: preset.data.person.name }] : []);
  const names = listOf(who.map((p) => p.name));
  const networks = useNetworks();
  const [form, setForm] = useState({ occurredOn: '', networkId: '', feeling: '', channel: 'coffee', initiatedBy: 'me', gave: '', gaveNote: '', received: '', receivedNote: '', learned: '', followUp: '', thankYou: true });
  const [done, setDone] = useState<string | null>(null);
  // Said before asking the server: nobody chosen yet.
  const [missing, setMissing] = useState<string | null>(null);
  // A refusal about the date (one after today) is shown by the date field; any other at the form's end.
  const errors = useFieldErrors(['occurredOn']);
  const set = (key: keyof typeof form, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async () => {
    if (who.length === 0) return setMissing('Choose whom you met first.');
    setMissing(null);
    errors.clear();
    try {
      // A thank-you for each person met, so that each can be closed on its own.
      const followUps = [...(form.thankYou ? who.map((p) => ({ kind: 'thank-you' as const, description: `Thank ${p.name}`, personId: p.id })) : []), ...(form.followUp.trim() ? [{ description: form.followUp.trim() }] : [])];
      const gave = oneOf(GIVE, form.gave);
      const received = oneOf(RECEIVE, form.received);
      const feeling = oneOf(FEELINGS, form.feeling);
      const result = await log.mutateAsync({
        personIds: who.map((p) => p.id),
        ...(form.occurredOn ? { occurredOn: form.occurredOn } : {}),
        ...(form.networkId ? { networkId: form.networkId } : {}),
        ...(feeling ? { feeling } : {}),
        channel: oneOf(CHANNELS, form.channel) ?? 'coffee',
        initiatedBy: oneOf(INITIATORS, form.initiatedBy) ?? 'me',
        gave: gave ? [{ kind: gave, note: form.gaveNote || null }] : [],
        received: received ? [{ kind: received, note: form.receivedNote || null }] : [],
        learned: form.learned || null,
        followUps,
      });
      setDone(`Logged: ${form.channel} with ${names} on ${result.exchange.occurredOn}.`);
    } catch (e) {
      errors.fail(e);
    }
  };

  if (done) {
    return (
      <section>
        <h1>Log an exchange</h1>
        <p role="status">{done}</p>
        <p>
          <Link to="/">Back to this month</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="log">
      <h1>Log an exchange</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>Whom did you meet?</legend>
          {who.length > 0 && (
            <ul className="list met" aria-label="People met">
              {who.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>{' '}
                  <button type="button" className="link" aria-label={`Remove ${p.name}`} onClick={() => setChosen(who.filter((x) => x.id !== p.id))}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <PersonPicker key={who.length} label={who.length === 0 ? 'Name' : 'Someone else there too?'} onPick={(p) => setChosen(who.some((x) => x.id === p.id) ? who : [...who, p])} />
        </fieldset>
        <div className="row">
          <label>
            When (empty: today)
            <input
              type="date"
              value={form.occurredOn}
              onChange={(e) => set('occurredOn', e.target.value)}
              {...errors.invalid('occurredOn')}
            />
          </label>
          {errors.message('occurredOn')}
          <label>
            How you met
            <select value={form.channel} onChange={(e) => set('channel', e.target.value)}>
              {CHANNELS.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Who started it
            <select value={form.initiatedBy} onChange={(e) => set('initiatedBy', e.target.value)}>
              <option value="me">me</option>
              <option value="them">them</option>
              <option value="mutual">both of us</option>
            </select>
          </label>
        </div>
        {(networks.data?.items.length ?? 0) > 0 && (
          <label>
            At a network’s event
            <select value={form.networkId} onChange={(e) => set('networkId', e.target.value)}>
              <option value="">no</option>
              {networks.data?.items.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <KindWithNote label="What did you give?" kinds={GIVE} kind={form.gave} note={form.gaveNote} onKind={(v) => set('gave', v)} onNote={(v) => set('gaveNote', v)} />
        <KindWithNote label="What did you get?" kinds={RECEIVE} kind={form.received} note={form.receivedNote} onKind={(v) => set('received', v)} onNote={(v) => set('receivedNote', v)} />
        <label>
          What did you learn?
          <textarea rows={3} value={form.learned} onChange={(e) => set('learned', e.target.value)} />
        </label>
        <label>
          Any follow-up? (due in a week)
          <input value={form.followUp} onChange={(e) => set('followUp', e.target.value)} />
        </label>
        <WordSelect label="How did it feel?" words={FEELINGS} value={form.feeling} onChange={(e) => set('feeling', e.target.value)} empty="rather not say" />
        <label className="check">
          <input type="checkbox" checked={form.thankYou} onChange={(e) => set('thankYou', e.target.checked)} /> Remind me to send a thank-you within two days
        </label>
        {(missing ?? errors.general) && <p role="alert">{missing ?? errors.general}</p>}
        <button type="submit">Log it</button>
      </form>
    </section>
  );
}

/** One side of the exchange: what kind of thing went across, and a note about it. */
function KindWithNote(props: { label: string; kinds: readonly string[]; kind: string; note: string; onKind: (value: string) => void; onNote: (value: string) => void }) {
  return (
    <div className="row">
      <label>
        {props.label}
        <select value={props.kind} onChange={(e) => props.onKind(e.target.value)}>
          <option value="">nothing this time</option>
          {props.kinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Note
        <input value={props.note} onChange={(e) => props.onNote(e.target.value)} />
      </label>
    </div>
  );
}

/** "Ana", "Ana and Rui", "Ana, Rui and Mia". */
function listOf(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
