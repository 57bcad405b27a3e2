import type { Location, Range } from 'vscode-languageserver-types';
import type { Workspace, CheckOptions } from '../engine/workspace';
import { shiftRange } from '../model/text';
import { nameKey } from '../workspace/names';
import type {
  AdministrativeGroupNode,
  ConnectorNode,
  ProblemCounts,
  ProblemSummary,
  RoutingGroupNode,
  Topology,
} from '../../../shared/protocol';
import { restrictionLines, scheduleLine } from './connectorSummary';
import { nameIndex } from './names';
import { sorted } from '../workspace/nameIndex';
import type { ConnectorModel } from '../model/extract';
import { groupLinks, hasConnectorBack, ownGroupKey } from '../workspace/facts';

/**
 * The topology for the tree view: organization → administrative groups →
 * routing groups (defined or inferred) → servers and connectors, each
 * connector with its link status, and problem counts from the diagnostics.
 */
export function topology(ws: Workspace, optionsFor: (uri: string) => CheckOptions): Topology {
  const index = nameIndex(ws);
  const counts = problemCounts(ws, optionsFor);
  const countOf = (uri: string, fd: { line: number }): ProblemCounts => {
    const c = counts.get(`${uri}#${fd.line}`);
    return c ? { errors: c.errors, warnings: c.warnings } : { errors: 0, warnings: 0 };
  };
  const firstOf = (uri: string, fd: { line: number }): ProblemSummary[] => counts.get(`${uri}#${fd.line}`)?.first ?? [];
  const at = (uri: string, fd: { line: number }, r: Range): Location => ({ uri, range: shiftRange(r, fd.line) });

  const admins = new Map<string, AdministrativeGroupNode>();
  const groups = new Map<string, RoutingGroupNode>();
  const adminNode = (name: string) => {
    const k = nameKey(name);
    let a = admins.get(k);
    if (!a) admins.set(k, (a = { name, routingGroups: [] }));
    return a;
  };
  const groupNode = (name: string, admin: string, inferred: boolean) => {
    const k = `${nameKey(admin)}/${nameKey(name)}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        name,
        administrativeGroup: admin,
        inferred,
        servers: [],
        connectors: [],
        problems: { errors: 0, warnings: 0 },
        firstProblems: [],
      };
      groups.set(k, g);
      adminNode(admin).routingGroups.push(g);
    }
    return g;
  };

  for (const e of sorted(index.routingGroups)) {
    const m = e.model;
    if (!m.name) continue;
    const g = groupNode(m.name.value, m.adminGroup?.value ?? '', false);
    g.location = at(e.uri, e, m.name.range);
    add(g.problems, countOf(e.uri, e));
    g.firstProblems = firstOf(e.uri, e);
    for (const s of m.servers) {
      if (!s.name) continue;
      g.servers.push({
        name: s.name.value,
        ...(s.fqdn ? { fqdn: s.fqdn.value } : {}),
        version: s.version,
        virtualServers: s.virtualServers,
        location: at(e.uri, e, s.name.range),
      });
    }
  }
  for (const e of sorted(index.connectors)) {
    const m = e.model;
    if (!m.routingGroup) continue;
    const admin = m.adminGroup?.value ?? '';
    const g = groupNode(m.routingGroup.value, admin, true);
    const problems = countOf(e.uri, e);
    add(g.problems, problems);
    const node: ConnectorNode = {
      name: m.name?.value ?? '(unnamed)',
      kind: m.kind,
      location: at(e.uri, e, m.name?.range ?? m.kindRange),
      connected: m.connected.map((c) => ({
        ...(c.routingGroup ? { routingGroup: c.routingGroup.value, administrativeGroup: c.adminGroupName ?? admin } : {}),
        ...(c.exchange55Site !== undefined ? { exchange55Site: c.exchange55Site } : {}),
        cost: c.cost,
        ...(c.invalidCost !== undefined ? { invalidCost: c.invalidCost } : {}),
      })),
      status: problems.errors > 0 ? 'errors' : linksBack(ws, m) ? 'complete' : 'oneSided',
      problems,
      firstProblems: firstOf(e.uri, e),
      addressSpaces: m.addressSpaces.map((a) => ({
        type: a.type,
        address: a.address.value,
        cost: a.cost,
        ...(a.invalidCost !== undefined ? { invalidCost: a.invalidCost } : {}),
      })),
      scope: m.scope,
      restrictions: restrictionLines(e.doc, m),
      schedule: scheduleLine(m),
    };
    g.connectors.push(node);
    // A connected group no document defines still shows, inferred.
    for (const c of m.connected) if (c.routingGroup) groupNode(c.routingGroup.value, c.adminGroupName ?? admin, true);
  }

  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const administrativeGroups = [...admins.values()].sort(byName);
  for (const a of administrativeGroups) {
    a.routingGroups.sort(byName);
    for (const g of a.routingGroups) {
      g.servers.sort(byName);
      g.connectors.sort(byName);
    }
  }
  const org = sorted(index.organizations).find((o) => o.model.name);
  return {
    ...(org ? { organization: { name: org.model.name!.value, location: at(org.uri, org, org.model.name!.range) } } : {}),
    administrativeGroups,
  };
}

function add(to: ProblemCounts, from: ProblemCounts): void {
  to.errors += from.errors;
  to.warnings += from.warnings;
}

/** Does every connected routing group have a connector that connects back? (Read from the index, as missing-reciprocal-connector reads it.) */
function linksBack(ws: Workspace, m: ConnectorModel): boolean {
  const own = ownGroupKey(m);
  if (!own) return false;
  return groupLinks(m).every((l) => l.key === own || hasConnectorBack(ws.index, l.key, own));
}

type DocumentProblems = ProblemCounts & { first: ProblemSummary[]; lines: number[] };

/** Errors and warnings per YAML document, keyed `uri#firstLine`, with the first three (errors first, then by line). */
function problemCounts(ws: Workspace, optionsFor: (uri: string) => CheckOptions): Map<string, DocumentProblems> {
  const out = new Map<string, DocumentProblems>();
  for (const uri of ws.uris()) {
    const file = ws.file(uri)!;
    for (const f of ws.findings(uri, optionsFor(uri))) {
      if (f.severity !== 'error' && f.severity !== 'warning') continue;
      const fd = file.documentAtLine(f.range.start.line);
      if (!fd) continue;
      const k = `${uri}#${fd.line}`;
      const c = out.get(k) ?? { errors: 0, warnings: 0, first: [], lines: [] };
      if (f.severity === 'error') c.errors++;
      else c.warnings++;
      c.first.push({ code: f.code, severity: f.severity, message: f.message });
      c.lines.push(f.range.start.line);
      out.set(k, c);
    }
  }
  for (const c of out.values()) {
    const order = c.first.map((p, i) => ({ p, line: c.lines[i], i }));
    order.sort((a, b) => (a.p.severity === b.p.severity ? a.line - b.line || a.i - b.i : a.p.severity === 'error' ? -1 : 1));
    c.first = order.slice(0, 3).map((x) => x.p);
  }
  return out;
}
