import type Sigma from 'sigma';
import type { Schema } from '../api/shapes.js';
import { RING_SPACING, ringLabel } from '../map-layout.js';
import { placeLabels, type LabelBox, type LabelCandidate } from './label-placement.js';

type Rings = Schema<'CheckMap'>['rings'];

const FONT_SIZE = 12;
const LINE = 15;
const RING_FONT = 'italic 11px system-ui, sans-serif';
const RING_LINE = 14;
const FONT = `${FONT_SIZE}px system-ui, -apple-system, "Segoe UI", sans-serif`;
/** Names below this drawn radius (pixels) wait for a closer zoom. */
const MIN_LABELLED_RADIUS = 1;
/** At most one name per this many square pixels of the view: the most important, and room to see the map. */
const AREA_PER_NAME = 9000;

/** The canvas a layer draws on, sized to the view (sigma sizes only the layers it made). */
function sized(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext('2d')!;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}

/** What a test (or a curious developer) can read back from the label layer: the boxes drawn last. */
export interface LabelLayer extends HTMLCanvasElement {
  labelBoxes?: LabelBox[];
}

/**
 * The map's two drawn layers beside sigma's: ring guides under the lines ("nearer
 * means stronger", each ring labelled by strength), and the names over the nodes,
 * placed without overlaps, most important first. Redrawn after each frame sigma draws.
 */
export function addOverlays(renderer: Sigma, rings: Rings): () => void {
  const ringCanvas = renderer.createCanvas('waggle-rings', { beforeLayer: 'edges' });
  const labelCanvas: LabelLayer = renderer.createCanvas('waggle-labels', { beforeLayer: 'hovers' });
  for (const c of [ringCanvas, labelCanvas]) c.style.pointerEvents = 'none';
  labelCanvas.dataset.testid = 'map-labels';
  const widths = new Map<string, number>();
  let moving = false;
  let restTimer: ReturnType<typeof setTimeout> | undefined;

  /** The guides, under the lines; returns where each ring's name goes (drawn with the names, above the nodes). */
  const drawRings = (width: number, height: number): LabelBox[] => {
    const context = sized(ringCanvas, width, height);
    const centre = renderer.graphToViewport({ x: 0, y: 0 });
    context.font = RING_FONT;
    context.setLineDash([4, 4]);
    context.strokeStyle = '#c4c4ce';
    context.lineWidth = 1;
    const names: LabelBox[] = [];
    for (const ring of rings) {
      const edge = renderer.graphToViewport({ x: ring.ring * RING_SPACING, y: 0 });
      const radius = Math.hypot(edge.x - centre.x, edge.y - centre.y);
      context.beginPath();
      context.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
      context.stroke();
      const text = ringLabel(ring);
      const w = context.measureText(text).width + 6;
      const box: LabelBox = { key: `ring-${ring.ring}`, text, x: centre.x - w / 2, y: centre.y - radius - RING_LINE / 2, width: w, height: RING_LINE, side: 'right' };
      if (box.x >= 0 && box.y >= 0 && box.x + w <= width && box.y + RING_LINE <= height) names.push(box);
    }
    return names;
  };

  const drawLabels = (width: number, height: number, ringNames: LabelBox[]) => {
    const context = sized(labelCanvas, width, height);
    context.textBaseline = 'middle';
    context.font = RING_FONT;
    for (const b of ringNames) {
      context.fillStyle = 'rgba(255,255,255,0.9)';
      context.fillRect(b.x, b.y, b.width, b.height);
      context.fillStyle = '#595966';
      context.fillText(b.text, b.x + 3, b.y + b.height / 2);
    }
    // While the view moves, the names wait for it to rest: placing thousands per frame costs frames.
    if (moving) {
      labelCanvas.labelBoxes = [];
      return;
    }
    context.font = FONT;
    labelCanvas.dataset.rings = String(ringNames.length);
    const graph = renderer.getGraph();
    const candidates: LabelCandidate[] = [];
    graph.forEachNode((node) => {
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) return;
      const radius = renderer.scaleSize(data.size);
      const forced = data.forceLabel || data.highlighted;
      if (radius < MIN_LABELLED_RADIUS && !forced) return;
      const at = renderer.framedGraphToViewport(data);
      candidates.push({ key: node, text: data.label, x: at.x, y: at.y, radius, priority: data.size, forced });
    });
    // Widths measured as names are tried, and kept: the same names are tried again on the next frame.
    const measure = (text: string) => {
      let w = widths.get(text);
      if (w === undefined) {
        w = context.measureText(text).width + 4;
        widths.set(text, w);
      }
      return w;
    };
    const boxes = placeLabels(candidates, { width, height }, LINE, Math.max(12, Math.floor((width * height) / AREA_PER_NAME)), ringNames, measure);
    for (const b of boxes) {
      context.fillStyle = 'rgba(255,255,255,0.85)';
      context.fillRect(b.x, b.y, b.width, b.height);
      context.fillStyle = '#1d1d1f';
      context.fillText(b.text, b.x + 2, b.y + b.height / 2);
    }
    labelCanvas.labelBoxes = boxes;
    labelCanvas.dataset.labels = String(boxes.length);
  };

  const draw = () => {
    const { width, height } = renderer.getDimensions();
    drawLabels(width, height, drawRings(width, height));
  };
  const onCameraMove = () => {
    moving = true;
    clearTimeout(restTimer);
    restTimer = setTimeout(() => {
      moving = false;
      draw();
    }, 120);
  };
  renderer.on('afterRender', draw);
  renderer.getCamera().on('updated', onCameraMove);
  // Sigma drew its first frame as it was made, before this layer listened: the rings and names join
  // that frame now rather than wait for sigma's next drawing.
  draw();
  return () => {
    clearTimeout(restTimer);
    renderer.off('afterRender', draw);
    renderer.getCamera().off('updated', onCameraMove);
  };
}
