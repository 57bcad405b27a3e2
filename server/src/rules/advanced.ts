import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DocContext, DocumentRule } from '../engine/context';
import type { Fix, Related } from '../engine/types';
import { isNull, mapOf, pairOf, resolve, stringValue } from '../model/access';
import { insertPair, mapIndent, removePair, replaceNode, replaceScalar, replaceSpan, setValue } from '../model/edits';
import { comparePositions } from '../model/text';
import { listAt } from './restrictions';
import { msg } from './messages';

/**
 * The Advanced tab (HELO, outbound security, ETRN/TURN) and remote triggered
 * delivery: authorized-accounts-required, helo-blocks-advanced,
 * turn-requires-auth, auth-username-required, etrn-server-required,
 * etrn-domains-required and dequeue-ignored.
 */
export const advancedRules: readonly DocumentRule[] = [
  { kinds: ['SmtpConnector'], check: checkRemoteTriggered },
  { kinds: ['SmtpConnector'], check: checkAdvanced },
];

/** A mapping and the pair that holds it. */
interface Section {
  pair: Pair;
  map: YAMLMap;
}

function section(ctx: DocContext, parent: YAMLMap | undefined, key: string): Section | undefined {
  const pair = pairOf(parent, key);
  const map = mapOf(ctx.doc, parent, key);
  return pair && map ? { pair, map } : undefined;
}

/** A key's value when it is text (undefined when absent or of another type). */
function textAt(ctx: DocContext, s: Section | undefined, key: string): { pair: Pair; node: Node; text: string } | undefined {
  const pair = pairOf(s?.map, key);
  const node = resolve(ctx.doc, pair?.value);
  const text = stringValue(node);
  return pair && node && text !== undefined ? { pair, node, text } : undefined;
}

function checkRemoteTriggered(ctx: DocContext): void {
  const rtd = section(ctx, mapOf(ctx.doc, ctx.root, 'deliveryOptions'), 'remoteTriggeredDelivery');
  if (!rtd) return;
  const enabled = resolve(ctx.doc, pairOf(rtd.map, 'enabled')?.value);
  if (!isScalar(enabled) || enabled.value !== true) return;
  const accounts = listAt(ctx.doc, rtd.map, 'authorizedAccounts');
  if (!accounts || accounts.entries.length > 0) return;
  ctx.report('authorized-accounts-required', ctx.keyRange(accounts.pair ?? rtd.pair), msg.authorizedAccountsRequired());
}

function checkAdvanced(ctx: DocContext): void {
  const advanced = section(ctx, ctx.root, 'advanced');
  if (!advanced) return;
  const security = section(ctx, advanced.map, 'outboundSecurity');
  const etrn = section(ctx, advanced.map, 'etrnTurn');
  checkHelo(ctx, advanced, security, etrn);
  checkUsername(ctx, security);
  if (etrn) checkEtrn(ctx, advanced, security, etrn);
}

interface Place {
  node: Node;
  what?: string;
}

function checkHelo(ctx: DocContext, advanced: Section, security: Section | undefined, etrn: Section | undefined): void {
  const heloRaw = pairOf(advanced.map, 'sendHelo')?.value as Node | null | undefined;
  const helo = resolve(ctx.doc, heloRaw);
  if (!heloRaw || !isScalar(helo) || helo.value !== true) return;
  const blockers: Place[] = [];
  const request = textAt(ctx, etrn, 'request');
  if (request && (request.text === 'whenSending' || request.text === 'fromDifferentServer'))
    blockers.push({ node: request.node, what: 'ETRN/TURN' });
  const dequeue = textAt(ctx, etrn, 'dequeue');
  if (dequeue && (dequeue.text === 'etrn' || dequeue.text === 'turn')) blockers.push({ node: dequeue.node, what: 'ETRN/TURN' });
  const auth = textAt(ctx, security, 'authentication');
  if (auth && (auth.text === 'basic' || auth.text === 'integratedWindows')) blockers.push({ node: auth.node, what: 'authentication' });
  const tls = resolve(ctx.doc, pairOf(security?.map, 'tls')?.value);
  if (isScalar(tls) && tls.value === true) blockers.push({ node: tls, what: 'TLS' });
  if (blockers.length === 0) return;

  // One diagnostic, on whichever of the places comes last, pointing at all the others.
  const placesInOrder = [{ node: heloRaw } as Place, ...blockers].sort((a, b) =>
    comparePositions(ctx.range(a.node).start, ctx.range(b.node).start),
  );
  const last = placesInOrder[placesInOrder.length - 1];
  const related: Related[] = placesInOrder.slice(0, -1).map((p) => ({
    range: ctx.range(p.node),
    message: p.what ? msg.heloBlockedHere(p.what) : msg.heloBlocksAdvancedOther,
  }));
  const whats = [...new Set(blockers.map((b) => b.what!))];
  const fixes: Fix[] = [];
  if (helo === heloRaw) fixes.push({ title: msg.fixSendEhlo(), edits: [replaceNode(ctx.doc, helo, 'false')] });
  const removals: TextEdit[] = [];
  if (etrn && whats.includes('ETRN/TURN')) removals.push(removePair(ctx.doc, advanced.map, etrn.pair));
  if (security && (whats.includes('authentication') || whats.includes('TLS')))
    removals.push(removePair(ctx.doc, advanced.map, security.pair));
  fixes.push({ title: msg.fixRemoveEsmtp(), edits: mergeDeletions(ctx, removals) });
  ctx.report('helo-blocks-advanced', ctx.range(last.node), msg.heloBlocksAdvanced(joinAnd(whats)), { related, fixes });
}

/**
 * Deletions of neighbouring keys can overlap: the last line of a document gives
 * up the line break before it. Overlapping deletions become one.
 */
function mergeDeletions(ctx: DocContext, edits: TextEdit[]): TextEdit[] {
  const lines = ctx.doc.lines;
  const spans = edits.map((e) => [lines.offset(e.range.start), lines.offset(e.range.end)]).sort((a, b) => a[0] - b[0]);
  const merged: number[][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const t = ctx.doc.text;
  return merged.map(([s, e]) => {
    // Up to the end of a text without a final line break: the line break before goes too, as deleteLines does.
    if (e === t.length && !t.endsWith('\n') && t[s - 1] === '\n') s -= t[s - 2] === '\r' ? 2 : 1;
    return replaceSpan(ctx.doc, s, e, '');
  });
}

function joinAnd(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function checkUsername(ctx: DocContext, security: Section | undefined): void {
  const auth = textAt(ctx, security, 'authentication');
  if (!security || !auth || (auth.text !== 'basic' && auth.text !== 'integratedWindows')) return;
  const range = emptyTextRange(ctx, security, 'username');
  if (range) ctx.report('auth-username-required', range, msg.authUsernameRequired(auth.text));
}

/**
 * Where a required text that is missing is reported: the mapping's key when the
 * key is absent, its own key when it has no value, the value when it is blank;
 * undefined when the text is there (or of another type, which schema.ts reports).
 */
function emptyTextRange(ctx: DocContext, s: Section, key: string): Range | undefined {
  const pair = pairOf(s.map, key);
  if (!pair) return ctx.keyRange(s.pair);
  const node = resolve(ctx.doc, pair.value);
  if (isNull(node)) return ctx.keyRange(pair);
  const text = stringValue(node);
  if (text !== undefined && text.trim() === '') return ctx.range(pair.value as Node);
  return undefined;
}

function checkEtrn(ctx: DocContext, advanced: Section, security: Section | undefined, etrn: Section): void {
  const requestPair = pairOf(etrn.map, 'request');
  // Absent means the default, none; a value outside the set is invalid-value's, and nothing here judges it.
  const request = requestPair ? textAt(ctx, etrn, 'request')?.text : 'none';
  if (request === 'none') {
    // Nothing is requested, so dequeue and its domains or TURN's authentication are
    // not needed either: dequeue-ignored alone says what to tidy up.
    checkIgnored(ctx, etrn);
    return;
  }
  if (request !== 'whenSending' && request !== 'fromDifferentServer') return;

  if (request === 'fromDifferentServer') {
    const range = emptyTextRange(ctx, etrn, 'server');
    if (range) ctx.report('etrn-server-required', range, msg.etrnServerRequired());
  }
  const dequeue = textAt(ctx, etrn, 'dequeue');
  if (dequeue?.text === 'etrn') {
    const domains = listAt(ctx.doc, etrn.map, 'etrnDomains');
    if (domains && domains.entries.length === 0)
      ctx.report('etrn-domains-required', ctx.keyRange(domains.pair ?? etrn.pair), msg.etrnDomainsRequired());
  }
  if (dequeue?.text === 'turn') checkTurnAuth(ctx, advanced, security, dequeue.node);
}

/** dequeue, server and etrnDomains do nothing while no ETRN/TURN is requested: one diagnostic per key, each able to remove all of them. */
function checkIgnored(ctx: DocContext, etrn: Section): void {
  const present: [string, Pair][] = [];
  for (const key of ['dequeue', 'server', 'etrnDomains']) {
    const pair = pairOf(etrn.map, key);
    if (pair) present.push([key, pair]);
  }
  if (present.length === 0) return;
  const fix: Fix = {
    title: msg.fixRemoveDequeue(),
    edits: mergeDeletions(
      ctx,
      present.map(([, p]) => removePair(ctx.doc, etrn.map, p)),
    ),
  };
  for (const [key, pair] of present) ctx.report('dequeue-ignored', ctx.keyRange(pair), msg.dequeueIgnored(key), { fixes: [fix] });
}

function checkTurnAuth(ctx: DocContext, advanced: Section, security: Section | undefined, dequeue: Node): void {
  const authPair = pairOf(security?.map, 'authentication');
  const auth = textAt(ctx, security, 'authentication');
  if (authPair && auth?.text !== 'anonymous') return;
  let at: Range;
  let related: Related;
  if (auth) {
    // TURN against an explicit anonymous: on the later of the two.
    const [later, earlier, otherMessage] =
      comparePositions(ctx.range(auth.node).start, ctx.range(dequeue).start) > 0
        ? [auth.node, dequeue, msg.turnRequiresAuthTurn]
        : [dequeue, auth.node, msg.turnRequiresAuthOther];
    at = ctx.range(later);
    related = { range: ctx.range(earlier), message: otherMessage };
  } else {
    // Anonymous by default: the other place is the mapping that leaves it out.
    at = ctx.range(dequeue);
    related = {
      range: ctx.keyRange(security?.pair ?? pairOf(advanced.map, 'outboundSecurity') ?? advanced.pair),
      message: msg.turnRequiresAuthOther,
    };
  }
  const fixes: Fix[] = [];
  for (const [title, value] of [
    [msg.fixBasicAuth(), 'basic'],
    [msg.fixWindowsAuth(), 'integratedWindows'],
  ]) {
    const edit = setAuthentication(ctx, advanced, security, value);
    if (edit) fixes.push({ title, edits: [edit] });
  }
  ctx.report('turn-requires-auth', at, msg.turnRequiresAuth(), { related: [related], fixes });
}

/** Sets outboundSecurity.authentication, creating the key or the whole section when they are absent. */
function setAuthentication(ctx: DocContext, advanced: Section, security: Section | undefined, value: string): TextEdit | undefined {
  const doc = ctx.doc;
  if (security) {
    const pair = pairOf(security.map, 'authentication');
    const node = pair?.value as Node | null | undefined;
    if (pair && node && !isNull(node)) return replaceScalar(doc, node, value);
    return setValue(doc, security.map, 'authentication', value, pair, 'start');
  }
  const indent = mapIndent(doc, advanced.map);
  const nested = (eol: string) =>
    `${eol}${' '.repeat(indent)}${' '.repeat(Math.max(2, indent - mapIndent(doc, ctx.root)))}authentication: ${value}`;
  const existing = pairOf(advanced.map, 'outboundSecurity');
  if (existing) {
    // `outboundSecurity:` with nothing after it gets its first key; any other value is invalid-type's.
    const v = existing.value as Node | null;
    if (!isNull(v)) return undefined;
    if (v?.range && v.range[1] > v.range[0]) return replaceNode(doc, v, `{authentication: ${value}}`);
    if (advanced.map.flow) return undefined;
    const keyEnd = (existing.key as Node).range![1];
    const at = doc.lines.lineEnd(doc.lines.position(keyEnd).line);
    return replaceSpan(doc, at, at, nested(doc.eol));
  }
  if (advanced.map.flow) return insertPair(doc, advanced.map, 'outboundSecurity', `{authentication: ${value}}`);
  // A new block section, one indentation step deeper, after sendHelo as the catalog orders it.
  const after = pairOf(advanced.map, 'sendHelo') ?? 'start';
  const placeholder = '\u0000';
  const edit = insertPair(doc, advanced.map, 'outboundSecurity', placeholder, after);
  return { range: edit.range, newText: edit.newText.replace(`: ${placeholder}`, ':' + nested(doc.eol)) };
}
