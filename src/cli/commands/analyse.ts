import { readFileSync, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { parseGraph } from '../../codecs/graph/read.js';
import { analyse, graphOfMap, introducers, parseMetrics, pathTo, shortestPaths, withLocality, type Analysis, type Graph, type NodeRow } from '../../core/graph/index.js';
import { checkNetwork } from '../../services/check.js';
import { emit, table } from '../output.js';
import { globals, withSession } from '../runtime.js';
import { about } from '../command-list.js';

interface AnalyseFlags {
  map?: boolean;
  csv?: boolean;
  metrics?: string;
  pivots?: string;
  exact?: boolean;
  seed?: string;
  resolution?: string;
  top?: string;
  reach?: string;
  from?: string;
}

/** A node by id, else by its label (case and accents aside); ambiguous labels are refused. */
function findNode(graph: Graph, labels: readonly string[], flag: string, ref: string): number {
  const byId = graph.ids.indexOf(ref);
  if (byId >= 0) return byId;
  const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const want = fold(ref);
  const hits: number[] = [];
  labels.forEach((label, i) => {
    if (fold(label) === want) hits.push(i);
  });
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw new ValidationError(flag, `"${ref}" names ${hits.length} nodes (${hits.slice(0, 5).map((i) => graph.ids[i]).join(', ')}); give the id`);
  throw new NotFoundError('node', ref);
}

export interface Reach {
  from: { id: string; label: string };
  to: { id: string; label: string };
  /** Common contacts, strongest first (by the weaker of the two ties). */
  introducers: { id: string; label: string; fromStrength: number; toStrength: number }[];
  /** One shortest path weighted by tie strength (a tie of strength w is 1/w long); empty when unreachable. */
  path: { id: string; label: string }[];
  length: number | null;
}

function reach(graph: Graph, labels: readonly string[], from: number, to: number): Reach {
  const node = (i: number) => ({ id: graph.ids[i]!, label: labels[i]! });
  const paths = shortestPaths(graph, from);
  const length = paths.distance[to]!;
  return {
    from: node(from),
    to: node(to),
    introducers: introducers(graph, from, to).map((x) => ({ ...node(x.via), fromStrength: x.fromStrength, toStrength: x.toStrength })),
    path: pathTo(paths, to).map(node),
    length: Number.isFinite(length) ? length : null,
  };
}

function reachText(r: Reach): string {
  const out: string[] = [];
  if (r.introducers.length === 0) out.push(`Nobody you both know joins ${r.from.label} and ${r.to.label}.`);
  else {
    out.push(`Who can introduce ${r.from.label} to ${r.to.label} (common contacts, strongest ties first):`);
    out.push(table(r.introducers, [
      { header: 'NAME', value: (x) => x.label },
      { header: `TIE TO ${r.from.label.toUpperCase()}`, value: (x) => x.fromStrength, align: 'right' },
      { header: `TIE TO ${r.to.label.toUpperCase()}`, value: (x) => x.toStrength, align: 'right' },
    ]));
  }
  out.push('', r.path.length === 0 ? `No path joins ${r.from.label} and ${r.to.label}.` : `Strongest path (${r.path.length - 1} step${r.path.length === 2 ? '' : 's'}): ${r.path.map((p) => p.label).join(' → ')}`);
  return out.join('\n');
}

const int = (flag: string, text: string | undefined, min: number): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new ValidationError(flag, `must be a whole number of at least ${min}`);
  return Number(text);
};

const positive = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new ValidationError(flag, `must be a number above 0 (for example 1.5), not "${text}"`);
  return value;
};

function readGraphFile(file: string): Graph {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ValidationError('FILE', `${file} is a folder, not a graph file`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file', file, { cause: error });
    throw new ValidationError('FILE', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseGraph(file, text);
}

const fmt = (v: number | undefined | null, digits = 4): string => (v === undefined || v === null ? '' : Number.isInteger(v) ? String(v) : v.toPrecision(digits));

function summaryText(a: Analysis, source: string): string {
  const g = a.graph;
  const out: string[] = [];
  out.push(`${source}: ${g.nodes} nodes, ${g.ties} ties, ${g.components} connected part${g.components === 1 ? '' : 's'} (largest ${g.largestComponent}), ${g.isolated} isolated`);
  if (g.selfLoopsDropped > 0) out.push(`${g.selfLoopsDropped} self-loop${g.selfLoopsDropped === 1 ? '' : 's'} left out (a tie to oneself counts for nothing here)`);
  if (g.mergedDuplicates > 0) out.push(`${g.mergedDuplicates} repeated tie${g.mergedDuplicates === 1 ? '' : 's'} merged (weights added)`);
  if (a.brokers.length > 0) {
    out.push('', 'Top brokers (betweenness: how many shortest paths run through them; low constraint = many separate groups)');
    out.push(table(a.brokers, [
      { header: 'NAME', value: (r) => r.label },
      { header: 'BETWEENNESS', value: (r) => fmt(r.value), align: 'right' },
      ...(a.brokers.some((r) => r.constraint !== null) ? [{ header: 'CONSTRAINT', value: (r: (typeof a.brokers)[number]) => fmt(r.constraint, 3), align: 'right' as const }] : []),
    ]));
    if (a.betweenness && !a.betweenness.exact) {
      out.push(`Betweenness ${a.betweenness.statement}.`);
      if (a.betweenness.largestStandardError !== null) out.push(`Typical error: the largest standard error of any node is ±${fmt(a.betweenness.largestStandardError, 3)}.`);
    }
  }
  if (a.communities) {
    out.push('', `Clusters (Louvain${a.communities.resolution === 1 ? '' : ` at resolution ${a.communities.resolution}`}, modularity ${a.communities.modularity.toFixed(4)}; ${a.communities.count} in all, singletons included)`);
    for (const c of a.communities.clusters) out.push(`  ${c.community + 1}. ${c.size} members: ${c.members.join(', ')}${c.size > c.members.length ? ', …' : ''}`);
  }
  if (a.central.length > 0) {
    out.push('', 'Most central (PageRank, weighted by tie strength)');
    out.push(table(a.central, [
      { header: 'NAME', value: (r) => r.label },
      { header: 'PAGERANK', value: (r) => fmt(r.value), align: 'right' },
    ]));
  }
  out.push('', a.isolated.count === 0 ? 'Isolated: none' : `Isolated (${a.isolated.count}): ${a.isolated.names.join(', ')}${a.isolated.count > a.isolated.names.length ? ', …' : ''}`);
  return out.join('\n');
}

const CSV_COLUMNS: [keyof NodeRow, string][] = [
  ['id', 'id'], ['label', 'label'], ['degree', 'degree'], ['strength', 'strength'], ['pagerank', 'pagerank'], ['betweenness', 'betweenness'], ['betweennessError', 'betweenness_error'],
  ['constraint', 'constraint'], ['effectiveSize', 'effective_size'], ['core', 'core'], ['community', 'community'], ['component', 'component'],
];

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function nodesCsv(rows: readonly NodeRow[]): string {
  const first = rows[0];
  const columns = CSV_COLUMNS.filter(([key]) => key === 'id' || key === 'label' || (first !== undefined && first[key] !== undefined));
  const lines = [columns.map(([, h]) => h).join(',')];
  for (const row of rows) lines.push(columns.map(([key]) => csvCell(row[key])).join(','));
  return `${lines.join('\n')}\n`;
}

export function registerAnalyse(program: Command): void {
  program
    .command('analyse')
    .alias('analyze')
    .description(about('analyse'))
    .argument('[file]', 'the graph file')
    .option('--map', 'analyse your own map (you, people, networks and the ties between them)')
    .option('--csv', 'print the per-node metrics as CSV')
    .option('--metrics <list>', 'which per-node metrics, comma-separated: degree, strength, pagerank, betweenness, constraint, effective-size, core, community, component (default all)')
    .option('--pivots <k>', 'estimate betweenness from k sampled sources (default: exact on small graphs, else 100); the error bound is printed')
    .option('--exact', 'exact betweenness whatever the size (slow on large graphs)')
    .option('--seed <n>', 'seed for Louvain and the pivots (default 42)')
    .option('--resolution <γ>', 'Louvain resolution (default 1); above 1 finds smaller clusters (departments rather than divisions), below 1 larger ones')
    .option('--top <n>', 'how many names each list shows (default 10)')
    .option('--reach <node>', 'who can introduce you (or --from) to this node, and the strongest path there (id or name)')
    .option('--from <node>', 'with --reach: from this node (default: you, on --map)')
    .action(async (file: string | undefined, flags: AnalyseFlags, command: Command) => {
      const json = globals(command).json === true;
      if (flags.csv && json) throw new ValidationError('--csv', 'choose --csv or --json, not both');
      if (flags.map && file) throw new ValidationError('--map', 'give a file or --map, not both');
      if (!flags.map && !file) throw new ValidationError('FILE', 'name a graph file (GEXF, GraphML, CSV or TSV edge list), or use --map for your own map');
      const metrics = flags.metrics !== undefined ? parseMetrics(flags.metrics) : undefined;
      const pivots = int('--pivots', flags.pivots, 1);
      const seed = int('--seed', flags.seed, 0);
      const top = int('--top', flags.top, 1);
      const resolution = positive('--resolution', flags.resolution);
      let graph: Graph;
      let labels: string[] | undefined;
      let source: string;
      if (flags.map) {
        ({ graph, labels } = await withSession(command, async (ctx) => graphOfMap((await checkNetwork(ctx)).map)));
        source = 'Your map';
      } else {
        graph = readGraphFile(file!);
        source = file!;
        // Large files rarely number their nodes with any locality: renumber for speed (results are by id, unchanged).
        if (graph.n > 10_000) graph = withLocality(graph);
      }
      if (flags.reach !== undefined) {
        const names = labels ?? graph.ids;
        if (flags.from === undefined && !flags.map) throw new ValidationError('--from', 'with --reach on a file, say from whom (--from NODE)');
        const from = flags.from === undefined ? graph.ids.indexOf('me') : findNode(graph, names, '--from', flags.from);
        const to = findNode(graph, names, '--reach', flags.reach);
        if (from === to) throw new ValidationError('--reach', 'is the node you start from');
        const result = reach(graph, names, from, to);
        emit(json, result, () => reachText(result));
        return;
      }
      if (flags.from !== undefined) throw new ValidationError('--from', 'goes with --reach');
      // A progress bar on stderr when betweenness will take a while (cli-progress draws only on a terminal).
      let bar: SingleBar | undefined;
      const progress = (step: string, done: number, total: number) => {
        if (!bar) {
          if (total * graph.m < 5e7) return;
          bar = new SingleBar({ stream: process.stderr, format: `${step} [{bar}] {percentage}% | {value}/{total} sources | ETA {eta}s`, hideCursor: true });
          bar.start(total, 0);
        }
        bar.update(done);
        if (done >= total) bar.stop();
      };
      const analysis = analyse(graph, {
        ...(metrics ? { metrics } : {}),
        ...(pivots !== undefined ? { pivots } : {}),
        ...(flags.exact ? { exact: true } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(resolution !== undefined ? { resolution } : {}),
        ...(top !== undefined ? { top } : {}),
        ...(labels ? { labels } : {}),
        progress,
      });
      if (flags.csv) process.stdout.write(nodesCsv(analysis.nodes));
      else emit(json, analysis, () => summaryText(analysis, source));
    });
}
