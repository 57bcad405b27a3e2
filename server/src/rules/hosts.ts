import { isMap, isScalar, type Node, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DocContext, DocumentRule } from '../engine/context';
import type { Fix } from '../engine/types';
import { mapOf, pairOf, resolve, seqOf, trimEnd } from '../model/access';
import { removeItem, replaceScalar, replaceSpan } from '../model/edits';
import { hostProblem, parseHost, type Host } from '../model/hostname';
import type { ParsedDocument } from '../model/parse';
import { msg } from './messages';

/**
 * The host rules: host-invalid, host-not-fqdn, smart-host-bare-ip and
 * smart-host-invalid-ip for every host (smart hosts, the ETRN server, a
 * server's fqdn); smart-host-duplicate and smart-host-order across a
 * connector's smart-host list.
 */

/** A host's text: a string, or the source of a YAML number (an all-digit host such as 123). Other values are schema.ts's. */
export function hostText(node: Node | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number') return node.source ?? String(node.value);
  return undefined;
}

/**
 * Reports what is wrong with one host by itself and returns its reading; an
 * alias is read through, but fixed only where the value is written.
 */
function checkHost(ctx: DocContext, raw: Node): { text: string; host: Host } | undefined {
  const node = resolve(ctx.doc, raw);
  const text = hostText(node);
  if (text === undefined) return undefined;
  const host = parseHost(text);
  const editable = node === raw;
  const range = ctx.range(raw);
  if (host.kind === 'invalid') {
    if (host.bracketed) {
      ctx.report('smart-host-invalid-ip', range, msg.smartHostInvalidIp(text));
      return { text, host };
    }
    const trimmed = text.trim();
    const joined = trimmed.replace(/\s+/g, '');
    const fixes: Fix[] = [];
    if (editable && trimmed !== text && parseHost(trimmed).kind !== 'invalid')
      fixes.push({ title: msg.fixTrim(trimmed), preferred: true, edits: [replaceScalar(ctx.doc, raw, trimmed)] });
    // A space inside a name may stand for a hyphen or a dot: offered, never applied unattended.
    else if (editable && joined !== trimmed && parseHost(joined).kind !== 'invalid')
      fixes.push({ title: msg.fixRemoveSpace(joined), edits: [replaceScalar(ctx.doc, raw, joined)] });
    ctx.report('host-invalid', range, msg.hostInvalid(text, hostProblem(text)), { fixes });
  } else if (host.kind === 'bareIp') {
    const fixes: Fix[] = editable
      ? [{ title: msg.fixBracket(host.normalized), preferred: true, edits: [replaceScalar(ctx.doc, raw, `[${host.normalized}]`)] }]
      : [];
    ctx.report('smart-host-bare-ip', range, msg.smartHostBareIp(text), { fixes });
  } else if (host.singleLabel) {
    ctx.report('host-not-fqdn', range, msg.hostNotFqdn(text));
  }
  return { text, host };
}

interface Entry {
  index: number;
  raw: Node;
  text: string;
  host: Host;
}

const smartHostRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const seq = seqOf(ctx.doc, mapOf(ctx.doc, ctx.root, 'general'), 'smartHosts');
    if (!seq) return;
    const entries: Entry[] = [];
    seq.items.forEach((raw, index) => {
      if (!raw) return;
      const read = checkHost(ctx, raw as Node);
      if (read) entries.push({ index, raw: raw as Node, ...read });
    });
    // Invalid hosts and bare addresses (awaiting their brackets) are compared once repaired.
    const sound = entries.filter((e) => e.host.kind === 'name' || e.host.kind === 'literal');
    // A duplicate is judged once, as a duplicate; the order is judged among the distinct hosts.
    reportOrder(ctx, seq, reportDuplicates(ctx, seq, sound));
  },
};

/** Reports every entry that repeats an earlier one; returns the distinct entries. */
function reportDuplicates(ctx: DocContext, seq: YAMLSeq, entries: Entry[]): Entry[] {
  const first = new Map<string, Entry>();
  for (const e of entries) {
    const earlier = first.get(e.host.normalized);
    if (!earlier) {
      first.set(e.host.normalized, e);
      continue;
    }
    ctx.report('smart-host-duplicate', ctx.range(e.raw), msg.smartHostDuplicate(e.text), {
      related: [{ range: ctx.range(earlier.raw), message: msg.smartHostDuplicateFirst }],
      fixes: [{ title: msg.fixRemoveDuplicateHost(e.text), preferred: true, edits: [removeItem(ctx.doc, seq, e.index)] }],
    });
  }
  return [...first.values()];
}

/** One diagnostic per list: on the first host name that follows an IP literal, related to that literal. */
function reportOrder(ctx: DocContext, seq: YAMLSeq, entries: Entry[]): void {
  const literal = entries.find((e) => e.host.kind === 'literal');
  if (!literal) return;
  const name = entries.find((e) => e.host.kind === 'name' && e.index > literal.index);
  if (!name) return;
  const edit = hostsFirstEdit(ctx.doc, seq);
  ctx.report('smart-host-order', ctx.range(name.raw), msg.smartHostOrder(literal.text), {
    related: [{ range: ctx.range(literal.raw), message: msg.smartHostOrderLiteral }],
    fixes: edit ? [{ title: msg.fixHostsFirst(), preferred: true, edits: [edit] }] : [],
  });
}

/** IP literals (and bare or broken addresses) go after the host names; each group keeps its order. */
function isAddress(doc: ParsedDocument, raw: Node): boolean {
  const text = hostText(resolve(doc, raw))?.trim() ?? '';
  const kind = parseHost(text).kind;
  return kind === 'literal' || kind === 'bareIp' || text.startsWith('[');
}

function hostsFirstOrder(doc: ParsedDocument, nodes: Node[]): number[] {
  const idx = nodes.map((_, i) => i);
  return [...idx.filter((i) => !isAddress(doc, nodes[i])), ...idx.filter((i) => isAddress(doc, nodes[i]))];
}

/**
 * The edit that puts host names first, or undefined when the list's layout
 * does not allow moving entries with their comments: a block list must have
 * every entry on a line of its own (moved as whole lines, with the comment
 * lines just above it); a flow list must have no comment inside.
 */
export function hostsFirstEdit(doc: ParsedDocument, seq: YAMLSeq): TextEdit | undefined {
  const nodes = seq.items as (Node | null)[];
  if (nodes.length < 2 || nodes.some((n) => !n || !n.range || hostText(resolve(doc, n)) === undefined)) return undefined;
  const list = nodes as Node[];
  const order = hostsFirstOrder(doc, list);
  return seq.flow ? flowReorder(doc, list, order) : blockReorder(doc, list, order);
}

function blockReorder(doc: ParsedDocument, nodes: Node[], order: number[]): TextEdit | undefined {
  const lines = doc.lines;
  const itemLines: number[] = [];
  for (const n of nodes) {
    const [start, end] = n.range!;
    const valueEnd = trimEnd(doc.text, start, end);
    const line = lines.position(start).line;
    if (lines.position(valueEnd).line !== line) return undefined;
    const before = doc.text.slice(lines.starts[line], start);
    const after = doc.text.slice(valueEnd, lines.lineEnd(line));
    if (!/^[ \t]*-[ \t]+$/.test(before) || !/^[ \t]*(#.*)?$/.test(after)) return undefined;
    itemLines.push(line);
  }
  // Each entry takes the comment and blank lines between it and the entry before;
  // the first takes the comment lines just above it, indented as far as its dash.
  const firstLine = commentsAbove(doc, itemLines[0]);
  const chunks = itemLines.map((line, i) => {
    const from = i === 0 ? firstLine : itemLines[i - 1] + 1;
    const out: string[] = [];
    for (let l = from; l <= line; l++) out.push(lines.lineText(l));
    return out;
  });
  const last = itemLines[itemLines.length - 1];
  const newText = order.flatMap((i) => chunks[i]).join(doc.eol);
  return replaceSpan(doc, lines.starts[firstLine], lines.lineEnd(last), newText);
}

/** The first of the comment-only lines right above an entry's line that are indented at least as far as its dash. */
function commentsAbove(doc: ParsedDocument, line: number): number {
  const indent = (t: string) => t.length - t.trimStart().length;
  const dash = indent(doc.lines.lineText(line));
  let from = line;
  while (from > 0) {
    const t = doc.lines.lineText(from - 1);
    if (!t.trimStart().startsWith('#') || indent(t) < dash) break;
    from--;
  }
  return from;
}

function flowReorder(doc: ParsedDocument, nodes: Node[], order: number[]): TextEdit | undefined {
  const spans = nodes.map((n) => [n.range![0], trimEnd(doc.text, n.range![0], n.range![1])] as const);
  const gaps: string[] = [];
  for (let i = 0; i + 1 < spans.length; i++) {
    const gap = doc.text.slice(spans[i][1], spans[i + 1][0]);
    if (gap.includes('#')) return undefined; // a comment could not move with its entry
    gaps.push(gap);
  }
  const texts = spans.map(([s, e]) => doc.text.slice(s, e));
  const newText = order.map((i, slot) => texts[i] + (gaps[slot] ?? '')).join('');
  return replaceSpan(doc, spans[0][0], spans[spans.length - 1][1], newText);
}

const etrnServerRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const raw = pairOf(mapOf(ctx.doc, mapOf(ctx.doc, ctx.root, 'advanced'), 'etrnTurn'), 'server')?.value;
    if (raw) checkHost(ctx, raw);
  },
};

const serverFqdnRule: DocumentRule = {
  kinds: ['RoutingGroup'],
  check(ctx) {
    // An alias to a server is checked where the server is written.
    for (const server of seqOf(ctx.doc, ctx.root, 'servers')?.items ?? []) {
      const raw = isMap(server) ? pairOf(server, 'fqdn')?.value : undefined;
      if (raw) checkHost(ctx, raw);
    }
  },
};

export const hostRules: readonly DocumentRule[] = [smartHostRule, etrnServerRule, serverFqdnRule];
