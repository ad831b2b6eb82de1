import { useState } from 'react';
import { parseGraph } from '../../../src/codecs/graph/read.js';
import { analyse, type Analysis } from '../../../src/core/graph/index.js';

/** The largest graph file read in the browser; past it, use `waggle analyse` on the command line. */
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * Network analysis of any graph the user has (a survey's who-works-with-whom, a Gephi
 * file): read and analysed here in the browser by the graph engine, never sent to the
 * server. Brokers, clusters, the most central and the isolated, and every node's
 * measures as a CSV to download.
 */
export function AnalysePage() {
  const [result, setResult] = useState<{ name: string; analysis: Analysis } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setError(null);
    setResult(null);
    if (file.size > MAX_BYTES) {
      setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; the browser reads graphs up to ${MAX_BYTES / 1024 / 1024} MB. For larger ones: waggle analyse ${file.name}`);
      return;
    }
    setBusy(true);
    try {
      const graph = parseGraph(file.name, await file.text());
      setResult({ name: file.name, analysis: analyse(graph, {}) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Analyse a network</h1>
      <p className="sub">
        A GEXF or GraphML file, or an edge list (CSV or TSV: source, target and an optional weight). It is read in this browser and
        never leaves it.
      </p>
      <label>
        Graph file
        <input type="file" accept=".gexf,.graphml,.xml,.csv,.tsv,.txt" disabled={busy} onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
      </label>
      {busy && <p aria-live="polite">Analysing…</p>}
      {error && <p role="alert">{error}</p>}
      {result && <AnalysisView name={result.name} analysis={result.analysis} />}
    </section>
  );
}

function AnalysisView({ name, analysis: a }: { name: string; analysis: Analysis }) {
  const g = a.graph;
  const csv = () => {
    const columns = ['id', 'label', 'degree', 'strength', 'pagerank', 'betweenness', 'constraint', 'effectiveSize', 'core', 'community', 'component'] as const;
    const cell = (v: unknown) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const text = [columns.join(','), ...a.nodes.map((n) => columns.map((c) => cell(n[c])).join(','))].join('\n');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = `${name.replace(/\.[^.]+$/, '')}-metrics.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <>
      <p className="why" data-testid="analysis-summary">
        {name}: {g.nodes} nodes, {g.ties} ties, {g.components} {g.components === 1 ? 'part' : 'parts'} (the largest {g.largestComponent}), {g.isolated} isolated
        {g.selfLoopsDropped > 0 && `; ${g.selfLoopsDropped} self-loops left out`}
        {g.mergedDuplicates > 0 && `; ${g.mergedDuplicates} repeated ties merged`}.
      </p>
      {a.betweenness && !a.betweenness.exact && (
        <p className="sub">
          Betweenness sampled from {a.betweenness.pivots} of {g.nodes} nodes: every value is within ±{Math.round(a.betweenness.maxAbsoluteError)} of the exact one, with {Math.round(a.betweenness.confidence * 100)}% confidence.
        </p>
      )}
      <button type="button" className="secondary" onClick={csv}>
        Download every node's measures (CSV)
      </button>
      <section className="card">
        <h2>Brokers</h2>
        <p className="sub">Those who bridge the most (betweenness), with how constrained their ties are: low constraint is the broker's mark.</p>
        <ol>
          {a.brokers.map((b) => (
            <li key={b.id}>
              {b.label} <span className="who">betweenness {b.value.toFixed(4)}{b.constraint !== null && ` · constraint ${b.constraint.toFixed(2)}`}</span>
            </li>
          ))}
        </ol>
      </section>
      {a.communities && (
        <section className="card">
          <h2>
            Clusters <span className="count">({a.communities.count}, modularity {a.communities.modularity.toFixed(3)})</span>
          </h2>
          <ul className="list">
            {a.communities.clusters.map((c) => (
              <li key={c.community}>
                {c.size} {c.size === 1 ? 'member' : 'members'}: {c.members.join(', ')}
                {c.size > c.members.length && ' …'}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>Most central</h2>
        <ol>
          {a.central.map((c) => (
            <li key={c.id}>
              {c.label} <span className="who">PageRank {c.value.toFixed(4)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="card">
        <h2>
          Isolated <span className="count">({a.isolated.count})</span>
        </h2>
        <p>{a.isolated.count === 0 ? 'Everyone has at least one tie.' : a.isolated.names.join(', ') + (a.isolated.count > a.isolated.names.length ? ' …' : '')}</p>
      </section>
    </>
  );
}
