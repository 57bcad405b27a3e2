/**
 * The Routing Topology view: one webview panel showing the diagram the
 * language server draws (exconn/diagram), redrawn whenever the server says
 * the topology changed, with the traced route when there is one. The panel
 * restores itself after a reload through its serializer (the route it showed
 * is in the webview's state).
 */
import * as vscode from 'vscode';
import { DiagramRequest, type DiagramView, type RouteQuery } from '../../shared/protocol';
import { DIAGRAM_CSS } from '../../shared/diagramStyle';
import type { FromWebview, ToWebview, WebviewState } from './webviewMessages';
import type { ConnectorClient } from './client';
import { OPEN_LOCATION } from './treeView';

export const DIAGRAM_VIEW_TYPE = 'exchangeConnectors.topologyDiagram';

export class TopologyDiagram implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private route: RouteQuery | undefined;
  private current: DiagramView | undefined;
  private ready = false;
  private pending: ToWebview[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private readonly rendered = new vscode.EventEmitter<DiagramView>();
  /** Fires after each drawing was sent to the webview (for the tests). */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly connector: ConnectorClient,
    private readonly traceCommand: () => Thenable<unknown>,
  ) {
    this.subscriptions = [
      connector.onDidChangeTopology(() => void this.refresh()),
      vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: WebviewState | undefined) => {
          this.route = state?.route;
          this.adopt(panel);
          await this.refresh();
        },
      }),
    ];
  }

  /** What the view shows now (for the tests and the commands). */
  get view(): DiagramView | undefined {
    return this.current;
  }

  /** Opens (or brings forward) the view; with a route, draws it; `null` clears the route. */
  async show(route?: RouteQuery | null): Promise<DiagramView | undefined> {
    if (route !== undefined) this.route = route ?? undefined;
    if (!this.panel) {
      this.adopt(
        vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, 'Routing Topology', vscode.ViewColumn.Active, {
          enableScripts: true,
          retainContextWhenHidden: true,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
        }),
      );
    } else this.panel.reveal(undefined, false);
    return this.refresh();
  }

  /** Centres the view on a routing group or a connector's arrow. */
  async reveal(kind: 'group' | 'connector', name: string): Promise<void> {
    await this.show();
    this.post({ type: 'reveal', kind, name });
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'view.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m));
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.current = undefined;
      }
    });
  }

  private async receive(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        for (const p of this.pending.splice(0)) void this.panel?.webview.postMessage(p);
        return;
      case 'open': {
        const target = this.current?.targets[m.id];
        if (target) await vscode.commands.executeCommand(OPEN_LOCATION, target, vscode.ViewColumn.Beside);
        return;
      }
      case 'trace':
        await this.traceCommand();
        return;
      case 'clearRoute':
        await this.show(null);
        return;
    }
  }

  /** Asks the server for the drawing again; the webview keeps its zoom and position. */
  async refresh(): Promise<DiagramView | undefined> {
    if (!this.panel) return undefined;
    try {
      const view = await this.connector.request(DiagramRequest, this.route ? { route: this.route } : {});
      this.current = view;
      this.post({ type: 'render', view, ...(this.route ? { routeQuery: this.route } : {}) });
      this.rendered.fire(view);
      return view;
    } catch (e) {
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  private post(m: ToWebview): void {
    if (!this.panel) return;
    if (this.ready) void this.panel.webview.postMessage(m);
    else this.pending.push(m);
  }

  private html(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    // No remote content: only our script (by nonce) and our styles (by nonce); the SVG is data from the server.
    const csp = [
      `default-src 'none'`,
      `img-src ${webview.cspSource} data:`,
      `style-src 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Routing Topology</title>
<style nonce="${nonce}">${DIAGRAM_CSS}${PAGE_CSS}</style>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <button id="fit" title="Fit the diagram to the view (0)">Fit</button>
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <button id="trace" title="Trace a route and draw it">Trace a Route…</button>
  <button id="clear-route" hidden>Clear the Route</button>
  <span id="status" role="status"></span>
</div>
<main>
  <div id="canvas" tabindex="0" aria-label="Routing topology: drag to pan, wheel or + and - to zoom, 0 to fit"></div>
  <aside id="route" hidden aria-label="Traced route"></aside>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}

const PAGE_CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
body { display: flex; flex-direction: column; }
#toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
#toolbar button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 10px; cursor: pointer; border-radius: 2px; font: inherit; }
#toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
#toolbar button:focus-visible, #canvas:focus-visible, a:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
#status { margin-left: auto; color: var(--vscode-descriptionForeground); }
#status.error, .error { color: var(--vscode-errorForeground); }
main { flex: 1; display: flex; min-height: 0; }
#canvas { flex: 1; min-width: 0; overflow: hidden; cursor: grab; touch-action: none; }
#canvas:active { cursor: grabbing; }
#route { width: 320px; overflow: auto; padding: 4px 12px; border-left: 1px solid var(--vscode-panel-border, transparent); background: var(--vscode-sideBar-background, transparent); }
#route h2 { font-size: 1.05em; margin: 8px 0; }
#route h3 { font-size: 1em; margin: 12px 0 4px; }
#route ol, #route ul { margin: 0; padding-left: 20px; }
#route li { margin: 3px 0; }
#route a { color: var(--vscode-textLink-foreground); text-decoration: none; }
#route a:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
#route .note { color: var(--vscode-errorForeground); }
.topology .hovered path:not(.hit), .topology .selected path:not(.hit) { stroke-width: 4; }
.topology .selected rect { stroke: var(--vscode-focusBorder); stroke-width: 3; }
`;
