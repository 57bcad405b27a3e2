import { CODES, type CodeInfo } from '../rules/codes';
import { cell, replaceRegion } from './regions';

/** The code tables of docs/rules.md, one per scope, from codes.ts (the prose around them is hand-written). */

export const RULES_DOC_PATH = 'docs/rules.md';

export function rulesTable(scope: CodeInfo['scope']): string {
  const rows = Object.entries(CODES)
    .filter(([, info]) => info.scope === scope)
    .map(([code, info]: [string, CodeInfo]) => {
      const fixes = info.fixes ?? '—';
      return `| <a id="${code}"></a>\`${code}\` | ${info.severity} | ${cell(info.summary)} | ${cell(fixes)} |`;
    });
  return ['| code | severity | when | quick fixes |', '|---|---|---|---|', ...rows].join('\n');
}

export function updateRulesDoc(text: string): string {
  return replaceRegion(replaceRegion(text, 'document-codes', rulesTable('document')), 'workspace-codes', rulesTable('workspace'));
}
