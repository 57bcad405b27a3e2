import type { DocEntry, WorkspaceIndex, WsFinding } from '../../workspace/index';
import { WsContext, type WorkspaceRule } from './context';
import { groupRefRule } from './groups';
import { bridgeheadRule } from './bridgeheads';
import { reciprocalRule } from './reciprocal';
import { smartHostRule } from './smartHosts';
import { duplicateConnectorRule, duplicateGroupRule } from './names';
import { routingGroupRule } from './routingGroups';
import { organizationRule } from './organization';
import { internetScopedOnlyRule, routingLoopRule } from './routing';
import type { ConnectorModel, DocumentModel } from '../../model/extract';
import { groupLinks } from '../../workspace/facts';
import { keys } from '../../workspace/keys';

/** Every workspace rule (docs/format.md, "Codes across the workspace"). */
export const WORKSPACE_RULES: readonly WorkspaceRule<never>[] = [
  groupRefRule,
  bridgeheadRule,
  reciprocalRule,
  smartHostRule,
  duplicateConnectorRule,
  duplicateGroupRule,
  routingGroupRule,
  organizationRule,
  routingLoopRule,
  internetScopedOnlyRule,
] as unknown as WorkspaceRule<never>[];

/** The workspace findings of one document, document-local; a crashing rule is logged and skipped. */
export function checkWorkspaceRules(index: WorkspaceIndex, entry: DocEntry, onError: (e: unknown) => void): WsFinding[] {
  const model = entry.model;
  if (!model) return [];
  const ctx = new WsContext(index, entry as DocEntry & { model: typeof model });
  for (const rule of WORKSPACE_RULES as readonly WorkspaceRule[]) {
    if (Array.isArray(rule.kind) ? !rule.kind.includes(model.kind) : rule.kind !== model.kind) continue;
    try {
      rule.check(ctx as never);
    } catch (e) {
      onError(e);
    }
  }
  return ctx.findings;
}

/** What the workspace's quick fixes on single-document codes read (fqdnFixes.ts): the connected groups and their connectors. */
function fqdnFixReads(c: ConnectorModel): string[] {
  return groupLinks(c).flatMap(({ link }) => [
    keys.group(link.adminGroupName!, link.routingGroup!.value),
    keys.connectorsIn(link.adminGroupName!, link.routingGroup!.value),
  ]);
}

/** Everything the workspace rules (and fixes) read of other documents for a document's model, as dependency keys. */
export function workspaceReads(model: DocumentModel): string[] {
  const out = new Set<string>();
  for (const rule of WORKSPACE_RULES as readonly WorkspaceRule[])
    if (Array.isArray(rule.kind) ? rule.kind.includes(model.kind) : rule.kind === model.kind) for (const k of rule.reads(model)) out.add(k);
  if (model.kind === 'SmtpConnector') for (const k of fqdnFixReads(model)) out.add(k);
  return [...out];
}
