import Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { LegendGroup, toggled } from '../map/LegendGroup.js';
import { NodeSquareProgram } from '../map/square-program.js';
import { queryError } from '../data/query-state.js';
import { useTeam, useTeamMap } from '../data/team.js';
import { layoutTeamMap, type TeamLegendEntry } from './team-map-layout.js';

const LEGEND_TITLES: Record<TeamLegendEntry['kind'], string> = { member: 'Members (the hubs)', network: 'Networks, by kind', person: 'People, by category' };

/**
 * The team map in WebGL (sigma.js over graphology), drawn like the personal map: members
 * as hubs, the networks and people they share around them. It reads /api/teams/{id}/map,
 * the same nodes and edges as the team's GEXF and GraphML, so it shows only what members
 * consented to share.
 */
export function TeamMapPage() {
  const { id = '' } = useParams();
  const team = useTeam(id);
  const map = useTeamMap(id);
  const { data } = map;
  const error = queryError(map);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hovered, setHovered] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => (data ? layoutTeamMap(data) : null), [data]);
  const visible = useMemo(() => (layout ? layout.nodes.filter((n) => !hidden.has(`${n.kind} ${n.group}`)) : []), [layout, hidden]);

  useEffect(() => {
    if (!data || !container.current) return;
    const graph = new Graph({ multi: true });
    for (const n of visible) graph.addNode(n.id, { x: n.x, y: -n.y, size: n.size, color: n.colour, label: n.label, kind: n.kind, type: n.kind === 'network' ? 'square' : 'point', forceLabel: n.kind === 'member' });
    data.edges.forEach((e, i) => {
      if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdgeWithKey(`e${i}`, e.source, e.target, { size: Math.max(0.5, e.weight / 2), color: '#d5d5dd' });
    });
    const renderer = new Sigma(graph, container.current, {
      defaultEdgeType: 'line',
      defaultNodeType: 'point',
      nodeProgramClasses: { point: NodePointProgram, square: NodeSquareProgram },
      labelRenderedSizeThreshold: 4,
    });
    // Hovering a node brings out its ties, as on the personal map.
    let focus: { node: string; neighbours: Set<string> } | null = null;
    renderer.setSetting('nodeReducer', (node, attributes) => (focus && node !== focus.node && !focus.neighbours.has(node) ? { ...attributes, color: '#e6e6ec', label: '' } : focus ? { ...attributes, forceLabel: true } : attributes));
    renderer.setSetting('edgeReducer', (edge, attributes) => (focus && !graph.extremities(edge).includes(focus.node) ? { ...attributes, hidden: true } : focus ? { ...attributes, color: '#8a8a99' } : attributes));
    renderer.on('enterNode', ({ node }) => {
      focus = { node, neighbours: new Set(graph.neighbors(node)) };
      const kind = String(graph.getNodeAttribute(node, 'kind'));
      const count = focus.neighbours.size;
      setHovered(`${String(graph.getNodeAttribute(node, 'label'))}: ${count} ${count === 1 ? 'tie' : 'ties'} on the team map${kind === 'member' ? ' (a member)' : ''}`);
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      focus = null;
      setHovered(null);
      renderer.refresh({ skipIndexation: true });
    });
    return () => renderer.kill();
  }, [data, visible]);

  if (error) return <p role="alert">{error}</p>;
  const members = layout?.nodes.filter((n) => n.kind === 'member').length ?? 0;
  const others = visible.length - visible.filter((n) => n.kind === 'member').length;
  return (
    <section>
      <h1>Team map{team.data ? `: ${team.data.name}` : ''}</h1>
      <p>
        <Link to={`/teams/${id}`}>Back to the team</Link>
      </p>
      <p className="hint" aria-live="polite">
        {hovered ?? 'Members are the hubs; around them, the networks (squares) and people (circles) they share with the team: only what each member chose to share. Nearer the hubs means more members reach it.'}
      </p>
      {!data ? (
        <p>Loading…</p>
      ) : (
        <>
          <div ref={container} className="map" data-testid="team-map" role="img" aria-label={`Team map of ${members} members and ${others} shared networks and people`} />
          {layout && (
            <div className="map-legend" data-testid="team-map-legend">
              <section aria-labelledby="team-legend-shapes">
                <h2 id="team-legend-shapes">Shapes</h2>
                <p className="shapes">
                  <span className="swatch" style={{ background: '#595966' }} aria-hidden="true" /> a member or a person · <span className="swatch square" style={{ background: '#595966' }} aria-hidden="true" /> a network · size: a network's reach in the team, a person's strongest tie
                </p>
              </section>
              {(['member', 'network', 'person'] as const).map((kind) => {
                const entries = layout.legend.filter((l) => l.kind === kind);
                if (entries.length === 0) return null;
                return (
                  <section key={kind} aria-label={`${LEGEND_TITLES[kind]}: press a group to hide or show it`}>
                    <h2>{LEGEND_TITLES[kind]}</h2>
                    <ul className="legend">
                      {entries.map((l) => {
                        const key = `${l.kind} ${l.group}`;
                        return <LegendGroup key={key} label={l.kind === 'member' ? 'member' : l.group.replace(/-/g, ' ')} colour={l.colour} count={l.count} square={kind === 'network'} shown={!hidden.has(key)} onToggle={() => setHidden((h) => toggled(h, key))} />;
                      })}
                    </ul>
                  </section>
                );
              })}
            </div>
          )}
        </>
      )}
    </section>
  );
}
