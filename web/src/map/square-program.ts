import type { RenderParams } from 'sigma/types';
import { NodePointProgram } from 'sigma/rendering';

/*
 * Networks as squares, people as circles: the shape says the kind without colour.
 * Sigma's point program with a square fragment shader and a dark edge, so that the
 * palette's lighter colours stay visible on white.
 */
const SQUARE_FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying float v_border;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
const vec4 edge = vec4(0.11, 0.11, 0.12, 1.0);

void main(void) {
  vec2 m = abs(gl_PointCoord - vec2(0.5, 0.5));
  // 0.42 rather than 0.5: a square of the same "size" as a circle looks larger, and touches its neighbours.
  float dist = 0.42 - max(m.x, m.y);

  #ifdef PICKING_MODE
  if (dist > 0.0)
    gl_FragColor = v_color;
  else
    gl_FragColor = transparent;
  #else
  if (dist > 2.5 * v_border)
    gl_FragColor = v_color;
  else if (dist > 0.0)
    gl_FragColor = mix(edge, v_color, 0.25);
  else
    gl_FragColor = transparent;
  #endif
}
`;

/**
 * Sigma's round points, without the picking pass while the map is dragged. Each frame sigma draws
 * every node twice, once to be seen and once into an off-screen image of node ids, which tells what
 * the pointer is over: while dragging nothing is hovered (MapPage ignores it), so that second pass
 * is work for nothing. The frame drawn when the drag ends draws both again.
 */
export class NodeDotProgram extends NodePointProgram {
  override render(params: RenderParams) {
    renderWithoutPickingWhileDragged(this, params, (p) => super.render(p));
  }
}

function renderWithoutPickingWhileDragged(program: NodePointProgram, params: RenderParams, render: (params: RenderParams) => void) {
  const pick = program.pickProgram;
  if (!pick || !program.renderer.getMouseCaptor().isMouseDown) return render(params);
  program.pickProgram = null;
  try {
    render(params);
  } finally {
    program.pickProgram = pick;
  }
}

export class NodeSquareProgram extends NodePointProgram {
  override render(params: RenderParams) {
    renderWithoutPickingWhileDragged(this, params, (p) => super.render(p));
  }

  override getDefinition() {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: SQUARE_FRAGMENT };
  }
}

/**
 * The map's node programs: people as sigma's round points, networks as squares. The points go under
 * sigma's own key for round nodes, `circle`: sigma registers its default program under that key
 * whatever it is given, so a program of our own under another key left sigma's compiled beside it
 * (three WebGL programs, to draw, to pick and to hover, never used, on every page load).
 */
export const MAP_NODE_PROGRAMS = { circle: NodeDotProgram, square: NodeSquareProgram };
