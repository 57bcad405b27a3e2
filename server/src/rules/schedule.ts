import { isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DocContext, DocumentRule } from '../engine/context';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../engine/types';
import { CONNECTION_TIMES, CONNECTOR_KINDS } from '../model/catalog';
import { isNull, mapOf, pairOf, resolve, stringOf, stringValue } from '../model/access';
import { insertPair, replaceScalar, replaceSpan } from '../model/edits';
import { formatTime, onGrid, parseWindow, roundWindow, type ScheduleWindow } from '../model/schedule';
import { msg } from './messages';

/**
 * schedule-required, schedule-ignored, schedule-invalid, schedule-granularity
 * and never-runs, on the three schedules of a connector: deliveryOptions, its
 * oversize section, and advanced.etrnTurn.
 */

type Where = 'delivery' | 'oversize' | 'etrn';

interface Place {
  where: Where;
  /** The pair whose value is the mapping (deliveryOptions:, oversize:, etrnTurn:). */
  owner: Pair;
  map: YAMLMap;
  /** Keys the catalog puts before connectionTime, so an inserted one lands in catalog order. */
  before: readonly string[];
  /** Whether connectionTime and schedule take effect at all. */
  active: boolean;
}

export const scheduleRules: readonly DocumentRule[] = [
  {
    kinds: CONNECTOR_KINDS,
    check(ctx) {
      for (const place of places(ctx)) checkPlace(ctx, place);
    },
  },
];

function places(ctx: DocContext): Place[] {
  const { doc, root } = ctx;
  const out: Place[] = [];
  const delivery = mapOf(doc, root, 'deliveryOptions');
  if (delivery) {
    out.push({ where: 'delivery', owner: pairOf(root, 'deliveryOptions')!, map: delivery, before: [], active: true });
    const oversize = mapOf(doc, delivery, 'oversize');
    if (oversize)
      out.push({ where: 'oversize', owner: pairOf(delivery, 'oversize')!, map: oversize, before: ['thresholdKB'], active: true });
  }
  const etrn = mapOf(doc, mapOf(doc, root, 'advanced'), 'etrnTurn');
  if (etrn) {
    // ESM greys out the ETRN/TURN connection time and schedule unless the request
    // goes to a different server; an administrator who switched to "when sending"
    // left them there on purpose, so they are neither required nor reported as
    // ignored then. A malformed window is still reported wherever it is written.
    const request = pairOf(etrn, 'request') ? stringOf(doc, etrn, 'request') : 'none';
    out.push({
      where: 'etrn',
      owner: pairOf(mapOf(doc, root, 'advanced'), 'etrnTurn')!,
      map: etrn,
      before: ['request', 'server'],
      active: request === 'fromDifferentServer',
    });
  }
  return out;
}

function checkPlace(ctx: DocContext, place: Place): void {
  const { doc } = ctx;
  const ctPair = pairOf(place.map, 'connectionTime');
  const ctNode = resolve(doc, ctPair?.value);
  // Absent means the default, always; a value of the wrong type or outside the set is schema.ts's to report.
  const ctText = ctPair ? stringValue(ctNode) : 'always';
  const ct = ctText !== undefined && (CONNECTION_TIMES as readonly string[]).includes(ctText) ? ctText : undefined;

  const schedPair = pairOf(place.map, 'schedule');
  const schedNode = resolve(doc, schedPair?.value);
  const readable = !schedPair || isNull(schedNode) || isSeq(schedNode);
  const entries = isSeq(schedNode) ? schedNode.items : [];

  // Windows reached through an alias are checked once, where they are anchored.
  if (schedNode === schedPair?.value) for (const raw of entries) checkWindow(ctx, raw as Node | null);

  if (place.active && readable && ct === 'custom' && entries.length === 0) {
    ctx.report('schedule-required', ctx.keyRange(schedPair ?? place.owner), msg.scheduleRequired());
  }
  if (place.active && ct !== undefined && ct !== 'custom' && entries.length > 0) {
    const edit = ctPair && ctNode ? replaceScalar(doc, ctNode, 'custom') : insertConnectionTime(ctx, place);
    ctx.report('schedule-ignored', ctx.keyRange(schedPair!), msg.scheduleIgnored(ct), {
      fixes: [{ title: msg.fixSetCustom(), edits: [edit] }],
    });
  }
  // An oversize time of never leaves oversize mail queued until it expires, which
  // no administrator wants unnoticed; an ETRN/TURN time of never only stops the
  // requests, while the connector still sends.
  if (ct === 'never' && ctNode && place.where !== 'etrn') {
    const message = place.where === 'oversize' ? msg.neverRunsOversize() : msg.neverRuns();
    ctx.report('never-runs', ctx.range(ctNode), message, {
      fixes: [{ title: msg.fixSetAlways(), edits: [replaceScalar(doc, ctNode, 'always')] }],
    });
  }
}

/** Inserts `connectionTime: custom` in catalog order; as a first key, above the comments that open the mapping, which belong to the key after them. */
function insertConnectionTime(ctx: DocContext, place: Place): TextEdit {
  const edit = insertPair(ctx.doc, place.map, 'connectionTime', 'custom', lastPresent(place) ?? 'start');
  if (lastPresent(place) || place.map.flow) return edit;
  const lines = ctx.doc.lines;
  const ownerLine = lines.position((place.owner.key as Node).range![0]).line;
  let line = edit.range.start.line;
  while (
    line - 1 > ownerLine &&
    lines
      .lineText(line - 1)
      .trim()
      .startsWith('#')
  )
    line--;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: edit.newText };
}

function lastPresent(place: Place): Pair | undefined {
  for (let i = place.before.length - 1; i >= 0; i--) {
    const p = pairOf(place.map, place.before[i]);
    if (p) return p;
  }
  return undefined;
}

/** schedule-invalid or schedule-granularity for one window; entries that are not text are schema.ts's. */
function checkWindow(ctx: DocContext, raw: Node | null): void {
  const node = resolve(ctx.doc, raw);
  const text = stringValue(node);
  if (text === undefined || !raw) return;
  const parsed = parseWindow(text);
  if (!parsed.ok) {
    ctx.report('schedule-invalid', ctx.range(raw), msg.scheduleInvalid(text, parsed.reason));
    return;
  }
  const w = parsed.window;
  const off = [w.start, w.end].filter((t) => !onGrid(t));
  if (off.length === 0) return;
  const message = off.length === 1 ? msg.scheduleGranularity(off[0].text) : msg.scheduleGranularityBoth(off[0].text, off[1].text);
  // An alias's window is fixed where it is anchored, not through the alias.
  const fix = node === raw ? roundingFix(ctx, raw, w) : undefined;
  ctx.report('schedule-granularity', ctx.range(raw), message, { fixes: fix ? [fix] : [] });
}

/** Rounds the off-grid times in place, inside the string as written (its quotes stay). */
function roundingFix(ctx: DocContext, node: Node, w: ScheduleWindow): Fix | undefined {
  const rounded = roundWindow(w);
  if (!rounded || !node.range) return undefined;
  const [from, to] = node.range;
  // The source holds the times literally (digits need no escapes); find them there rather than in the value.
  const times = `${w.start.text}-${w.end.text}`;
  const at = ctx.doc.text.slice(from, to).lastIndexOf(times);
  if (at === -1) return undefined;
  const startAt = from + at;
  const endAt = startAt + w.start.text.length + 1;
  const edits = [];
  const changes: [string, string][] = [];
  const newStart = formatTime(rounded.start);
  const newEnd = formatTime(rounded.end);
  if (newStart !== w.start.text) {
    edits.push(replaceSpan(ctx.doc, startAt, startAt + w.start.text.length, newStart));
    changes.push([w.start.text, newStart]);
  }
  if (newEnd !== w.end.text) {
    edits.push(replaceSpan(ctx.doc, endAt, endAt + w.end.text.length, newEnd));
    changes.push([w.end.text, newEnd]);
  }
  if (changes.length === 0) return undefined;
  const title =
    changes.length === 1
      ? msg.fixRound(changes[0][0], changes[0][1])
      : msg.fixRoundBoth(changes[0][0], changes[0][1], changes[1][0], changes[1][1]);
  return { title, preferred: true, edits };
}
