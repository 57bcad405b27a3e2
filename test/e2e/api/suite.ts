/**
 * The API suite: runs inside the real extension host (code-server's, or
 * @vscode/test-electron's) against the installed extension, on a workspace
 * made of examples/, test/fixtures/mistakes/ (as mistakes/) and
 * test/e2e/workspace/ (as e2e/).
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODES } from '../../../server/src/rules/codes';
import { msg } from '../../../server/src/rules/messages';
import { fieldAt } from '../../../server/src/model/catalog';
import type { DiagramView, RouteResult, Topology } from '../../../shared/protocol';
import { escapeXml } from '../../../server/src/diagram/svg';
import type { ExtensionApi } from '../../../client/src/extension';
import { step, waitFor, type ApiTest } from './harness';

const EXTENSION_ID = 'exconn.exchange-connector-tools';
let api: ExtensionApi;

const root = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
};
const at = (...p: string[]) => vscode.Uri.joinPath(root(), ...p);
const scratch = (...p: string[]) => at('api-scratch', ...p);
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const onDiagnostics = (l: () => void) => vscode.languages.onDidChangeDiagnostics(l);

/** Waits until the file's diagnostics satisfy `ok`, and returns them. */
function diagnosticsOf(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 20000) {
  return waitFor(
    `${what} in ${vscode.workspace.asRelativePath(uri)} (has: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ') || 'none'})`,
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    [onDiagnostics],
    timeoutMs,
  );
}

async function write(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return show(uri);
}

/** Opens a file in an editor, as a person would: the client pulls diagnostics for the documents in tabs. */
async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return (await vscode.window.showTextDocument(uri, { preview: false })).document;
}

function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is in ${doc.uri.path}`);
  return doc.positionAt(i + offsetInNeedle);
}

async function topology(): Promise<Topology> {
  const t = await api.topology();
  assert.ok(t, 'the server gives a topology');
  return t;
}

/** Re-checks once a second: for files other processes write. */
const everySecond = (l: () => void) => {
  const t = setInterval(l, 1000);
  return { dispose: () => clearInterval(t) };
};

/** The first file of that name under a folder, or undefined. */
function findFile(dir: string, name: string): string | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isFile() && e.name === name) return path;
    if (e.isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    }
  }
  return undefined;
}

const mistakes = () =>
  vscode.workspace.findFiles('mistakes/**/*.{yaml,yml}').then((uris) => uris.sort((a, b) => a.path.localeCompare(b.path)));

/** The codes a fixture says it shows, from its `# Shows: a, b` line. */
function shows(uri: vscode.Uri): string[] {
  const line = readFileSync(uri.fsPath, 'utf8')
    .split(/\r?\n/)
    .find((l) => /^#\s*Shows:/i.test(l));
  return line
    ? line
        .replace(/^#\s*Shows:/i, '')
        .split(/[,\s]+/)
        .filter((c) => c in CODES)
    : [];
}

export const tests: ApiTest[] = [
  {
    name: 'the extension activates and starts its language server',
    fn: async () => {
      const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is installed`);
      api = await ext.activate();
      assert.equal(api.serverState(), 'running');
    },
  },
  {
    name: 'connector, routing-group and organization files open as exchange-connector',
    fn: async () => {
      for (const glob of ['**/*.connector.yaml', '**/*.routinggroup.yaml', '**/*.organization.yaml']) {
        const [uri] = await vscode.workspace.findFiles(glob, undefined, 1);
        assert.ok(uri, `the workspace has a file for ${glob}`);
        assert.equal((await vscode.workspace.openTextDocument(uri)).languageId, 'exchange-connector');
      }
    },
  },
  {
    // Workspace-scope codes depend on which files sit together (the ws-* fixtures are workspaces of their own), so only a document's own codes are judged here.
    name: 'every mistakes fixture gets the document diagnostics it says it shows, from exconn',
    timeoutMs: 120000,
    fn: async () => {
      const files = await mistakes();
      assert.ok(files.length > 0, 'the workspace has mistakes fixtures');
      const missing: string[] = [];
      let judged = 0;
      for (const uri of files) {
        const want = shows(uri).filter((c) => CODES[c as keyof typeof CODES].scope === 'document');
        if (!want.length) continue;
        judged++;
        await show(uri);
        try {
          const ds = await diagnosticsOf(uri, want.join(', '), (ds) => want.every((c) => ds.some((d) => codeOf(d) === c)), 15000);
          for (const d of ds) assert.equal(d.source, 'exconn', `source of ${codeOf(d)}`);
        } catch (e) {
          missing.push(e instanceof Error ? e.message : String(e));
        }
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      assert.ok(judged >= 10, `${judged} fixtures name document codes`);
      assert.deepEqual(missing, []);
    },
  },
  {
    name: "a cost-range diagnostic has the contract's range, severity and message",
    fn: async () => {
      const uri = at('e2e', 'quickfix.connector.yaml');
      const doc = await show(uri);
      const [d] = await diagnosticsOf(uri, 'cost-range', (ds) => ds.some((x) => codeOf(x) === 'cost-range')).then((ds) =>
        ds.filter((x) => codeOf(x) === 'cost-range'),
      );
      const start = positionOf(doc, '150');
      assert.deepEqual([d.range.start, d.range.end], [start, start.translate(0, 3)]);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.message, msg.costRange('150'));
    },
  },
  {
    name: 'a connector file open in no tab keeps its problems: opened by an extension, and after its preview tab closes',
    fn: async () => {
      const uri = at('e2e', 'preview.connector.yaml');
      const costRange = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'cost-range');
      const tabOf = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      step('the closed file has its problems');
      await diagnosticsOf(uri, 'cost-range', costRange);
      // Opened without an editor (as an extension, or a peek, does): the client pulls only for documents in tabs, and
      // the server withdraws what it pushed for the closed file. A round trip to the server lets both happen first.
      step('opened in no tab');
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(tabOf(), undefined);
      await api.topology();
      await diagnosticsOf(uri, 'cost-range while open in no tab', costRange);
      // Shown as a preview, then its tab closes while the document stays open.
      step('shown as a preview');
      await vscode.window.showTextDocument(doc, { preview: true });
      await diagnosticsOf(uri, 'cost-range in a tab', costRange);
      step('its tab closed');
      const tab = tabOf();
      assert.ok(tab, 'the preview has a tab');
      await vscode.window.tabGroups.close(tab);
      await api.topology();
      await diagnosticsOf(uri, 'cost-range after its tab closed', costRange);
    },
  },
  {
    name: "a diagnostic's code opens the rule's own section of rules.md, rendered in the Markdown preview",
    fn: async () => {
      const uri = at('e2e', 'quickfix.connector.yaml');
      await show(uri);
      const [d] = (await diagnosticsOf(uri, 'cost-range', (ds) => ds.some((x) => codeOf(x) === 'cost-range'))).filter(
        (x) => codeOf(x) === 'cost-range',
      );
      const code = d.code as { value: string; target: vscode.Uri };
      // The link runs the extension's command with the code: VS Code opens command links from a diagnostic's code.
      assert.equal(code.target.scheme, 'command');
      assert.equal(code.target.path, 'exchangeConnectors.showRuleDocumentation');
      const args = JSON.parse(decodeURIComponent(code.target.query)) as string[];
      assert.deepEqual(args, ['cost-range']);
      const opened = await vscode.commands.executeCommand<vscode.Uri>(code.target.path, ...args);
      assert.equal(opened.fragment, 'cost-range');
      assert.ok(opened.path.endsWith('/docs/rules.md'), opened.path);
      // A rendered preview (a webview), not the raw file in a text editor.
      await waitFor(
        'the Markdown preview of rules.md',
        () =>
          vscode.window.tabGroups.all
            .flatMap((g) => g.tabs)
            .find(
              (t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /rules\.md/.test(t.label),
            ),
        [(l) => vscode.window.tabGroups.onDidChangeTabs(l)],
      );
      assert.ok(
        !vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/docs/rules.md')),
        'rules.md is not opened as text',
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  },
  {
    name: 'exchangeConnectors.trace.server shows the LSP traffic in the output channel at its default log level',
    fn: async () => {
      // The user settings turn the trace on (codeServer.ts), and code-server runs at its default log level (info).
      assert.equal(vscode.workspace.getConfiguration('exchangeConnectors').get('trace.server'), 'messages');
      const logs = join(dirname(process.env.EXCONN_E2E_RESULTS ?? ''), 'user-data', 'logs');
      const file = await waitFor("the output channel's log file", () => findFile(logs, 'Exchange Connectors.log'), [everySecond]);
      const doc = await vscode.workspace.openTextDocument(at('e2e', 'quickfix.connector.yaml'));
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'delivery:', 2));
      await waitFor(
        `a hover request in ${file}`,
        () => (/Sending request 'textDocument\/hover/.test(readFileSync(file, 'utf8')) ? true : undefined),
        [everySecond],
      );
    },
  },
  {
    name: "completion offers the tab's fields and a field's allowed values",
    fn: async () => {
      const doc = await write(
        scratch('completion.connector.yaml'),
        [
          'kind: SmtpConnector',
          'name: Completion',
          'administrativeGroup: Europe',
          'routingGroup: Paris',
          'general:',
          '  delivery: ',
          '  ',
        ].join('\n'),
      );
      const labels = async (pos: vscode.Position) => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
        return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      };
      const keys = await labels(new vscode.Position(6, 2));
      for (const k of ['smartHosts', 'localBridgeheads']) assert.ok(keys.includes(k), `${k} in [${keys.join(', ')}]`);
      const values = await labels(new vscode.Position(5, 12));
      for (const v of ['dns', 'smartHost']) assert.ok(values.includes(v), `${v} in [${values.join(', ')}]`);
    },
  },
  {
    name: "hover on a field shows the catalog's documentation",
    fn: async () => {
      const doc = await vscode.workspace.openTextDocument(at('e2e', 'quickfix.connector.yaml'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        positionOf(doc, 'delivery:', 2),
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      const phrase = longestPlainRun(fieldAt('SmtpConnector', ['general', 'delivery'])!.doc);
      assert.ok(text.includes(phrase), `hover has "${phrase}": ${text}`);
    },
  },
  {
    name: 'the quick fix "Set cost to 100" applies and keeps the comment',
    fn: async () => {
      const uri = scratch('fix.connector.yaml');
      const text = readFileSync(at('e2e', 'quickfix.connector.yaml').fsPath, 'utf8');
      const doc = await write(uri, text);
      const [d] = (await diagnosticsOf(uri, 'cost-range', (ds) => ds.some((x) => codeOf(x) === 'cost-range'))).filter(
        (x) => codeOf(x) === 'cost-range',
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title === 'Set cost to 100');
      assert.ok(fix?.edit, `a "Set cost to 100" fix among [${actions.map((a) => a.title).join(', ')}]`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.getText(), text.replace('cost: 150', 'cost: 100'));
      assert.ok(await doc.save());
      await diagnosticsOf(uri, 'no cost-range', (ds) => !ds.some((x) => codeOf(x) === 'cost-range'));
    },
  },
  {
    name: 'the tree shows organization, administrative groups, routing groups, servers and connectors with costs',
    fn: async () => {
      const lines = await waitFor(
        'the examples in the tree',
        async () => {
          const l = await api.treeLines();
          return l.some((x) => x.trim().startsWith('Seattle')) ? l : undefined;
        },
        [],
        20000,
      );
      const has = (re: RegExp) =>
        assert.ok(
          lines.some((l) => re.test(l)),
          `${re} in the tree:\n${lines.join('\n')}`,
        );
      has(/^Contoso — organization$/);
      has(/^ {2}Europe — administrative group$/);
      has(/^ {2}North America — administrative group$/);
      has(/^ {4}Paris\b/);
      has(/^ {4}Boston\b/);
      has(/^ {6}PAR-EX01 — par-ex01\./);
      has(/^ {8}Default SMTP Virtual Server — SMTP virtual server$/);
      has(/^ {6}Paris to Boston — → Boston \(cost 10\)$/);
      has(/^ {8}Boston — cost 10$/);
      has(/^ {6}Boston Internet — \* \(cost 1\)$/);
      has(/^ {8}\* — cost 1 · organization$/);
    },
  },
  {
    name: 'tracing a route answers with hops and passed-over candidates',
    fn: async () => {
      const result = await vscode.commands.executeCommand<RouteResult>('exchangeConnectors.traceRoute', {
        from: 'Europe/Paris',
        to: 'someone@example.com',
      });
      assert.ok(result, 'the command returns the answer (the server handles exconn/route; see the "Exchange Connectors" output otherwise)');
      assert.equal(result.delivered, true);
      assert.ok(result.routes.length > 0);
      assert.equal(result.routes[0].hops[0].from, 'Paris');
      assert.ok(Array.isArray(result.passedOver));
    },
  },
  {
    name: 'the Routing Topology view draws every routing group and connector, with restrictions and schedule in the hovers',
    fn: async () => {
      const view = await vscode.commands.executeCommand<DiagramView>('exchangeConnectors.showTopology');
      assert.ok(view, 'the command returns what the view shows');
      const t = await topology();
      for (const ag of t.administrativeGroups)
        for (const g of ag.routingGroups) {
          assert.ok(view.svg.includes(`data-kind="group" data-name="${escapeXml(g.name)}"`), g.name);
          // A connector with neither a connected group nor an address space has nothing to draw.
          for (const c of g.connectors)
            if (c.connected.length + c.addressSpaces.length) assert.ok(view.svg.includes(`data-connector="${escapeXml(c.name)}"`), c.name);
        }
      const parisToBoston = view.svg.split('<g ').find((el) => el.includes('data-connector="Paris to Boston"'))!;
      assert.match(parisToBoston, /<title>[^<]*Messages smaller than 20,480 KB[^<]*Runs on a custom schedule/);
      for (const id of Object.keys(view.targets)) assert.ok(view.svg.includes(`data-id="${id}"`), id);
    },
  },
  {
    name: 'a traced route is drawn on the diagram, its hops linked from the side panel',
    fn: async () => {
      const query = { from: 'North America/Seattle', to: 'someone@fabrikam.com' };
      const result = await vscode.commands.executeCommand<RouteResult>('exchangeConnectors.traceRoute', query);
      assert.ok(result?.delivered);
      const view = await waitFor('the route on the diagram', () => api.diagram()?.route && api.diagram(), [], 20000);
      const panel = view.route!;
      assert.deepEqual(
        panel.routes.map((r) => r.hops.length),
        result.routes.map((r) => r.hops.length),
      );
      for (const [i, route] of result.routes.entries())
        for (const [j, hop] of route.hops.entries()) {
          const id = panel.routes[i].hops[j].edge!;
          assert.ok(view.targets[id], `hop ${hop.connector} links to its connector`);
          const el = view.svg.split('<g ').find((x) => x.includes(`data-id="${id}"`))!;
          assert.match(el, /class="edge [^"]*on-route/);
          assert.ok(el.includes(`data-connector="${escapeXml(hop.connector)}"`));
        }
      // A passed-over connector's arrows are greyed, unless one of the same name (another group's) is on the route.
      for (const p of result.passedOver) {
        const els = view.svg.split('<g ').filter((x) => x.includes(`data-connector="${escapeXml(p.connector)}"`));
        if (els.length)
          assert.ok(
            els.some((el) => /class="edge [^"]*(passed|on-route)/.test(el)),
            p.connector,
          );
      }
    },
  },
  {
    name: 'a new connector and its reciprocal are written beside their routing groups',
    timeoutMs: 60000,
    fn: async () => {
      step('writing Oslo');
      // Oslo: a routing group of this test's own, with no connector yet.
      await write(
        scratch('oslo', 'oslo.routinggroup.yaml'),
        [
          'kind: RoutingGroup',
          'name: Oslo',
          'administrativeGroup: North America',
          'servers:',
          '  - name: OSL-EX01',
          '    fqdn: osl-ex01.oslo.contoso.com',
          '',
        ].join('\n'),
      );
      step('Seattle and Oslo in the topology');
      const seattle = await waitFor(
        'Seattle and Oslo in the topology',
        async () => {
          const groups = (await topology()).administrativeGroups.find((a) => a.name === 'North America')?.routingGroups ?? [];
          return groups.some((g) => g.name === 'Oslo' && !g.inferred) ? groups.find((g) => g.name === 'Seattle' && !g.inferred) : undefined;
        },
        [onDiagnostics],
      );
      assert.ok(seattle.location);
      const server = seattle.servers[0];
      step('the New SMTP Connector command');
      const [created] = await vscode.commands.executeCommand<vscode.Uri[]>('exchangeConnectors.newConnector', {
        routingGroup: 'Seattle',
        administrativeGroup: 'North America',
        server: server.name,
        virtualServer: server.virtualServers[0],
        toGroup: 'Oslo',
        toAdministrativeGroup: 'North America',
      });
      assert.ok(created, 'the command returns the new file');
      const extra: vscode.Uri[] = [];
      try {
        await show(created);
        assert.equal(
          vscode.Uri.joinPath(created, '..').toString(),
          vscode.Uri.joinPath(vscode.Uri.parse(seattle.location.uri), '..').toString(),
        );
        assert.match(created.path, /\/seattle-to-oslo\.connector\.yaml$/);
        assert.match(readFileSync(created.fsPath, 'utf8'), /^name: Seattle to Oslo$/m);
        step('missing-reciprocal-connector on the new connector');
        const ds = await diagnosticsOf(created, 'missing-reciprocal-connector', (ds) =>
          ds.some((d) => codeOf(d) === 'missing-reciprocal-connector'),
        );
        const documentProblems = ds.filter(
          (d) => CODES[codeOf(d) as keyof typeof CODES]?.scope === 'document' && d.severity <= vscode.DiagnosticSeverity.Warning,
        );
        assert.deepEqual(
          documentProblems.map((d) => `${codeOf(d)}: ${d.message}`),
          [],
        );
        step('the new connector in the topology');
        const node = await waitFor(
          'the new connector in the topology',
          async () =>
            (await topology()).administrativeGroups
              .flatMap((a) => a.routingGroups)
              .flatMap((g) => g.connectors)
              .find((c) => c.name === 'Seattle to Oslo'),
          [onDiagnostics],
        );
        assert.equal(node.status, 'oneSided');
        step('the Create the Reciprocal Connector command');
        const back = await vscode.commands.executeCommand<vscode.Uri[] | string>('exchangeConnectors.createReciprocalConnector', node);
        assert.ok(Array.isArray(back) && back.length, `the reciprocal connector was created (the command said: ${String(back)})`);
        assert.equal(back[0].toString(), scratch('oslo', 'oslo-to-seattle.connector.yaml').toString());
        assert.match(readFileSync(back[0].fsPath, 'utf8'), /routingGroup: Seattle/);
        step('Tromso, for a one-sided connector of its own');
        await write(
          scratch('tromso', 'tromso.routinggroup.yaml'),
          'kind: RoutingGroup\nname: Tromso\nadministrativeGroup: North America\nservers:\n  - name: TRM-EX01\n    fqdn: trm-ex01.tromso.contoso.com\n',
        );
        await waitFor(
          'Tromso in the topology',
          async () =>
            (await topology()).administrativeGroups.flatMap((a) => a.routingGroups).some((g) => g.name === 'Tromso' && !g.inferred)
              ? true
              : undefined,
          [onDiagnostics],
        );
        const [toTromso] = await vscode.commands.executeCommand<vscode.Uri[]>('exchangeConnectors.newConnector', {
          routingGroup: 'Seattle',
          administrativeGroup: 'North America',
          server: server.name,
          virtualServer: server.virtualServers[0],
          toGroup: 'Tromso',
          toAdministrativeGroup: 'North America',
        });
        extra.push(toTromso);
        step('the quick fix itself, as the light bulb applies it: the edit, then its command, which shows the new file');
        const [d] = await diagnosticsOf(toTromso, 'missing-reciprocal-connector', (ds) =>
          ds.some((x) => codeOf(x) === 'missing-reciprocal-connector'),
        );
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          toTromso,
          d.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        const fix = actions.find((a) => /tromso-to-seattle\.connector\.yaml/.test(a.title));
        assert.ok(
          fix?.edit && fix.command,
          `the reciprocal fix with an edit and a command among [${actions.map((a) => a.title).join(', ')}]`,
        );
        const target = String(fix.command.arguments?.[0]);
        assert.equal(target, scratch('tromso', 'tromso-to-seattle.connector.yaml').toString());
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
        await waitFor(
          'the created file in the active editor',
          () => (vscode.window.activeTextEditor?.document.uri.toString() === target ? true : undefined),
          [(l) => vscode.window.onDidChangeActiveTextEditor(l)],
        );
        const shown = vscode.window.activeTextEditor!.document;
        // The wizard's layout: a blank line between the tabs.
        assert.match(shown.getText(), /^routingGroup: Tromso\n\ngeneral:\n[^]*\n\nconnectedRoutingGroups:\n/m);
        await shown.save();
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const uri of [created, ...extra]) await vscode.workspace.fs.delete(uri);
      }
    },
  },
  {
    name: 'the New SMTP Connector command writes both directions of a link at once, at the cost given; an address space names its connector',
    timeoutMs: 60000,
    fn: async () => {
      step('writing Bergen');
      await write(
        scratch('bergen', 'bergen.routinggroup.yaml'),
        [
          'kind: RoutingGroup',
          'name: Bergen',
          'administrativeGroup: North America',
          'servers:',
          '  - name: BRG-EX01',
          '    fqdn: brg-ex01.bergen.contoso.com',
          '',
        ].join('\n'),
      );
      const seattle = await waitFor(
        'Seattle and Bergen in the topology',
        async () => {
          const groups = (await topology()).administrativeGroups.find((a) => a.name === 'North America')?.routingGroups ?? [];
          return groups.some((g) => g.name === 'Bergen' && !g.inferred)
            ? groups.find((g) => g.name === 'Seattle' && !g.inferred)
            : undefined;
        },
        [onDiagnostics],
      );
      const server = seattle.servers[0];
      const given = {
        routingGroup: 'Seattle',
        administrativeGroup: 'North America',
        server: server.name,
        virtualServer: server.virtualServers[0],
      };
      step('both ways');
      const uris = await vscode.commands.executeCommand<vscode.Uri[]>('exchangeConnectors.newConnector', {
        ...given,
        toGroup: 'Bergen',
        toAdministrativeGroup: 'North America',
        cost: 20,
        both: true,
      });
      step('an address space');
      const [internet] = await vscode.commands.executeCommand<vscode.Uri[]>('exchangeConnectors.newConnector', {
        ...given,
        addressSpace: 'tailspintoys.com',
        cost: 5,
      });
      try {
        assert.deepEqual(
          uris.map((u) => vscode.workspace.asRelativePath(u)),
          ['north-america/seattle/seattle-to-bergen.connector.yaml', 'api-scratch/bergen/bergen-to-seattle.connector.yaml'],
        );
        const [out, back] = uris.map((u) => readFileSync(u.fsPath, 'utf8'));
        assert.match(out, /^name: Seattle to Bergen$[^]*^ {4}- brg-ex01\.bergen\.contoso\.com$[^]*^ {4}cost: 20$/m);
        assert.match(back, /^name: Bergen to Seattle$[^]*^ {4}- server: BRG-EX01$[^]*^ {2}- routingGroup: Seattle$[^]*^ {4}cost: 20$/m);
        // Both ends present: neither has a missing connector back, nor any error.
        for (const uri of uris)
          await diagnosticsOf(uri, 'no missing-reciprocal-connector and no error', (ds) =>
            ds.every((d) => codeOf(d) !== 'missing-reciprocal-connector' && d.severity !== vscode.DiagnosticSeverity.Error),
          );
        const node = await waitFor(
          'Seattle to Bergen in the topology',
          async () =>
            (await topology()).administrativeGroups
              .flatMap((a) => a.routingGroups)
              .flatMap((g) => g.connectors)
              .find((c) => c.name === 'Seattle to Bergen' && c.status === 'complete'),
          [onDiagnostics],
        );
        assert.equal(node.connected[0].cost, 20);
        assert.equal(vscode.workspace.asRelativePath(internet), 'north-america/seattle/seattle-to-tailspintoys.com.connector.yaml');
        assert.match(
          readFileSync(internet.fsPath, 'utf8'),
          /^name: Seattle to tailspintoys\.com$[^]*^ {6}address: "tailspintoys\.com"\n {6}cost: 5$/m,
        );
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const uri of [...uris, internet]) await vscode.workspace.fs.delete(uri);
      }
    },
  },
  {
    name: 'the sample organization is written into a folder, its connectors indexed, nothing overwritten',
    timeoutMs: 60000,
    fn: async () => {
      const folder = scratch('sample');
      await vscode.workspace.fs.createDirectory(folder);
      const written = await vscode.commands.executeCommand<vscode.Uri[]>('exchangeConnectors.createSampleOrganization', folder);
      assert.equal(written.length, 6);
      for (const uri of written) assert.equal((await vscode.workspace.openTextDocument(uri)).languageId, 'exchange-connector');
      // The server indexes them: the sample's connectors appear in the topology (the unit tests judge the template's rules).
      await waitFor(
        'the sample in the topology',
        async () => {
          const t = await api.topology();
          const uris =
            t?.administrativeGroups
              .flatMap((a) => a.routingGroups)
              .flatMap((g) => g.connectors)
              .map((c) => c.location.uri) ?? [];
          return written.filter((u) => u.path.endsWith('.connector.yaml')).every((u) => uris.includes(u.toString())) ? true : undefined;
        },
        [(l) => vscode.languages.onDidChangeDiagnostics(l)],
      );
      const again = await vscode.commands.executeCommand<vscode.Uri[]>('exchangeConnectors.createSampleOrganization', folder);
      assert.deepEqual(again, [], 'nothing is overwritten');
    },
  },
  {
    name: 'Import from an LDIF Export writes the organization into the folder chosen and opens the report',
    timeoutMs: 60000,
    fn: async () => {
      const org = 'CN=Fabrikam,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=fabrikam,DC=com';
      const rg = `CN=Oslo,CN=Routing Groups,CN=Nordics,CN=Administrative Groups,${org}`;
      const ldf = [
        `dn: ${org}`,
        'objectClass: msExchOrganizationContainer',
        '',
        `dn: ${rg}`,
        'objectClass: msExchRoutingGroup',
        '',
        `dn: CN=OSL-EX01,CN=Servers,CN=Nordics,CN=Administrative Groups,${org}`,
        'objectClass: msExchExchangeServer',
        'networkAddress: ncacn_ip_tcp:osl-ex01.fabrikam.com',
        'versionNumber: 7638',
        `msExchHomeRoutingGroup: ${rg}`,
        '',
        `dn: CN=Oslo Internet,CN=Connections,${rg}`,
        'objectClass: msExchRoutingSMTPConnector',
        'routingList: SMTP:*;1',
        `msExchSourceBridgeheadServersDN: CN=1,CN=SMTP,CN=Protocols,CN=OSL-EX01,CN=Servers,CN=Nordics,CN=Administrative Groups,${org}`,
        '',
      ].join('\r\n');
      const source = scratch('fabrikam.ldf');
      const folder = scratch('imported');
      await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(ldf));
      const outcome = await vscode.commands.executeCommand<{ written: vscode.Uri[]; report: vscode.TextDocument }>(
        'exchangeConnectors.importLdif',
        {
          export: source,
          folder,
          timezone: '+01:00',
          overwrite: true,
        },
      );
      assert.deepEqual(outcome.written.map((u) => vscode.workspace.asRelativePath(u)).sort(), [
        'api-scratch/imported/fabrikam.organization.yaml',
        'api-scratch/imported/nordics/oslo/oslo-internet.connector.yaml',
        'api-scratch/imported/nordics/oslo/oslo.routinggroup.yaml',
      ]);
      assert.match(outcome.report.getText(), /^note: imported 1 organization, 1 routing groups, 1 SMTP connectors/);
      assert.equal(vscode.window.activeTextEditor?.document, outcome.report, 'the report is shown');
      assert.equal(outcome.report.isDirty, false, 'the report is read-only: nothing asks to save it');
      const connector = await show(outcome.written.find((u) => u.path.endsWith('.connector.yaml'))!);
      assert.equal(connector.languageId, 'exchange-connector');
      assert.match(connector.getText(), /virtualServer: "1"/);
      // A second organization must not outlive the test: the tree shows the first one, and the page suite expects Contoso.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of outcome.written) await vscode.workspace.fs.delete(uri);
      await waitFor(
        'Contoso as the organization again',
        async () => ((await api.topology())?.organization?.name === 'Contoso' ? true : undefined),
        [
          (l) => {
            const t = setInterval(l, 250);
            return { dispose: () => clearInterval(t) };
          },
        ],
      );
    },
  },
  {
    name: 'checking the workspace reports the files and problems',
    fn: async () => {
      const status = await vscode.commands.executeCommand<{ files: number; problems: { errors: number; warnings: number } }>(
        'exchangeConnectors.checkWorkspace',
      );
      assert.ok(status && status.files >= 12, `files: ${status?.files}`);
      assert.ok(status.problems.errors > 0, 'the mistakes fixtures have errors');
    },
  },
  {
    name: 'the server restarts and the tree comes back',
    fn: async () => {
      assert.equal(await vscode.commands.executeCommand('exchangeConnectors.restartServer'), 'running');
      const lines = await api.treeLines();
      assert.ok(
        lines.some((l) => l.trim().startsWith('Paris')),
        lines.join('\n'),
      );
    },
  },
  {
    name: '(cleanup) the scratch files are removed',
    fn: async () => {
      await vscode.commands.executeCommand('workbench.action.files.saveAll');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // File by file: a watcher reports a deleted folder, not the files in it.
      for (const uri of await vscode.workspace.findFiles('api-scratch/**/*')) await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false });
    },
  },
];

/** The longest stretch of a doc string outside backticks: it reads the same in Markdown and plain text. */
function longestPlainRun(doc: string): string {
  return doc
    .split('`')
    .filter((_, i) => i % 2 === 0)
    .flatMap((s) => s.split(/[*_]/))
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0];
}
