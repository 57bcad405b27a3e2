/**
 * The page suite: what a person sees and does in the workbench. Each test
 * waits on what appears (an element, a file's content), never on time.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { msg } from '../../../server/src/rules/messages';
import { fieldAt } from '../../../server/src/model/catalog';
import { waitUntil } from '../codeServer';
import { discoverFiles } from '../../../server/src/cli/discover';
import { Workspace } from '../../../server/src/engine/workspace';
import { topology } from '../../../server/src/features/topology';
import { simulateRoute } from '../../../server/src/route/simulate';
import type { RouteQuery } from '../../../server/src/route/types';
import type { Workbench } from './workbench';

/** The organization as the real engine reads the folder (the same files the extension sees). */
function organization(folder: string): Workspace {
  const ws = new Workspace();
  for (const abs of discoverFiles([folder], folder)) ws.setFile(abs, readFileSync(abs, 'utf8'));
  return ws;
}

/** The route the diagram tests trace, from the examples' Seattle. */
const TRACED: RouteQuery = { from: 'North America/Seattle', to: 'someone@fabrikam.com' };

/** Trace a Route through its questions, as a person answers them: Seattle (North America), the address, then the defaults. */
export async function traceInPage(wb: Workbench): Promise<void> {
  await wb.command('Exchange Connectors: Trace a Route…');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  const step = (n: number) => wb.page.locator('.quick-input-widget .quick-input-title', { hasText: `(${n}/5)` }).waitFor();
  await step(1);
  await input.fill('Seattle');
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'North America' }).filter({ hasText: 'Seattle' }).first().click();
  await step(2);
  await input.fill(TRACED.to!);
  await wb.page.keyboard.press('Enter');
  for (const n of [3, 4, 5]) {
    await step(n);
    await wb.page.keyboard.press('Enter');
  }
  await wb.diagram().locator('#route h2').waitFor({ timeout: 30000 });
}

export interface PageTest {
  name: string;
  fn: (wb: Workbench, workspace: string) => Promise<void>;
}

/** The longest stretch of a doc string outside backticks: rendered Markdown shows it as written. */
export function plainPhrase(doc: string): string {
  return doc
    .split('`')
    .filter((_, i) => i % 2 === 0)
    .flatMap((s) => s.split(/[*_]/))
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0];
}

export const pageTests: PageTest[] = [
  {
    name: 'the tree view shows the routing groups and opens a definition on click',
    fn: async (wb) => {
      const tree = await wb.view('Routing Groups');
      // From the top, as a person finds a group in a long tree: collapse all, then open the organization and North America.
      await wb.viewAction('Collapse All');
      await wb.expand(wb.row(tree, 'Contoso', 'organization'));
      await wb.expand(wb.row(tree, 'North America', 'administrative group'));
      for (const name of ['Boston', 'Seattle']) await wb.row(tree, name).waitFor({ timeout: 30000 });
      await wb.row(tree, 'Boston').click();
      await wb.activeTab('boston.routinggroup.yaml').waitFor();
    },
  },
  {
    name: 'the Problems panel lists the problems of a file',
    fn: async (wb) => {
      await wb.open('e2e/quickfix.connector.yaml');
      const panel = await wb.problems();
      await wb.filterProblems('cost-range');
      await panel
        .locator('.monaco-list-row', { hasText: msg.costRange('150') })
        .first()
        .waitFor({ timeout: 30000 });
      await wb.filterProblems('');
    },
  },
  {
    name: "a problem's code opens its rule's own section of rules.md, rendered in the Markdown preview",
    fn: async (wb) => {
      await wb.open('e2e/quickfix.connector.yaml');
      const panel = await wb.problems();
      await wb.filterProblems('cost-range');
      const row = panel.locator('.monaco-list-row', { hasText: msg.costRange('150') }).first();
      await row.waitFor({ timeout: 30000 });
      await row.locator('a.code-link, a.monaco-link', { hasText: 'cost-range' }).first().click();
      // The preview is a webview: find the frame that renders the section's heading.
      const heading = await waitUntil(
        'the rendered cost-range section',
        async () => {
          for (const frame of wb.page.frames()) {
            const h = frame.locator('h3#cost-range');
            if (await h.count().catch(() => 0)) return h;
          }
          return undefined;
        },
        30000,
      );
      // Scrolled to the section: its heading in the upper half of the preview, not below the tables at line 1.
      await waitUntil(
        'the preview scrolled to the cost-range section',
        () =>
          heading.evaluate((el) => {
            // The preview puts the section's first line at the top: the heading may start a few pixels above it.
            const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.top < el.ownerDocument.documentElement.clientHeight / 2 ? true : undefined;
          }),
        15000,
      );
      await wb.filterProblems('');
      await wb.command('View: Close All Editors');
    },
  },
  {
    name: 'Check the Workspace shows the Problems panel, and leaves it open when it is open already',
    fn: async (wb) => {
      const panel = await wb.problems();
      await wb.command('Exchange Connectors: Check the Workspace');
      // The summary comes after the panel is shown: by then a toggle would have closed it.
      await wb.page.locator('.notification-toast', { hasText: 'Exchange connectors checked' }).first().waitFor({ timeout: 30000 });
      assert.ok(await panel.isVisible(), 'the Problems panel is still open');
      await wb.command('View: Hide Panel');
      await panel.waitFor({ state: 'hidden' });
      await wb.command('Exchange Connectors: Check the Workspace');
      await panel.waitFor({ timeout: 30000 });
      await wb.command('Notifications: Clear All Notifications');
    },
  },
  {
    name: 'a hover shows the documentation of a field',
    fn: async (wb) => {
      await wb.open('e2e/quickfix.connector.yaml');
      await wb.page
        .locator('.view-line span', { hasText: /^delivery$/ })
        .first()
        .hover();
      const phrase = plainPhrase(fieldAt('SmtpConnector', ['general', 'delivery'])!.doc);
      await wb.page.locator('.monaco-hover', { hasText: phrase }).first().waitFor({ timeout: 15000 });
      await wb.page.mouse.move(0, 0);
    },
  },
  {
    name: 'a quick fix chosen from the light bulb changes the file',
    fn: async (wb, workspace) => {
      const file = join(workspace, 'e2e/quickfix.connector.yaml');
      const before = readFileSync(file, 'utf8');
      await wb.open('e2e/quickfix.connector.yaml');
      const line = before.split('\n').findIndex((l) => l.includes('cost: 150')) + 1;
      await wb.goTo(line, before.split('\n')[line - 1].indexOf('150') + 2);
      await wb.page.locator('.lightBulbWidget').first().click({ timeout: 15000 });
      await wb.chooseAction('Set cost to 100');
      await wb.page.keyboard.press('Control+S');
      // The save truncates the file before it writes it: an empty or partial read is not the result yet.
      const expected = before.replace('cost: 150', 'cost: 100');
      let last = before;
      await waitUntil(
        'the fixed file on disk',
        () => {
          last = readFileSync(file, 'utf8');
          return last === expected ? true : undefined;
        },
        15000,
      ).catch(() => assert.equal(last, expected));
    },
  },
  {
    name: 'a connector opened from the tree as a preview keeps its problems listed after the preview closes',
    fn: async (wb) => {
      await wb.command('View: Close All Editors');
      const tree = await wb.view('Routing Groups');
      // The API suite leaves other organizations and groups in the workspace: open whatever leads to Paris.
      const collapsed = tree
        .locator(
          '.monaco-list-row[aria-expanded="false"]:is([aria-label*=", organization"], [aria-label*=", administrative group"], [aria-label^="Paris, routing group"])',
        )
        .first();
      for (let i = 0; i < 20 && !(await wb.row(tree, 'Paris Preview Link', 'connector').isVisible()); i++) {
        if (!(await collapsed.isVisible())) break;
        const label = (await collapsed.getAttribute('aria-label'))!;
        await wb.expand(tree.locator(`.monaco-list-row[aria-label="${label}"]`).first());
      }
      const panel = await wb.problems();
      await wb.filterProblems('**/preview.connector.yaml');
      const costRow = panel.locator('.monaco-list-row', { hasText: msg.costRange('150') }).first();
      await costRow.waitFor({ timeout: 30000 });
      // A click opens the connector with an error as a preview: its problems are listed, and counted.
      await wb.row(tree, 'Paris Preview Link', 'connector').click();
      await wb.activeTab('preview.connector.yaml').waitFor();
      await costRow.waitFor({ timeout: 30000 });
      // A click on another connector takes the preview's place, and then a third: the first file is in no tab any
      // more. (The click lands on the row's name: a click on its twistie would only expand it.)
      for (const [name, file] of [
        ['Paris to Boston', 'paris-to-boston.connector.yaml'],
        ['Paris to Fabrikam', 'paris-fabrikam.connector.yaml'],
      ]) {
        await wb.row(tree, name, 'connector').locator('.label-name').first().click();
        await wb.activeTab(file).waitFor({ timeout: 15000 });
      }
      await wb.page.locator('.tabs-container .tab', { hasText: 'preview.connector.yaml' }).waitFor({ state: 'detached' });
      // Its problems are still listed. (The status bar's total is not compared: the API suite's scratch files are
      // still being re-checked, so it moves for reasons of its own.)
      await costRow.waitFor({ timeout: 30000 });
      await wb.filterProblems('');
    },
  },
  {
    name: 'the Routing Topology view draws every routing group and connector of the examples; a click on an arrow opens its file',
    fn: async (wb, workspace) => {
      await wb.command('View: Close All Editors');
      await wb.command('Exchange Connectors: Show Routing Topology');
      const d = wb.diagram();
      await d.locator('svg.topology').waitFor({ timeout: 30000 });
      const examples = topology(organization(join(workspace, 'europe')), () => ({}));
      const na = topology(organization(join(workspace, 'north-america')), () => ({}));
      const groups = [...examples.administrativeGroups, ...na.administrativeGroups]
        .flatMap((a) => a.routingGroups)
        .filter((g) => !g.inferred);
      assert.ok(groups.length >= 3);
      for (const g of groups) {
        await d.locator(`[data-kind="group"][data-name="${g.name}"]`).first().waitFor();
        for (const c of g.connectors) await d.locator(`.edge[data-connector="${c.name}"]`).first().waitFor();
      }
      await d.locator('.edge[data-connector="Boston to Paris"] text').first().click();
      await wb.activeTab('boston-to-paris.connector.yaml').waitFor({ timeout: 15000 });
    },
  },
  {
    name: 'Trace a Route asks for the message and draws the route hop by hop, its hops linked from the side panel',
    fn: async (wb, workspace) => {
      await traceInPage(wb);
      const expected = simulateRoute(organization(workspace).index, TRACED);
      const connectors = [...new Set(expected.routes.flatMap((r) => r.hops.map((h) => h.connector)))].sort();
      const d = wb.diagram();
      const drawn = await d.locator('.edge.on-route').evaluateAll((els) => els.map((e) => e.getAttribute('data-connector')));
      assert.deepEqual([...new Set(drawn)].sort(), connectors);
      const links = d.locator('#route ol.hops a');
      assert.equal(
        await links.count(),
        expected.routes.reduce((n, r) => n + r.hops.length, 0),
      );
      const first = expected.routes[0].hops[0].connector;
      const entry = [...organization(join(workspace, 'north-america')).index.connectors].find((c) => c.model.name?.value === first);
      assert.ok(entry, `the first hop, ${first}, leaves a North America group`);
      await links.first().click();
      await wb.activeTab(entry.uri.split('/').pop()!).waitFor({ timeout: 15000 });
    },
  },
  {
    name: 'New SMTP Connector asks the cost and, in the same step, writes both directions of the link',
    fn: async (wb, workspace) => {
      const out = join(workspace, 'north-america/seattle/seattle-to-paris.connector.yaml');
      const back = join(workspace, 'europe/paris/paris-to-seattle.connector.yaml');
      await wb.command('View: Close All Editors');
      await wb.command('Exchange Connectors: New SMTP Connector');
      const input = wb.page.locator('.quick-input-widget .quick-input-box input');
      const step = (n: number) => wb.page.locator('.quick-input-widget .quick-input-title', { hasText: `(${n}/5)` }).waitFor();
      const row = (text: string) => wb.page.locator('.quick-input-list .monaco-list-row', { hasText: text });
      await step(1);
      await input.fill('Seattle');
      await row('North America').filter({ hasText: 'Seattle' }).first().click();
      await step(2);
      await wb.page.keyboard.press('Enter');
      await step(3);
      await input.fill('Paris');
      await row('Europe').filter({ hasText: 'Paris' }).first().click();
      // The cost is typed in the box of the step that also offers the way back.
      await step(4);
      await input.fill('15');
      await row('Both ways, cost 15').first().click();
      await step(5);
      assert.equal(await input.inputValue(), 'Seattle to Paris');
      await wb.page.keyboard.press('Enter');
      try {
        const texts = await waitUntil(
          'both connector files',
          () => {
            try {
              return [readFileSync(out, 'utf8'), readFileSync(back, 'utf8')];
            } catch {
              return undefined;
            }
          },
          15000,
        );
        assert.match(texts[0], /^name: Seattle to Paris$[^]*^ {2}- routingGroup: Paris\n {4}administrativeGroup: Europe\n {4}cost: 15$/m);
        assert.match(
          texts[1],
          /^name: Paris to Seattle$[^]*^ {2}- routingGroup: Seattle\n {4}administrativeGroup: North America\n {4}cost: 15$/m,
        );
        await wb.activeTab('seattle-to-paris.connector.yaml').waitFor();
      } finally {
        await wb.command('View: Close All Editors');
        rmSync(out, { force: true });
        rmSync(back, { force: true });
      }
    },
  },
];

/** The Routing Topology view with a route traced, for docs/topology.png (on the examples alone). */
export async function topologyScreenshot(wb: Workbench, path: string): Promise<void> {
  await wb.command('View: Close All Editors');
  await traceInPage(wb);
  await wb.page.mouse.move(0, 0);
  await wb.page.screenshot({ path });
}

/** The picture for the README: the tree, a hover and the Problems panel, on the examples (once the other files are gone). */
export async function screenshot(wb: Workbench, path: string): Promise<void> {
  const tree = await wb.view('Routing Groups');
  await wb.expand(wb.row(tree, 'Contoso', 'organization'));
  await wb.row(tree, 'Europe', 'administrative group').waitFor({ timeout: 60000 });
  // The other folders are gone: so is their administrative group.
  await wb.row(tree, 'First Administrative Group', 'administrative group').waitFor({ state: 'detached', timeout: 30000 });
  for (const [name, kind] of [
    ['Europe', 'administrative group'],
    ['North America', 'administrative group'],
    ['Paris', 'routing group'],
    ['Boston', 'routing group'],
    ['Seattle', 'routing group'],
  ]) {
    await wb.expand(wb.row(tree, name, kind));
  }
  await wb.open('europe/paris/paris-to-boston.connector.yaml');
  await wb.problems();
  await wb.page
    .locator('.view-line span', { hasText: /^smartHosts$/ })
    .first()
    .hover();
  await wb.page
    .locator('.monaco-hover', { hasText: plainPhrase(fieldAt('SmtpConnector', ['general', 'smartHosts'])!.doc) })
    .first()
    .waitFor();
  await wb.page.screenshot({ path });
}
