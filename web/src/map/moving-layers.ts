import type Sigma from 'sigma';

/** Whether sigma counts the camera as moving: its own test for leaving the lines out (`hideEdgesOnMove`). */
export function cameraMoving(renderer: Sigma): boolean {
  const captor = renderer.getMouseCaptor();
  return renderer.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
}

/**
 * Takes the layers that show nothing while the camera moves out of the page's layout until it rests.
 *
 * Sigma clears each of its layers on every frame, drawn or not. In software compositing (no GPU,
 * as headless Chromium and many a locked-down laptop run) the browser copies every WebGL canvas
 * that changed back from the GPU process on each frame, and waits for it: measured at 5,300 nodes,
 * these copies were most of a dragged frame's time, three a frame (nodes, lines, highlighted
 * nodes) where only the nodes move. A layer out of the layout (`display: none`) is not copied.
 * - lines: sigma leaves them out while moving (`hideEdgesOnMove`);
 * - the highlighted nodes and the hovered one's name: the names wait for the view to rest, and the
 *   nodes themselves are drawn in the nodes' layer beneath;
 * - sigma's own name layers, which the map never draws on (its names are map/overlays.ts's).
 * Returns a function that puts them back.
 */
export function restLayersWhileMoving(renderer: Sigma): () => void {
  const canvases = renderer.getCanvases();
  const unused = [canvases.labels, canvases.edgeLabels].filter((c) => c !== undefined);
  const whileMoving = [canvases.edges, canvases.hoverNodes, canvases.hovers].filter((c) => c !== undefined);
  for (const canvas of unused) canvas.style.display = 'none';
  let hidden = false;
  // Before each frame sigma draws, with the same test sigma uses to leave the lines out of it.
  const beforeRender = () => {
    const moving = cameraMoving(renderer);
    if (moving === hidden) return;
    hidden = moving;
    for (const canvas of whileMoving) canvas.style.display = moving ? 'none' : '';
  };
  renderer.on('beforeRender', beforeRender);
  return () => {
    renderer.off('beforeRender', beforeRender);
    for (const canvas of [...unused, ...whileMoving]) canvas.style.display = '';
  };
}

/**
 * No hover test while the map is dragged. Sigma tests what the pointer is over on every move over
 * its canvas by reading a pixel back from the GPU, which waits for all the drawing queued so far: at
 * 5,300 nodes a second wait on every frame of a drag, for a hover the map ignores while dragging.
 * Sigma tests only moves whose target is its own canvas; the drag itself follows the document's
 * moves, so the canvas stops being a target from the drag's first move until the button is released
 * (a click, which has no move, is untouched).
 */
export function noHoverWhileDragged(renderer: Sigma): () => void {
  const captor = renderer.getMouseCaptor();
  const target = renderer.getCanvases().mouse;
  if (!target) return () => undefined;
  const onMove = () => {
    if (captor.isMouseDown && captor.draggedEvents > 0) target.style.pointerEvents = 'none';
  };
  const onUp = () => {
    target.style.pointerEvents = '';
  };
  captor.on('mousemovebody', onMove);
  captor.on('mouseup', onUp);
  return () => {
    captor.off('mousemovebody', onMove);
    captor.off('mouseup', onUp);
    onUp();
  };
}
