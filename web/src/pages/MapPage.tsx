import Graph from 'graphology';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { analyse, graphOfMap, type NodeMetric } from '../../../src/core/graph/index.js';
import { layoutMap, mapSvg, ringLabel, type ColourBy } from '../map-layout.js';
import { rankMatches } from '../map/find.js';
import { LegendGroup, toggled } from '../map/LegendGroup.js';
import { addOverlays } from '../map/overlays.js';
import { MapSigma } from '../map/held-layers.js';
import { settleLayout, type SettledPositions } from '../map/settle-layout.js';
import { noHoverWhileDragged, restLayersWhileMoving } from '../map/moving-layers.js';
import { MAP_NODE_PROGRAMS } from '../map/square-program.js';
import { useMapView } from '../data/map.js';
import { queryError } from '../data/query-state.js';

type Lines = 'all' | 'others' | 'none';
/** What sizes the nodes: importance (the map's own), or a metric from the graph engine. */
type SizeBy = 'importance' | 'degree' | 'strength' | 'pagerank' | 'betweenness' | 'effective-size' | 'brokerage' | 'core';
const SIZE_METRIC: Record<Exclude<SizeBy, 'importance'>, { metric: NodeMetric; label: string }> = {
  degree: { metric: 'degree', label: 'number of ties' },
  strength: { metric: 'strength', label: 'strength of ties (sum)' },
  pagerank: { metric: 'pagerank', label: 'centrality (PageRank)' },
  betweenness: { metric: 'betweenness', label: 'bridging (betweenness)' },
  'effective-size': { metric: 'effective-size', label: 'effective size' },
  brokerage: { metric: 'constraint', label: 'brokerage (low constraint)' },
  core: { metric: 'core', label: 'core number' },
};
const MATCHES_SHOWN = 8;
const COLOUR_TITLES: Record<ColourBy, string> = { category: 'category', goal: 'the goal served', need: 'the need served', community: 'cluster' };

/** The ego network in WebGL (sigma.js over graphology): rings by strength, size by importance. */
export function MapPage() {
  const view = useMapView();
  const data = view.data;
  const error = queryError(view);
  const [colourBy, setColourBy] = useState<ColourBy>('category');
  const [sizeBy, setSizeBy] = useState<SizeBy>('importance');
  const [show, setShow] = useState<'all' | 'person' | 'network'>('all');
  const [search, setSearch] = useState('');
  const [minStrength, setMinStrength] = useState(0);
  const [linesChoice, setLinesChoice] = useState<Lines | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hovered, setHovered] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<MapSigma | null>(null);
  // The keys of the nodes Find matched, marked on the map.
  const found = useRef<ReadonlySet<string>>(new Set());
  // Where the settled layout put each node (the export draws what the screen shows).
  const [settled, setSettled] = useState<SettledPositions>(new Map());
  const navigate = useNavigate();

  // On a big map the lines from you to everyone only repeat what the rings say, and bury the rest.
  const lines: Lines = linesChoice ?? ((data?.map.nodes.length ?? 0) > 1000 ? 'others' : 'all');
  const edges = useMemo(() => (data ? data.map.edges.filter((e) => lines === 'all' || (lines === 'others' && e.source !== 'me' && e.target !== 'me')) : []), [data, lines]);
  // Clusters and metrics come from the graph engine, run here in the browser on the map's own graph,
  // built only once they are asked for (at 5,000 nodes it cost the first frame a tenth of its time).
  const usesEngine = colourBy === 'community' || sizeBy !== 'importance';
  const mapGraph = useMemo(() => (data && usesEngine ? graphOfMap(data.map) : null), [data, usesEngine]);
  const community = useMemo(() => {
    if (!mapGraph || colourBy !== 'community') return undefined;
    const { graph } = mapGraph;
    const result = analyse(graph, { metrics: ['community'] });
    return new Map(graph.ids.map((key, i) => [key, `cluster ${result.nodes[i]!.community! + 1}`]));
  }, [mapGraph, colourBy]);
  const scaled = useMemo(() => {
    if (!mapGraph || sizeBy === 'importance') return undefined;
    const { graph } = mapGraph;
    const { metric } = SIZE_METRIC[sizeBy];
    const key = metric === 'effective-size' ? 'effectiveSize' : metric;
    const rows = analyse(graph, { metrics: [metric] }).nodes;
    // Low constraint is the broker's mark: size by 1 − constraint. You, at the centre, are left out of the scale.
    const value = (i: number) => {
      const v = Number(rows[i]![key as keyof (typeof rows)[number]] ?? 0);
      return sizeBy === 'brokerage' ? (graph.offsets[i + 1]! > graph.offsets[i]! ? 1 - v : 0) : v;
    };
    let max = 0;
    graph.ids.forEach((id, i) => {
      if (id !== 'me') max = Math.max(max, value(i));
    });
    return new Map(graph.ids.map((id, i) => [id, max > 0 ? value(i) / max : 0]));
  }, [mapGraph, sizeBy]);
  // Once the engine is in use (clusters or a metric), hovering a node also tells its measures.
  const nodeMetrics = useMemo(() => {
    if (!mapGraph || (sizeBy === 'importance' && colourBy !== 'community')) return undefined;
    const { graph } = mapGraph;
    const rows = analyse(graph, { metrics: ['pagerank', 'constraint', 'effective-size', 'core'] }).nodes;
    return new Map(
      graph.ids.map((id, i) => {
        const r = rows[i]!;
        return [id, `PageRank ${(r.pagerank ?? 0).toFixed(4)} · constraint ${(r.constraint ?? 0).toFixed(2)} · effective size ${(r.effectiveSize ?? 0).toFixed(1)} · core ${r.core ?? 0}`];
      }),
    );
  }, [mapGraph, sizeBy, colourBy]);
  const metricsOfNode = useRef(nodeMetrics);
  // The hover handler, set up once per drawing, reads the latest measures through the ref.
  useEffect(() => {
    metricsOfNode.current = nodeMetrics;
  }, [nodeMetrics]);
  const layout = useMemo(
    () => (data ? layoutMap(data.map, colourBy, { ...(community ? { community } : {}), ...(scaled ? { scaled } : {}) }) : null),
    [data, colourBy, community, scaled],
  );
  const strengthOf = useMemo(() => new Map((data?.map.nodes ?? []).map((n) => [n.key, n.strength])), [data]);
  const lastExchangeOf = useMemo(() => new Map((data?.map.nodes ?? []).map((n) => [n.key, n.lastExchangeOn])), [data]);
  const visible = useMemo(
    () => (layout ? layout.nodes.filter((n) => n.kind === 'me' || ((show === 'all' || n.kind === show) && !hidden.has(n.group) && (strengthOf.get(n.key) ?? 0) >= minStrength)) : []),
    [layout, show, hidden, minStrength, strengthOf],
  );
  const goalNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const g of data?.goals ?? []) {
      names.set(g.id, g.statement);
      // A need is named with its goal, shortened: two goals may both need "funding".
      const short = g.statement.length > 32 ? `${g.statement.slice(0, 30)}…` : g.statement;
      for (const n of g.needs) names.set(`${g.id}/${n.id}`, `${n.name}${n.essential ? ' (essential)' : ''}: ${short}`);
    }
    return names;
  }, [data]);
  const groupName = (group: string) => goalNames.get(group) ?? group.replace(/-/g, ' ');
  const open = (kind: string, id: string | null) => {
    if (id && kind === 'person') void navigate(`/people/${id}`);
    if (id && kind === 'network') void navigate(`/networks/${id}`);
  };

  // Drawn in the commit that puts the map's box in the page, not in an effect after it: a passive
  // effect runs in a task of its own, often after the browser has painted the page without the map.
  useLayoutEffect(() => {
    if (!data || !layout || !container.current) return;
    // Replaced by a copy with the lines once the layout has settled (addEdges); the handlers below read the current one.
    let graph = new Graph({ multi: true });
    for (const n of visible) graph.addNode(n.key, { x: n.x, y: -n.y, size: n.size, color: n.colour, label: n.label, kind: n.kind, entityId: n.id, type: n.kind === 'network' ? 'square' : 'circle' });
    // The lines join once the layout has settled, not in the first frame: at 5,000 nodes there are
    // 4 lines to a node, each drawn at places the settling then moves on every frame; without them
    // the first frame and each frame of the settling process a fifth of the items. The rings alone
    // already say the tie's strength; the lines between others come a moment later, at rest.
    // The lines go into a copy of the graph, which sigma then takes whole: added one by one to the graph
    // it draws, sigma indexed each line and scheduled a refresh for it (22,000 at 5,000 people).
    const addEdges = () => {
      const withLines = graph.copy();
      for (const e of edges) {
        if (withLines.hasNode(e.source) && withLines.hasNode(e.target)) withLines.addEdgeWithKey(e.key, e.source, e.target, { size: 0.5, color: '#d5d5dd' });
      }
      graph = withLines;
      // The hovered node's layers too, if the pointer has not come yet: then, not as a drag begins.
      renderer.release('lines', 'hover');
      renderer.setGraph(withLines);
    };
    // With thousands of nodes, drawing every line and label on each frame of a drag is what
    // makes a map sluggish (measured: 4 frames a second at 5,300 nodes and 22,500 lines in
    // software WebGL); sigma can leave them out while the camera moves and draw them at rest.
    // Hovering a node brings out its ties: everything not connected to it fades, and a
    // few neighbours are named (all of yours, at the centre, would bury the map in labels).
    let focus: { node: string; neighbours: Set<string> } | null = null;
    const renderer = new MapSigma(graph, container.current, {
      // The reducers are given here, not set after: each setting set schedules sigma's whole work over
      // again (every node indexed and drawn anew) for the frame that should show the first drawing.
      // The names found are marked here too (sigma draws them above the rest), read from `found`.
      nodeReducer: (node, attributes) => {
        const marked = found.current.has(node) ? { ...attributes, highlighted: true } : attributes;
        return focus && node !== focus.node && !focus.neighbours.has(node) ? { ...marked, color: '#e6e6ec', label: '', zIndex: 0 } : focus ? { ...marked, zIndex: 1, forceLabel: focus.neighbours.size <= 40 } : marked;
      },
      edgeReducer: (edge, attributes) => {
        if (!focus) return attributes;
        return graph.source(edge) === focus.node || graph.target(edge) === focus.node ? { ...attributes, color: '#8a8a99', size: 1 } : { ...attributes, hidden: true };
      },
      renderEdgeLabels: false,
      // Names are placed by our own layer (map/overlays.ts): sigma's may overlap and run off the edge.
      renderLabels: false,
      defaultEdgeType: 'line',
      hideEdgesOnMove: true,

      // Round points instead of sigma's default circle quads: measured at 5,300 nodes in
      // software WebGL, dragging went from 13 to 51 frames a second.
      defaultNodeType: 'circle',
      nodeProgramClasses: MAP_NODE_PROGRAMS,
    });
    const removeOverlays = addOverlays(renderer, data.map.rings);
    // The layers a hovered node is drawn on are sized as the pointer comes over the map, before sigma can find a node under it.
    const box = container.current;
    const releaseHover = () => renderer.release('hover');
    box.addEventListener('pointerenter', releaseHover);
    const restoreLayers = restLayersWhileMoving(renderer);
    const restoreHover = noHoverWhileDragged(renderer);
    renderer.on('enterNode', ({ node }) => {
      // Not while dragging: re-colouring 5,000 nodes on every node the pointer crosses halves the frame rate.
      if (renderer.getMouseCaptor().isMouseDown) return;
      renderer.release('hover');
      focus = { node, neighbours: new Set(graph.neighbors(node)) };
      const measures = metricsOfNode.current?.get(node);
      setHovered(`${String(graph.getNodeAttribute(node, 'label'))}: ${focus.neighbours.size} ${focus.neighbours.size === 1 ? 'tie' : 'ties'} on the map${measures ? ` · ${measures}` : ''}`);
      renderer.refresh({ skipIndexation: true });
    });
    const unfocus = () => {
      if (focus === null) return;
      focus = null;
      setHovered(null);
      renderer.refresh({ skipIndexation: true, schedule: true });
    };
    // A drag that starts on a node keeps its ties brought out (the node moves with the pointer): the
    // pointer's leaving the canvas as the drag begins (map/moving-layers.ts) is not a leave. Sigma still
    // holds the node as hovered, so the first move after the release tells whether it is left.
    renderer.on('leaveNode', () => {
      if (!renderer.getMouseCaptor().isMouseDown) unfocus();
    });
    renderer.on('clickNode', ({ node }) => {
      open(graph.getNodeAttribute(node, 'kind') as string, graph.getNodeAttribute(node, 'entityId') as string | null);
    });
    sigma.current = renderer;
    // Drawn: now the layout settles off the main thread, the nodes moving round their rings.
    const stopSettling = settleLayout(renderer, visible, data.map.edges, (positions) => {
      addEdges();
      setSettled(positions);
    });
    return () => {
      stopSettling();
      box.removeEventListener('pointerenter', releaseHover);
      removeOverlays();
      restoreLayers();
      restoreHover();
      renderer.kill();
      sigma.current = null;
    };
    // `open` is left out on purpose: it only navigates, and redrawing the map for it would lose the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, layout, visible, edges]);

  // Find: every match ranked (the exact name first, then prefixes, then stronger ties, then the latest exchange), listed under the box.
  const matches = useMemo(
    () => (search.trim() === '' ? [] : rankMatches(visible.filter((n) => n.kind !== 'me').map((n) => ({ ...n, strength: strengthOf.get(n.key) ?? 0, importance: n.size, lastExchangeOn: lastExchangeOf.get(n.key) ?? null })), search)),
    [search, visible, strengthOf, lastExchangeOf],
  );
  // The best match stands out and the view goes to it; the other matches are marked too.
  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer) return;
    const now = new Set(matches.map((m) => m.item.key));
    const before = found.current;
    found.current = now;
    // Only the nodes marked or unmarked are drawn anew (the reducer reads `found`): marking through the
    // graph's attributes made sigma take every node through its reducer twice, and the find wait for it.
    const changed = [...now].filter((key) => !before.has(key));
    for (const key of before) if (!now.has(key)) changed.push(key);
    const graph = renderer.getGraph();
    const drawn = changed.filter((key) => graph.hasNode(key));
    // The marked nodes are drawn on the layers of the hovered one, sized now if the pointer has not been over the map.
    if (now.size > 0) renderer.release('hover');
    if (drawn.length > 0) renderer.refresh({ partialGraph: { nodes: drawn }, skipIndexation: true, schedule: true });
    const best = matches[0]?.item.key;
    if (best) {
      const position = renderer.getNodeDisplayData(best);
      if (position) void renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.35 }, { duration: 400 });
    }
  }, [matches]);

  const download = (name: string, href: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.click();
  };
  const shown = () => visible.map((n) => ({ ...n, ...settled.get(n.key) }));
  const exportSvg = () => {
    if (!data) return;
    const svg = mapSvg(shown(), edges, 'Waggle map', data.map.rings);
    download('waggle-map.svg', URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
  };
  const exportPng = () => {
    if (!data) return;
    const svg = mapSvg(shown(), edges, 'Waggle map', data.map.rings);
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600;
      canvas.height = 1600;
      canvas.getContext('2d')?.drawImage(image, 0, 0);
      download('waggle-map.png', canvas.toDataURL('image/png'));
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  };

  if (error) return <p role="alert">{error}</p>;
  return (
    <section>
      <h1>Map</h1>
      {data?.updating && (
        <p role="status" className="updating">
          Bringing in your latest changes…
        </p>
      )}
      <div className="filters">
        <label>
          Find
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              // Enter opens the best match: the map is usable without a mouse.
              const best = matches[0]?.item;
              if (e.key === 'Enter' && best) open(best.kind, best.id);
            }}
            aria-describedby="map-matches"
            placeholder="a name, then Enter to open"
          />
        </label>
        <label>
          Colour by
          <select value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)}>
            <option value="category">category</option>
            <option value="goal">goal</option>
            <option value="need">need</option>
            <option value="community">cluster (community)</option>
          </select>
        </label>
        <label>
          Size by
          <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeBy)}>
            <option value="importance">importance</option>
            {(Object.keys(SIZE_METRIC) as (keyof typeof SIZE_METRIC)[]).map((k) => (
              <option key={k} value={k}>
                {SIZE_METRIC[k].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show
          <select value={show} onChange={(e) => setShow(e.target.value as 'all' | 'person' | 'network')}>
            <option value="all">people and networks</option>
            <option value="person">people</option>
            <option value="network">networks</option>
          </select>
        </label>
        <label>
          Strength
          <select value={minStrength} onChange={(e) => setMinStrength(Number(e.target.value))}>
            <option value={0}>all</option>
            <option value={2}>strength 2 and up</option>
            <option value={3}>strength 3 and up</option>
            <option value={4}>strength 4 and up</option>
          </select>
        </label>
        <label>
          Lines
          <select value={lines} onChange={(e) => setLinesChoice(e.target.value as Lines)}>
            <option value="all">all ties</option>
            <option value="others">between others, not from me</option>
            <option value="none">none</option>
          </select>
        </label>
        <div className="actions">
          <button type="button" className="secondary" onClick={exportSvg}>
            Export SVG
          </button>
          <button type="button" className="secondary" onClick={exportPng}>
            Export PNG
          </button>
        </div>
      </div>
      <div id="map-matches" aria-live="polite">
        {search.trim() !== '' && (
          <div className="map-matches">
            {matches.length === 0 ? (
              <span className="hint">Nobody on the map matches "{search.trim()}".</span>
            ) : (
              <>
                <span className="hint">
                  {matches.length === 1 ? '1 match' : `${matches.length} matches`}
                  {matches.length > MATCHES_SHOWN ? `, the first ${MATCHES_SHOWN}` : ''}; Enter opens the first:
                </span>
                <ol aria-label="Matches" className="match-list">
                  {matches.slice(0, MATCHES_SHOWN).map(({ item }) => (
                    <li key={item.key}>
                      <button type="button" className="link" onClick={() => open(item.kind, item.id)}>
                        {item.label}
                      </button>{' '}
                      <span className="hint">strength {item.strength}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
        )}
      </div>
      <p className="hint" aria-live="polite">
        {hovered ??
          `You are at the centre; nearer means a stronger tie, larger means ${sizeBy === 'importance' ? 'more important' : `more ${SIZE_METRIC[sizeBy].label}`}. Click a person or network to open it; scroll or pinch to zoom.`}
      </p>
      <div ref={container} className="map" data-testid="map" role="img" aria-label={`Map of ${visible.length} people and networks around you, on rings by strength of tie`} />
      {data && layout && (
        <div className="map-legend" data-testid="map-legend">
          <section aria-labelledby="legend-rings">
            <h2 id="legend-rings">Nearer means stronger</h2>
            <ol className="ring-legend">
              {data.map.rings.map((r) => (
                <li key={r.ring}>
                  <span className="ring-swatch" style={{ width: `${0.5 + r.ring * 0.25}rem`, height: `${0.5 + r.ring * 0.25}rem` }} aria-hidden="true" /> ring {r.ring}: strength {ringLabel(r)}
                </li>
              ))}
            </ol>
            <p className="shapes">
              <span className="swatch" style={{ background: '#595966' }} aria-hidden="true" /> a person · <span className="swatch square" style={{ background: '#595966' }} aria-hidden="true" /> a network · size: {sizeBy === 'importance' ? 'importance' : SIZE_METRIC[sizeBy].label}
            </p>
          </section>
          {(['person', 'network', 'any'] as const).map((kind) => {
            const entries = layout.legend.filter((l) => l.kind === kind);
            if (entries.length === 0) return null;
            const title = kind === 'person' ? 'People, by category' : kind === 'network' ? 'Networks, by kind' : `Colour: ${COLOUR_TITLES[colourBy]}`;
            return (
              <section key={kind} aria-label={`${title}: press a group to hide or show it`}>
                <h2>{title}</h2>
                <ul className="legend">
                  {entries.map((l) => (
                    <LegendGroup key={l.group} label={groupName(l.group)} colour={l.colour} count={l.count} square={kind === 'network'} shown={!hidden.has(l.group)} onToggle={() => setHidden((h) => toggled(h, l.group))} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
