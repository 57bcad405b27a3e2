/** Driving the VS Code workbench in the page as a person would: keys, quick open, clicks. */
import type { FrameLocator, Locator, Page } from 'playwright-core';

export class Workbench {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.page.locator('.part.statusbar').waitFor({ timeout: 60000 });
  }

  /** Runs a command from the command palette by its label. */
  async command(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    // The palette closes when something else takes the focus just after it opened (a view that a command run
    // before focuses, a notification): it is opened again, up to three times.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ timeout: 10000 });
        await input.fill(`>${label}`, { timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a file with Quick Open (Ctrl+P) and waits for its tab. */
  async open(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop()!;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(relativePath);
    // Click the match itself: Enter could take a recently opened file still listed first.
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    await this.activeTab(name).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  activeTab(name: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: name });
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Opens the extension's own activity-bar container and expands a view of it,
   * with the other panes collapsed to give it room; returns where its rows are.
   * A container with a single view shows no pane header: the side bar is the view.
   */
  async view(title: string): Promise<Locator> {
    // The container's icon in the activity bar (it shows once the workspace has connector files); a click on it
    // when it is already open would close the side bar.
    const container = this.page.locator('.sidebar .composite.title', { hasText: /Exchange Connectors/i });
    if (!(await container.isVisible()))
      await this.page.locator('.activitybar .action-label[aria-label^="Exchange Connectors"]').click({ timeout: 60000 });
    await container.waitFor();
    await this.page.locator('.sidebar .monaco-list-row').first().waitFor({ timeout: 30000 });
    const header = this.page.locator('.sidebar .pane-header', { hasText: title }).first();
    if (!(await header.isVisible())) return this.page.locator('.sidebar');
    await header.waitFor();
    const others = this.page.locator('.sidebar .pane-header[aria-expanded="true"]');
    for (let i = (await others.count()) - 1; i >= 0; i--) {
      const other = others.nth(i);
      if ((await other.textContent())?.includes(title)) continue;
      await other.locator('h3.title').click();
    }
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.locator('h3.title').click();
    await this.page.locator('.sidebar .pane-header[aria-expanded="true"]', { hasText: title }).waitFor();
    // Rows are found by their labels, which are distinct enough across the side bar.
    return this.page.locator('.sidebar');
  }

  /** Clicks a view action (such as "Collapse All") of the side bar, in the pane header or in the merged title. */
  async viewAction(label: string): Promise<void> {
    await this.page.locator(`.sidebar .action-label[aria-label="${label}"]`).first().click();
  }

  /** The Routing Topology webview's document (webviews nest two iframes). */
  diagram(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** The first row of the routing-group tree for `name`, of a kind such as "routing group" (rows are labelled "name, kind, details"). */
  row(container: Locator, name: string, kind = 'routing group'): Locator {
    return container.locator(`.monaco-list-row[aria-label^="${name}, ${kind}"]`).first();
  }

  /** Picks an entry of the open light-bulb menu with the keyboard (the menu blocks the pointer while it opens). */
  async chooseAction(title: string): Promise<void> {
    const menu = this.page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: title }).first().waitFor();
    const rows = await menu.locator('.monaco-list-row').count();
    for (let i = 0; i <= rows; i++) {
      const focused = await menu
        .locator('.monaco-list-row.focused')
        .first()
        .textContent()
        .catch(() => '');
      if (focused?.includes(title)) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden' });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`"${title}" could not be focused in the light-bulb menu`);
  }

  /** Expands a tree row with its twistie (a click on the row would open its definition). */
  async expand(row: Locator): Promise<void> {
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await this.page
      .locator(`.monaco-list-row[aria-expanded="true"][aria-label="${await row.getAttribute('aria-label')}"]`)
      .first()
      .waitFor();
  }

  /** The Problems panel, open. */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.command('View: Focus Problems');
    await panel.waitFor();
    return panel;
  }

  /** The number of errors the status bar counts (its problems item reads "errors warnings [infos]"). */
  async errorCount(): Promise<number> {
    const text = (await this.page.locator('[id="status.problems"]').first().textContent()) ?? '';
    const n = /\d+/.exec(text);
    if (!n) throw new Error(`no count in the status bar's problems item: "${text}"`);
    return Number(n[0]);
  }

  async filterProblems(text: string): Promise<void> {
    const filter = this.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
    await filter.click();
    await filter.fill(text);
  }
}

export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
