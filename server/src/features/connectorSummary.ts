import { items, mapOf, seqOf, stringValue, valueOf } from '../model/access';
import type { ConnectionTime, ConnectorModel } from '../model/extract';
import type { ParsedDocument } from '../model/parse';

/**
 * A connector's restrictions and schedule in a few plain lines, for the tree's
 * and the diagram's hovers. Only what differs from System Manager's defaults
 * is named; "no restrictions" when nothing does.
 */
export function restrictionLines(doc: ParsedDocument, m: ConnectorModel): string[] {
  const out: string[] = [];
  if (m.maxMessageSizeKB !== undefined) out.push(`Messages smaller than ${m.maxMessageSizeKB.toLocaleString('en-US')} KB`);
  if (m.allowedPriorities.length < 3) out.push(`Priorities: ${m.allowedPriorities.join(', ') || 'none'}`);
  if (m.allowedTypes.length < 2)
    out.push(`Types: ${m.allowedTypes.map((t) => (t === 'nonSystem' ? 'non-system' : t)).join(', ') || 'none'}`);
  const delivery = mapOf(doc, m.nodes.root, 'deliveryRestrictions');
  if (delivery) {
    const byDefault = stringValue(valueOf(doc, delivery, 'default')) === 'reject' ? 'reject' : 'accept';
    const listed = (key: string) =>
      items(doc, seqOf(doc, delivery, key))
        .map(stringValue)
        .filter((s): s is string => s !== undefined);
    if (byDefault === 'reject') out.push(`Rejects everyone except ${listed('acceptFrom').join(', ') || 'nobody'}`);
    else if (listed('rejectFrom').length) out.push(`Rejects ${listed('rejectFrom').join(', ')}`);
  }
  return out.length ? out : ['No restrictions'];
}

const TIMES: Record<ConnectionTime, string> = {
  always: 'always',
  never: 'never',
  every1Hour: 'every hour',
  every2Hours: 'every 2 hours',
  every4Hours: 'every 4 hours',
  dailyAt11PM: 'daily at 11:00 PM',
  custom: 'on a custom schedule',
};

function when(time: ConnectionTime, schedule: string[]): string {
  return time === 'custom' && schedule.length ? `${TIMES.custom} (${schedule.join('; ')})` : TIMES[time];
}

/** When the connector runs: "Runs always", plus the oversize schedule when there is one. */
export function scheduleLine(m: ConnectorModel): string {
  let text = `Runs ${when(m.connectionTime, m.schedule)}`;
  if (m.oversize?.thresholdKB !== undefined)
    text += `; messages over ${m.oversize.thresholdKB.toLocaleString('en-US')} KB ${when(m.oversize.connectionTime, m.oversize.schedule)}`;
  return text;
}
