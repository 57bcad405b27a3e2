/** Every diagnostic code, its default severity and a line for the docs. Codes never change meaning once released. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface CodeInfo {
  severity: Severity;
  scope: 'document' | 'workspace';
  summary: string;
}

const doc = (severity: Severity, summary: string): CodeInfo => ({ severity, scope: 'document', summary });
const ws = (severity: Severity, summary: string): CodeInfo => ({ severity, scope: 'workspace', summary });

export const CODES = {
  'yaml-syntax': doc('error', 'The YAML does not parse.'),
  'duplicate-key': doc('error', 'A key appears twice in one mapping.'),
  'unknown-kind': doc('error', '`kind` is missing or not one of SmtpConnector, RoutingGroup, Organization.'),
  'unknown-field': doc('warning', 'A key the format does not define.'),
  'missing-field': doc('error', 'A required key is absent.'),
  'invalid-type': doc('error', 'A value of the wrong YAML type (text where a list belongs, `yes` for a boolean…).'),
  'invalid-value': doc('error', 'A value outside its allowed set.'),
  'cost-range': doc('error', 'A cost that is not an integer from 1 to 100.'),
  'size-invalid': doc('error', 'A KB figure that is not a positive integer.'),
  'smart-host-required': doc('error', '`delivery: smartHost` with no smart hosts.'),
  'smart-hosts-ignored': doc('warning', 'Smart hosts listed while `delivery` is `dns`.'),
  'dns-between-routing-groups': doc('warning', 'A connector to other routing groups delivers by DNS.'),
  'host-invalid': doc('error', 'A smart host, ETRN server or server `fqdn` that is not a valid host name.'),
  'host-not-fqdn': doc('warning', 'A host name with a single label.'),
  'smart-host-bare-ip': doc('warning', 'An IPv4 address without square brackets: Exchange resolves it as a name first.'),
  'smart-host-invalid-ip': doc('error', 'A bracketed literal that is not an IPv4 address, or `[0.0.0.0]`.'),
  'smart-host-duplicate': doc('warning', 'The same smart host twice.'),
  'smart-host-order': doc('warning', 'An IP literal listed before a host name: Exchange then does not balance load.'),
  'bridgehead-required': doc('error', 'No local bridgehead.'),
  'target-required': doc('error', 'Neither address-space entries nor connected routing groups.'),
  'address-space-invalid': doc('error', 'An SMTP address that is not `*`, a domain or `*.domain`.'),
  'routing-address-invalid': doc('error', 'A routing address that is not a domain.'),
  'connected-group-invalid': doc(
    'error',
    'A connected entry with both or neither of `routingGroup` and `exchange55Site`, or an empty name.',
  ),
  'restriction-conflict': doc('error', 'The same entry in `acceptFrom` and `rejectFrom`.'),
  'restriction-list-unused': doc('warning', 'A non-empty `acceptFrom` with `default: accept`, or `rejectFrom` with `default: reject`.'),
  'reject-all': doc('warning', '`default: reject` with an empty `acceptFrom`: nothing passes.'),
  'restrictions-need-registry': doc(
    'information',
    'Delivery restrictions are enforced only where `CheckConnectorRestrictions` is 1 on the bridgeheads.',
  ),
  'no-priorities': doc('error', '`allowedPriorities` is empty: nothing passes.'),
  'routing-group-link-types': doc('warning', 'A connector to routing groups that does not allow both system and non-system messages.'),
  'oversize-threshold': doc('warning', '`oversize.thresholdKB` at or above `maxMessageSizeKB`: it never applies.'),
  'schedule-required': doc('error', '`connectionTime: custom` without a schedule.'),
  'schedule-ignored': doc('warning', 'A schedule while `connectionTime` is not `custom`.'),
  'schedule-invalid': doc('error', 'A schedule window that does not parse, or an empty one.'),
  'schedule-granularity': doc('error', 'A time not on a 15-minute boundary.'),
  'never-runs': doc('warning', '`connectionTime: never`: the connector never sends.'),
  'authorized-accounts-required': doc('error', 'Remote triggered delivery enabled without authorized accounts.'),
  'helo-blocks-advanced': doc('error', '`sendHelo: true` with ETRN/TURN, authentication or TLS: HELO allows no ESMTP.'),
  'turn-requires-auth': doc('error', '`dequeue: turn` with anonymous authentication.'),
  'auth-username-required': doc('error', 'Basic or Integrated Windows authentication without `username`.'),
  'plaintext-password': doc('error', 'A `password` key: passwords never live in these files.'),
  'etrn-server-required': doc('error', '`request: fromDifferentServer` without `server`.'),
  'etrn-domains-required': doc('error', '`dequeue: etrn` without domains.'),
  'dequeue-ignored': doc('warning', '`dequeue`, `server` or `etrnDomains` while `request` is `none`.'),

  'unknown-routing-group': ws('error', 'A connector names a routing group that no document defines.'),
  'administrative-group-mismatch': ws('error', "A routing group named with another administrative group than its definition's."),
  'unknown-bridgehead': ws('error', "A local bridgehead that is not a server, or virtual server, of the connector's routing group."),
  'self-connection': ws('error', 'A connector connected to its own routing group.'),
  'missing-reciprocal-connector': ws('warning', 'No connector in the connected routing group connects back.'),
  'smart-host-not-exchange': ws(
    'warning',
    'A connector to routing groups forwards to a smart host that is not a server of a connected group.',
  ),
  'smart-host-self': ws('warning', "A smart host that is a server of the connector's own routing group."),
  'duplicate-name': ws('error', 'Two connectors, routing groups or servers with one name.'),
  'routing-group-no-server': ws('error', 'A routing group without a server running Exchange 2000 or later.'),
  'routing-group-no-virtual-server': ws('error', 'A routing group whose servers have no SMTP virtual server.'),
  'single-routing-group': ws('information', 'The workspace defines fewer than two routing groups.'),
  'address-space-authoritative': ws(
    'warning',
    'An SMTP address space for a domain the organization is authoritative for: mail for it loops (NDR 5.4.6).',
  ),
  'etrn-domain-not-local': ws('warning', "An ETRN domain that is not one of the organization's authoritative domains."),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}

/**
 * Where a code is documented: its row in docs/rules.md, which ships with the
 * extension and the repository. The project has no public web address, so
 * the link is to the file where the tools are installed.
 */
export function codeHref(code: Code, rulesDocUri: string): string {
  return `${rulesDocUri}#${code}`;
}
