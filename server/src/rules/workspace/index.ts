import type { DocEntry, WorkspaceIndex, WsFinding } from '../../workspace/index';
import { WsContext, type WorkspaceRule } from './context';
import { groupRefRule } from './groups';
import { bridgeheadRule } from './bridgeheads';
import { reciprocalRule } from './reciprocal';
import { smartHostRule } from './smartHosts';
import { duplicateConnectorRule, duplicateGroupRule } from './names';
import { routingGroupRule } from './routingGroups';
import { organizationRule } from './organization';

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
] as unknown as WorkspaceRule<never>[];

/** The workspace findings of one document, document-local; a crashing rule is logged and skipped. */
export function checkWorkspaceRules(index: WorkspaceIndex, entry: DocEntry, onError: (e: unknown) => void): WsFinding[] {
  const model = entry.model;
  if (!model) return [];
  const ctx = new WsContext(index, entry as DocEntry & { model: typeof model });
  for (const rule of WORKSPACE_RULES as readonly WorkspaceRule[]) {
    if (rule.kind !== model.kind) continue;
    try {
      rule.check(ctx as never);
    } catch (e) {
      onError(e);
    }
  }
  return ctx.findings;
}
