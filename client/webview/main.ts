/**
 * The Routing Topology webview: shows the SVG the language server drew, with
 * pan (drag), zoom (wheel, + and -), fit (0 or the button), a click on a
 * node or an arrow opening its definition, and the traced route's text in a
 * side panel. The view (position and zoom) survives live updates and, through
 * the webview state, reloads. Everything shown from the files is inserted as
 * text or as the server's escaped SVG; the CSP allows no other script.
 */
import type { DiagramView } from '../../shared/protocol';
import type { FromWebview, ToWebview, WebviewState } from '../src/webviewMessages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const canvas = document.getElementById('canvas')!;
const panel = document.getElementById('route')!;
const status = document.getElementById('status')!;
const clearButton = document.getElementById('clear-route') as HTMLButtonElement;

let state: WebviewState | undefined = vscode.getState();
let view = { x: state?.x ?? 0, y: state?.y ?? 0, k: state?.k ?? 1 };
let placed = state !== undefined;
let svg: SVGSVGElement | undefined;
let viewport: SVGGElement | undefined;
let size = { width: 0, height: 0 };

function save(): void {
  state = { ...view, ...(state?.route ? { route: state.route } : {}) };
  vscode.setState(state);
}

function apply(): void {
  viewport?.setAttribute('transform', `translate(${round(view.x)} ${round(view.y)}) scale(${round(view.k, 1000)})`);
  svg?.setAttribute('data-zoom', String(round(view.k, 1000)));
  save();
}

const round = (n: number, by = 10) => Math.round(n * by) / by;

function fit(): void {
  const box = canvas.getBoundingClientRect();
  if (!size.width || !size.height || !box.width || !box.height) return;
  const k = Math.min(box.width / size.width, box.height / size.height, 2) * 0.95;
  view = { k, x: (box.width - size.width * k) / 2, y: (box.height - size.height * k) / 2 };
  apply();
}

function zoomAt(factor: number, cx: number, cy: number): void {
  const k = Math.min(8, Math.max(0.1, view.k * factor));
  view = { k, x: cx - ((cx - view.x) * k) / view.k, y: cy - ((cy - view.y) * k) / view.k };
  apply();
}

function zoomCentre(factor: number): void {
  const box = canvas.getBoundingClientRect();
  zoomAt(factor, box.width / 2, box.height / 2);
}

function render(v: DiagramView, routeQuery: WebviewState['route']): void {
  const doc = new DOMParser().parseFromString(v.svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') {
    status.textContent = 'The diagram could not be shown.';
    return;
  }
  size = { width: Number(root.getAttribute('width')) || 0, height: Number(root.getAttribute('height')) || 0 };
  const next = document.importNode(root, true) as unknown as SVGSVGElement;
  next.setAttribute('width', '100%');
  next.setAttribute('height', '100%');
  next.removeAttribute('viewBox');
  canvas.replaceChildren(next);
  svg = next;
  viewport = next.querySelector('g.viewport') as SVGGElement;
  state = { ...view, ...(routeQuery ? { route: routeQuery } : {}) };
  // The side panel first: the first fit measures the canvas beside it.
  renderPanel(v);
  if (!placed) {
    placed = true;
    fit();
  } else apply();
  const groups = next.querySelectorAll('[data-kind="group"]').length;
  const links = next.querySelectorAll('.edge:not(.label)').length;
  status.textContent = `${groups} routing group${groups === 1 ? '' : 's'}, ${links} arrow${links === 1 ? '' : 's'}`;
}

function link(text: string, id: string | undefined): HTMLElement {
  if (!id) {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  }
  const a = document.createElement('a');
  a.href = '#';
  a.textContent = text;
  a.dataset.edge = id;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'open', id });
  });
  a.addEventListener('mouseenter', () => highlight(id, true));
  a.addEventListener('mouseleave', () => highlight(id, false));
  return a;
}

function highlight(id: string, on: boolean): void {
  svg?.querySelector(`[data-id="${CSS.escape(id)}"]`)?.classList.toggle('hovered', on);
}

function renderPanel(v: DiagramView): void {
  panel.replaceChildren();
  clearButton.hidden = !v.route && !v.routeError;
  if (!v.route && !v.routeError) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const h = document.createElement('h2');
  h.textContent = v.route?.heading ?? 'Route';
  panel.append(h);
  if (v.routeError) {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = v.routeError;
    panel.append(p);
    return;
  }
  const r = v.route!;
  for (const route of r.routes) {
    const h3 = document.createElement('h3');
    h3.textContent = route.title;
    const ol = document.createElement('ol');
    ol.className = 'hops';
    for (const hop of route.hops) {
      const li = document.createElement('li');
      li.append(link(hop.text, hop.edge));
      ol.append(li);
    }
    panel.append(h3, ol);
  }
  for (const note of r.notes) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = note;
    panel.append(p);
  }
  if (r.passedOver.length) {
    const h3 = document.createElement('h3');
    h3.textContent = 'Passed over';
    const ul = document.createElement('ul');
    ul.className = 'passed';
    for (const p of r.passedOver) {
      const li = document.createElement('li');
      li.append(link(p.text, p.edge));
      ul.append(li);
    }
    panel.append(h3, ul);
  }
}

function reveal(kind: 'group' | 'connector', name: string): void {
  if (!svg) return;
  const selector = kind === 'group' ? `[data-kind="group"][data-name="${CSS.escape(name)}"]` : `[data-connector="${CSS.escape(name)}"]`;
  const el = svg.querySelector(selector) as SVGGraphicsElement | null;
  for (const old of svg.querySelectorAll('.selected')) old.classList.remove('selected');
  if (!el) return;
  el.classList.add('selected');
  const b = el.getBBox();
  const box = canvas.getBoundingClientRect();
  view = { ...view, x: box.width / 2 - (b.x + b.width / 2) * view.k, y: box.height / 2 - (b.y + b.height / 2) * view.k };
  apply();
}

// Pan by dragging; a press that does not move is a click.
let drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | undefined;
canvas.addEventListener('pointerdown', (e) => {
  drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
  canvas.setPointerCapture(e.pointerId);
});
canvas.addEventListener('pointermove', (e) => {
  if (!drag) return;
  const dx = e.clientX - drag.x;
  const dy = e.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  drag.moved = true;
  view = { ...view, x: drag.vx + dx, y: drag.vy + dy };
  apply();
});
canvas.addEventListener('pointerup', (e) => {
  const wasDrag = drag?.moved;
  drag = undefined;
  canvas.releasePointerCapture(e.pointerId);
  if (wasDrag) return;
  // Pointer capture retargets the event to the canvas: find what is under the pointer.
  const under = document.elementFromPoint(e.clientX, e.clientY);
  const target = under?.closest('[data-id]');
  const id = target?.getAttribute('data-id');
  if (id && !target!.hasAttribute('data-static')) vscode.postMessage({ type: 'open', id });
});
canvas.addEventListener(
  'wheel',
  (e) => {
    e.preventDefault();
    const box = canvas.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY / 500), e.clientX - box.left, e.clientY - box.top);
  },
  { passive: false },
);
canvas.addEventListener('keydown', (e) => {
  const step = 40;
  if (e.key === '+' || e.key === '=') zoomCentre(1.2);
  else if (e.key === '-') zoomCentre(1 / 1.2);
  else if (e.key === '0') fit();
  else if (e.key === 'ArrowLeft') view.x += step;
  else if (e.key === 'ArrowRight') view.x -= step;
  else if (e.key === 'ArrowUp') view.y += step;
  else if (e.key === 'ArrowDown') view.y -= step;
  else return;
  e.preventDefault();
  apply();
});

document.getElementById('fit')!.addEventListener('click', fit);
document.getElementById('zoom-in')!.addEventListener('click', () => zoomCentre(1.2));
document.getElementById('zoom-out')!.addEventListener('click', () => zoomCentre(1 / 1.2));
document.getElementById('trace')!.addEventListener('click', () => vscode.postMessage({ type: 'trace' }));
clearButton.addEventListener('click', () => vscode.postMessage({ type: 'clearRoute' }));

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (m.type === 'render') {
    status.classList.remove('error');
    render(m.view, m.routeQuery);
  } else if (m.type === 'reveal') reveal(m.kind, m.name);
  else if (m.type === 'error') {
    status.classList.add('error');
    status.textContent = m.message;
  }
});

vscode.postMessage({ type: 'ready' });
