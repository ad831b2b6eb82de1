import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CapturePreview, CaptureResult, isCapture, type CaptureOutcome } from './CapturePreview';

interface Line {
  line: number;
  action: 'create' | 'merge' | 'skip';
  name: string | null;
  reason: string;
  possibleDuplicateOf?: string;
}
interface Outcome {
  format: string;
  dryRun: boolean;
  summary: { records: number; created: number; merged: number; skipped: number };
  lines: Line[];
  possibleDuplicates?: { line: number; name: string; of: string; ofName: string; reason: string }[];
  encoding?: { name: string; source: string; confidence: number | null };
  warnings?: { code: string; message: string; lines: number[] }[];
}

/** Encodings an older address book may be written in; detection picks one when left on "detect". */
const ENCODINGS: [string, string][] = [
  ['', 'detect'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Western European (Windows-1252)'],
  ['iso-8859-15', 'Western European (ISO-8859-15)'],
  ['windows-1250', 'Central European (Windows-1250)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['koi8-r', 'Cyrillic (KOI8-R)'],
  ['shift_jis', 'Japanese (Shift-JIS)'],
  ['euc-jp', 'Japanese (EUC-JP)'],
  ['gb18030', 'Chinese simplified (GB18030)'],
  ['big5', 'Chinese traditional (Big5)'],
  ['euc-kr', 'Korean (EUC-KR)'],
  ['utf-16le', 'UTF-16 LE'],
];

/** Import: choose a file, see what it would do line by line (or, for a calendar or mailbox, the exchanges it proposes), then commit it whole. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Outcome | CaptureOutcome | null>(null);
  const [result, setResult] = useState<Outcome | CaptureOutcome | null>(null);
  const [since, setSince] = useState('');
  const [includeAllDay, setIncludeAllDay] = useState(false);
  const [includePrivate, setIncludePrivate] = useState(false);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [show, setShow] = useState('');
  const [encoding, setEncoding] = useState('');
  const [error, setError] = useState<string | null>(null);

  const send = async (dryRun: boolean, skip: string[] = []): Promise<Outcome | CaptureOutcome | null> => {
    if (!file) return null;
    setError(null);
    setBusy(true);
    try {
      return await stream(file, dryRun, skip);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const stream = async (file: File, dryRun: boolean, skip: string[]): Promise<Outcome | CaptureOutcome | null> => {
    const query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name });
    if (encoding) query.set('encoding', encoding);
    if (since) query.set('since', since);
    if (includeAllDay) query.set('includeAllDay', 'true');
    if (includePrivate) query.set('includePrivate', 'true');
    if (skip.length) query.set('skip', skip.join(','));
    const response = await fetch(`/api/imports?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' },
      body: file,
    });
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? `The server answered ${response.status}`);
      return null;
    }
    // Progress lines, then the outcome (or an error), one JSON object a line.
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let outcome: Outcome | CaptureOutcome | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as { progress?: { phase: string; done: number; total: number }; outcome?: Outcome | CaptureOutcome; error?: { message: string } };
        if (event.progress) setProgress(event.progress);
        if (event.outcome) outcome = event.outcome;
        if (event.error) setError(event.error.message);
      }
    }
    return outcome;
  };
  const shown = preview && !isCapture(preview) ? preview.lines.filter((l) => !show || (show === 'duplicate' ? l.possibleDuplicateOf !== undefined : l.action === show)) : [];

  return (
    <section>
      <h1>Import contacts and capture the journal</h1>
      <p>LinkedIn’s Connections.csv, vCard (2.1, 3.0, 4.0), Google or Outlook CSV, or a Waggle backup. Or fill the journal: a calendar export (ICS), a mailbox (mbox, headers only) or LinkedIn’s whole data export (the ZIP) proposes exchanges with people on your map. You see what it would do first; nothing is stored until you say so, and a file that cannot be read whole is refused whole. Nothing leaves your machine.</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setResult(null);
          void send(true).then(setPreview);
        }}
      >
        <label>
          File
          <input type="file" accept=".csv,.vcf,.vcard,.json,.ics,.mbox,.zip,text/csv,text/vcard,text/calendar,application/json,application/mbox" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setPreview(null), setResult(null))} />
        </label>
        <label>
          Encoding
          <select value={encoding} onChange={(e) => (setEncoding(e.target.value), setPreview(null), setResult(null))}>
            {ENCODINGS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="capture-options">
          <legend>Calendars and mailboxes</legend>
          <label>
            From
            <input type="date" value={since} onChange={(e) => (setSince(e.target.value), setPreview(null), setResult(null))} aria-describedby="since-help" />
          </label>
          <span id="since-help" className="hint">
            (default: the last 12 months)
          </span>
          <label className="check">
            <input type="checkbox" checked={includeAllDay} onChange={(e) => (setIncludeAllDay(e.target.checked), setPreview(null), setResult(null))} /> all-day events
          </label>
          <label className="check">
            <input type="checkbox" checked={includePrivate} onChange={(e) => (setIncludePrivate(e.target.checked), setPreview(null), setResult(null))} /> private events
          </label>
        </fieldset>
        <button type="submit" disabled={!file || busy}>
          Preview
        </button>
      </form>
      {progress && (
        <p role="status" className="import-progress">
          <label>
            {progress.phase}: {progress.done} of {progress.total}
            <progress value={progress.done} max={Math.max(1, progress.total)} />
          </label>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {preview && !result && isCapture(preview) && <CapturePreview key={preview.proposals.map((p) => p.key).join()} preview={preview} busy={busy} onAccept={(skip) => void send(false, skip).then(setResult)} />}
      {result && isCapture(result) && <CaptureResult result={result} />}
      {preview && !result && !isCapture(preview) && (
        <section className="card">
          <h2>
            {preview.summary.records} records ({preview.format}): {preview.summary.created} new, {preview.summary.merged} merged, {preview.summary.skipped} skipped
          </h2>
          {preview.encoding && (
            <p>
              Read as {preview.encoding.name}
              {preview.encoding.source === 'given' ? ' (as chosen)' : preview.encoding.confidence !== null ? ` (detected, confidence ${preview.encoding.confidence}%)` : ''}. Names below are shown as they will be stored.
            </p>
          )}
          {(preview.warnings ?? []).map((w) => (
            <p key={w.code} role="alert" className="import-warning">
              Check before importing: {w.message}.
            </p>
          ))}
          {(preview.possibleDuplicates ?? []).length > 0 && (
            <details className="import-duplicates" open={(preview.possibleDuplicates ?? []).length <= 20}>
              <summary>
                {(preview.possibleDuplicates ?? []).length} possible duplicate{(preview.possibleDuplicates ?? []).length === 1 ? '' : 's'}: same name, different profile link, kept apart
              </summary>
              <ul>
                {(preview.possibleDuplicates ?? []).slice(0, 200).map((d) => (
                  <li key={d.line}>
                    Line {d.line}: {d.name}, like {d.of.startsWith('line ') ? d.of : `${d.ofName} in your map`}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <label className="inline-label">
            Show
            <select value={show} onChange={(e) => setShow(e.target.value)}>
              <option value="">every line</option>
              <option value="create">new people</option>
              <option value="merge">merged into someone</option>
              <option value="skip">skipped, with the reason</option>
              <option value="duplicate">possible duplicates</option>
            </select>
          </label>
          <div className="table-wrap">
          <table className="people">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">What happens</th>
                <th scope="col">Name</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 200).map((l) => (
                <tr key={l.line}>
                  <td>{l.line}</td>
                  <td>{l.action}</td>
                  <td>{l.name}</td>
                  <td>{l.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {shown.length > 200 && <p className="more">and {shown.length - 200} more lines</p>}
          <button type="button" disabled={busy} onClick={() => void send(false).then(setResult)}>
            Import {preview.summary.created + preview.summary.merged} records
          </button>
        </section>
      )}
      {result && !isCapture(result) && (
        <p role="status">
          Imported: {result.summary.created} new, {result.summary.merged} merged, {result.summary.skipped} skipped. <Link to="/people?sort=added">See the newest people</Link>, then judge them: imported people arrive dormant, with strength and importance 0.
        </p>
      )}
    </section>
  );
}
