import Sigma from 'sigma';

/**
 * Sigma's layers the map's first frame draws nothing on, each by what it waits for:
 * - `labels`, `edgeLabels`: never drawn (the names are map/overlays.ts's, the lines have none);
 * - `edges`: the lines, which join once the layout has settled (MapPage's addEdges);
 * - `hoverNodes`, `hovers`: a hovered node and the nodes Find marks, with their names.
 */
export type HeldLayer = 'lines' | 'hover';
const HELD: Record<string, HeldLayer | 'never'> = { labels: 'never', edgeLabels: 'never', edges: 'lines', hoverNodes: 'hover', hovers: 'hover' };

/**
 * Sigma that sizes a layer only once it has something to draw. Sigma makes seven canvases the
 * size of the view and clears each on every frame: a canvas gets its pixels (an image the size
 * of the view, on the GPU process for WebGL) when it is first sized or cleared, and in software
 * WebGL that is most of sigma's start (measured on this machine: 60–120 ms a WebGL layer and
 * 20–100 ms a 2D one under load, in the task that draws the first frame). The layers in HELD
 * stay one pixel square until `release` names what they wait for; then they take the view's size
 * and sigma draws them on its next frame.
 */
export class MapSigma extends Sigma {
  override createCanvas(id: string, options?: Parameters<Sigma['createCanvas']>[1]): HTMLCanvasElement {
    const canvas = super.createCanvas(id, options);
    if (id in HELD) holdAtOnePixel(canvas);
    return canvas;
  }

  /** Gives the layers waiting for any of `what` the view's size; sigma draws them on its next frame. */
  release(...what: HeldLayer[]): void {
    const canvases = this.getCanvases();
    const { width, height } = this.getDimensions();
    // Sigma's own pixel ratio (it scales its 2D layers by it as it sizes them).
    const ratio = window.devicePixelRatio || 1;
    let released = false;
    for (const [id, waits] of Object.entries(HELD)) {
      const canvas = canvases[id];
      if (!canvas || !(what as string[]).includes(waits) || !held.delete(canvas)) continue;
      // Only these layers: sizing the others again (sigma's resize) would clear them for nothing.
      canvas.width = width * ratio;
      canvas.height = height * ratio;
      if (ratio !== 1) canvas.getContext('2d')?.scale(ratio, ratio);
      released = true;
    }
    if (released) this.scheduleRender();
  }
}

/** Canvases sigma sizes (with setAttribute, on each resize) that keep one pixel instead. */
const held = new WeakSet<HTMLCanvasElement>();

function holdAtOnePixel(canvas: HTMLCanvasElement): void {
  held.add(canvas);
  const setAttribute = canvas.setAttribute.bind(canvas);
  canvas.setAttribute = (name: string, value: string) => setAttribute(name, held.has(canvas) && (name === 'width' || name === 'height') ? '1' : value);
  canvas.width = 1;
  canvas.height = 1;
}
