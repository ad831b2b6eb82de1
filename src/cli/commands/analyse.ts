import { readFileSync, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { analyse, graphOfMap, parseMetrics, parseGraph, withLocality, type Analysis, type Graph, type NodeRow } from '../../core/graph/index.js';
import { checkNetwork } from '../../services/check.js';
import { emit, table } from '../output.js';
import { globals, withSession } from '../runtime.js';

interface AnalyseFlags {
  map?: boolean;
  csv?: boolean;
  metrics?: string;
  pivots?: string;
  exact?: boolean;
  seed?: string;
  top?: string;
}

const int = (flag: string, text: string | undefined, min: number): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new ValidationError(flag, `must be a whole number of at least ${min}`);
  return Number(text);
};

function readGraphFile(file: string): Graph {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ValidationError('FILE', `${file} is a folder, not a graph file`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file', file);
    throw new ValidationError('FILE', `cannot read ${file}: ${(error as Error).message}`);
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
    if (a.betweenness && !a.betweenness.exact) out.push(`Betweenness ${a.betweenness.statement}.`);
  }
  if (a.communities) {
    out.push('', `Clusters (Louvain, modularity ${a.communities.modularity.toFixed(4)}; ${a.communities.count} in all, singletons included)`);
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
  ['id', 'id'], ['label', 'label'], ['degree', 'degree'], ['strength', 'strength'], ['pagerank', 'pagerank'], ['betweenness', 'betweenness'],
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
    .description('network analysis of any graph (GEXF, GraphML, or a CSV/TSV edge list source,target[,weight]) or of your own map (--map): brokers, clusters, the most central, the isolated')
    .argument('[file]', 'the graph file')
    .option('--map', 'analyse your own map (you, people, networks and the ties between them)')
    .option('--csv', 'print the per-node metrics as CSV')
    .option('--metrics <list>', 'which per-node metrics, comma-separated: degree, strength, pagerank, betweenness, constraint, effective-size, core, community, component (default all)')
    .option('--pivots <k>', 'estimate betweenness from k sampled sources (default: exact on small graphs, else 100); the error bound is printed')
    .option('--exact', 'exact betweenness whatever the size (slow on large graphs)')
    .option('--seed <n>', 'seed for Louvain and the pivots (default 42)')
    .option('--top <n>', 'how many names each list shows (default 10)')
    .action(async (file: string | undefined, flags: AnalyseFlags, command: Command) => {
      const json = globals(command).json === true;
      if (flags.csv && json) throw new ValidationError('--csv', 'choose --csv or --json, not both');
      if (flags.map && file) throw new ValidationError('--map', 'give a file or --map, not both');
      if (!flags.map && !file) throw new ValidationError('FILE', 'name a graph file (GEXF, GraphML, CSV or TSV edge list), or use --map for your own map');
      const metrics = flags.metrics !== undefined ? parseMetrics(flags.metrics) : undefined;
      const pivots = int('--pivots', flags.pivots, 1);
      const seed = int('--seed', flags.seed, 0);
      const top = int('--top', flags.top, 1);
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
        ...(top !== undefined ? { top } : {}),
        ...(labels ? { labels } : {}),
        progress,
      });
      if (flags.csv) process.stdout.write(nodesCsv(analysis.nodes));
      else emit(json, analysis, () => summaryText(analysis, source));
    });
}
