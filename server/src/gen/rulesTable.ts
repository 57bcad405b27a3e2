import { CODES, type CodeInfo } from '../rules/codes';
import { cell, replaceRegion } from './regions';

/**
 * The code tables of docs/rules.md, one per scope, and a section per code
 * (where diagnostics' code links land), from codes.ts (the prose around them
 * is hand-written). docs/format.md has the same tables with an anchor per row.
 */

export const RULES_DOC_PATH = 'docs/rules.md';

/** A table row's code: an anchor of its own (`ids`), or a link to the code's section (`links`). */
export function rulesTable(scope: CodeInfo['scope'], codeCell: 'ids' | 'links' = 'ids'): string {
  const rows = Object.entries(CODES)
    .filter(([, info]) => info.scope === scope)
    .map(([code, info]: [string, CodeInfo]) => {
      const fixes = info.fixes ?? '—';
      const name = codeCell === 'ids' ? `<a id="${code}"></a>\`${code}\`` : `[\`${code}\`](#${code})`;
      return `| ${name} | ${info.severity} | ${cell(info.summary)} | ${cell(fixes)} |`;
    });
  return ['| code | severity | when | quick fixes |', '|---|---|---|---|', ...rows].join('\n');
}

/**
 * One section per code, its heading the code itself, so that its anchor is
 * the code in every renderer (GitHub, VS Code's Markdown preview, which
 * scrolls to a heading named by the link's fragment).
 */
export function ruleSections(): string {
  return Object.entries(CODES)
    .map(([code, info]: [string, CodeInfo]) =>
      [
        `### \`${code}\``,
        '',
        `${info.severity}, ${info.scope === 'document' ? 'one document' : 'across the workspace'}. ${info.summary}`,
        '',
        `Quick fixes: ${info.fixes ?? 'none'}.`,
        '',
        `Turn it off or change its severity with \`"${code}": "off"\` in the \`exchangeConnectors.rules\` setting; silence one line with \`# exconn-disable-next-line ${code}\`.`,
      ].join('\n'),
    )
    .join('\n\n');
}

export function updateRulesDoc(text: string): string {
  const tables = replaceRegion(
    replaceRegion(text, 'document-codes', rulesTable('document', 'links')),
    'workspace-codes',
    rulesTable('workspace', 'links'),
  );
  return replaceRegion(tables, 'code-sections', ruleSections());
}
