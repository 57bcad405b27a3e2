/**
 * Every diagnostic code, its default severity and its lines for the docs. Codes
 * never change meaning once released. This is the single source of the code
 * lists elsewhere: `npm run generate` writes the `exchangeConnectors.rules`
 * setting in package.json and the tables of docs/rules.md from it, and the
 * SARIF output lists its rules from it (tests fail when a generated file is stale).
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface CodeInfo {
  severity: Severity;
  scope: 'document' | 'workspace';
  /** One sentence: when the code fires (docs/rules.md, the settings UI, SARIF). */
  summary: string;
  /** The quick fixes, in a few words each, `;`-separated, "(preferred)" where `--fix` applies one; none when absent. */
  fixes?: string;
}

/** A single-document code: `doc(severity, summary, fixes?)`. */
const doc = (severity: Severity, summary: string, fixes?: string): CodeInfo => ({ severity, scope: 'document', summary, fixes });
/** A workspace code, read across files: `ws(severity, summary, fixes?)`. */
const ws = (severity: Severity, summary: string, fixes?: string): CodeInfo => ({ severity, scope: 'workspace', summary, fixes });

export const CODES = {
  'yaml-syntax': doc('error', 'The YAML does not parse.'),
  'duplicate-key': doc('error', 'A key appears twice in one mapping.', 'remove the later one'),
  'unknown-kind': doc(
    'error',
    '`kind` is missing or not one of SmtpConnector, RoutingGroupConnector, RoutingGroup, Organization.',
    'change to the closest kind (preferred)',
  ),
  'unknown-field': doc('warning', 'A key the format does not define.', 'rename to the closest key (preferred when that key is absent)'),
  'missing-field': doc('error', 'A required key is absent.', 'insert it with a placeholder'),
  'invalid-type': doc('error', 'A value of the wrong YAML type (text where a list belongs, `yes` for a boolean…).'),
  'invalid-value': doc('error', 'A value outside its allowed set.', 'change to the closest allowed value (preferred when one is closest)'),
  'cost-range': doc('error', 'A cost that is not an integer from 1 to 100.', 'clamp to 1 or 100 (preferred)'),
  'size-invalid': doc('error', 'A KB figure that is not a positive integer.'),
  'smart-host-required': doc(
    'error',
    '`delivery: smartHost` with no smart hosts.',
    "add the connected group's bridgehead FQDN (preferred when exactly one is known); use DNS",
  ),
  'smart-hosts-ignored': doc('warning', 'Smart hosts listed while `delivery` is `dns`.', 'set `delivery: smartHost`'),
  'dns-between-routing-groups': doc(
    'warning',
    'A connector to other routing groups delivers by DNS.',
    'forward to the known bridgehead FQDN (preferred when exactly one is known)',
  ),
  'host-invalid': doc(
    'error',
    'A smart host, ETRN server or server `fqdn` that is not a valid host name; the message says why (a space, an underscore, a label over 63 characters…).',
    'trim spaces when that makes it valid (preferred); remove a space inside when that makes it valid',
  ),
  'host-not-fqdn': doc('warning', 'A host name with a single label.'),
  'smart-host-bare-ip': doc(
    'warning',
    'An IPv4 address without square brackets: Exchange resolves it as a name first.',
    'put it in brackets (preferred)',
  ),
  'smart-host-invalid-ip': doc('error', 'A bracketed literal that is not an IPv4 address, or `[0.0.0.0]`.'),
  'smart-host-duplicate': doc('warning', 'The same smart host twice.', 'remove the duplicate (preferred)'),
  'smart-host-order': doc(
    'warning',
    'An IP literal listed before a host name: Exchange then does not balance load.',
    'put host names first (preferred)',
  ),
  'bridgehead-required': doc('error', 'No local bridgehead.'),
  'target-required': doc('error', 'Neither address-space entries nor connected routing groups.'),
  'address-space-invalid': doc('error', 'An SMTP address that is not `*`, a domain or `*.domain` (nor labels before a wildcard).'),
  'address-space-inner-wildcard': doc(
    'warning',
    'An SMTP address with labels before a wildcard (`lab.*.contoso.com`): Exchange reads it as `*.contoso.com` (KB 244986).',
    'write the wildcard as Exchange reads it (preferred)',
  ),
  'routing-address-invalid': doc('error', 'A routing address that is not a domain.'),
  'connected-group-invalid': doc(
    'error',
    'A connected entry with both or neither of `routingGroup` and `exchange55Site`, or an empty name.',
  ),
  'restriction-conflict': doc('error', 'The same entry in `acceptFrom` and `rejectFrom`.'),
  'restriction-list-unused': doc(
    'warning',
    'A non-empty `acceptFrom` with `default: accept`, or `rejectFrom` with `default: reject`.',
    'remove the list',
  ),
  'open-relay': doc(
    'error',
    '`allowRelay: true` on a connector whose address space holds `*` or a wildcard of one label (`*.com`): anyone can relay through the organization.',
  ),
  'address-space-duplicate': doc(
    'warning',
    'The same type and address twice on one connector (only the cheaper counts).',
    'remove the later entry (preferred when it is not the cheaper)',
  ),
  'basic-auth-without-tls': doc(
    'warning',
    'Outbound basic authentication without TLS: the password is sent in clear text.',
    'set `tls: true`',
  ),
  'reject-all': doc(
    'warning',
    '`default: reject` with an empty `acceptFrom`: where CheckConnectorRestrictions is 1, the connector blocks everyone.',
  ),
  'restrictions-need-registry': doc(
    'information',
    'Delivery restrictions are enforced only where `CheckConnectorRestrictions` is 1 on the bridgeheads.',
  ),
  'no-priorities': doc('error', '`allowedPriorities` is empty: nothing passes.', 'allow all priorities'),
  'routing-group-link-types': doc(
    'warning',
    'A connector to routing groups that does not allow both system and non-system messages (link state is not affected: KB 842026).',
    'allow both',
  ),
  'oversize-threshold': doc(
    'warning',
    '`oversize.thresholdKB` at or above `maxMessageSizeKB`: it never applies.',
    'remove the oversize section',
  ),
  'schedule-required': doc('error', '`connectionTime: custom` without a schedule.'),
  'schedule-ignored': doc('warning', 'A schedule while `connectionTime` is not `custom`.', 'set `connectionTime: custom`'),
  'schedule-invalid': doc('error', 'A schedule window that does not parse, or an empty one.'),
  'schedule-granularity': doc('error', 'A time not on a 15-minute boundary.', 'round to the nearest quarter hour (preferred)'),
  'never-runs': doc('warning', '`connectionTime: never`: the connector never sends.', 'set `always`'),
  'authorized-accounts-required': doc('error', 'Remote triggered delivery enabled without authorized accounts.'),
  'helo-blocks-advanced': doc(
    'error',
    '`sendHelo: true` with ETRN/TURN, authentication or TLS: HELO allows no ESMTP.',
    'send EHLO; remove the ETRN/TURN and security settings',
  ),
  'turn-requires-auth': doc(
    'error',
    '`dequeue: turn` with anonymous authentication.',
    'use basic authentication; use Integrated Windows authentication',
  ),
  'auth-username-required': doc('error', 'Basic or Integrated Windows authentication without `username`.'),
  'plaintext-password': doc('error', 'A `password` key: passwords never live in these files.', 'remove it'),
  'etrn-server-required': doc('error', '`request: fromDifferentServer` without `server`.'),
  'etrn-domains-required': doc('error', '`dequeue: etrn` without domains.'),
  'dequeue-ignored': doc('warning', '`dequeue`, `server` or `etrnDomains` while `request` is `none`.', 'remove them'),

  'unknown-routing-group': ws(
    'error',
    'A connector names a routing group that no document defines.',
    'create a routing-group file for it (editor only)',
  ),
  'administrative-group-mismatch': ws(
    'error',
    "A routing group named with another administrative group than its definition's.",
    "use the definition's (preferred)",
  ),
  'unknown-bridgehead': ws(
    'error',
    "A local bridgehead that is not a server, or virtual server, of the connector's routing group; a Routing Group Connector's remote bridgehead that is not one of the connected group's.",
    'change to the closest server or virtual server',
  ),
  'self-connection': ws('error', 'A connector connected to its own routing group.'),
  'missing-reciprocal-connector': ws(
    'warning',
    'No connector in the connected routing group connects back.',
    'create the reciprocal connector file (editor only)',
  ),
  'smart-host-not-exchange': ws(
    'warning',
    'A connector to routing groups forwards to a smart host not known as a server of a connected group (nor of any other routing group).',
    'change to a bridgehead FQDN of the connected group',
  ),
  'smart-host-other-group': ws(
    'warning',
    'A connector to routing groups forwards to a smart host that is a server of another routing group than the connected ones: the mail is routed again from there.',
    'change to a bridgehead FQDN of the connected group',
  ),
  'smart-host-self': ws('warning', "A smart host that is a server of the connector's own routing group."),
  'duplicate-name': ws('error', 'Two connectors, routing groups or servers with one name.'),
  'routing-group-no-server': ws('error', 'A routing group without a server running Exchange 2000 or later.'),
  'routing-group-no-virtual-server': ws('error', 'A routing group whose servers have no SMTP virtual server.'),
  'single-routing-group': ws('information', 'The workspace defines fewer than two routing groups.'),
  'address-space-authoritative': ws(
    'warning',
    'An SMTP address space for exactly a domain the organization is authoritative for (not `*.domain`): unknown recipients get an NDR (5.4.6) instead of the connector, unless the recipient policy is made non-authoritative (KB 321721).',
  ),
  'routing-loop': ws(
    'error',
    'A connector with connected routing groups and an address space hands mail to a group whose routing sends it back (NDR 5.4.6).',
  ),
  'internet-scoped-only': ws(
    'warning',
    "Every connector for `*` is scoped to its routing group: the other groups' servers send Internet mail by DNS themselves.",
  ),
  'legacy-bridgehead': ws(
    'error',
    'A local or remote bridgehead on an Exchange 5.5 server, which has no SMTP virtual server and takes no part in link state routing.',
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
