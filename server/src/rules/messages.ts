/**
 * Every diagnostic message and fix title, in one place: the rules use these,
 * and so do the tests, so a reworded message is changed once.
 */

const q = (s: string) => `'${s}'`;
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

import { workspaceMessages } from './workspace/messages';

export const msg = {
  ...workspaceMessages,
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  duplicateKey: (key: string) => `Key ${q(key)} appears more than once in this mapping; Exchange would see only one value.`,
  duplicateKeyFirst: 'First occurrence.',
  unknownKindMissing: 'The document has no `kind`: expected SmtpConnector, RoutingGroupConnector, RoutingGroup or Organization.',
  unknownKind: (v: string) => `Unknown kind ${q(v)}: expected SmtpConnector, RoutingGroupConnector, RoutingGroup or Organization.`,
  unknownField: (key: string, where: string, suggestion?: string) =>
    `Unknown key ${q(key)} in ${where}.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : ''),
  missingField: (key: string, where: string) => `Missing required key ${q(key)} in ${where}.`,
  invalidType: (key: string, expected: string, got: string) => `${q(key)} must be ${expected}, not ${got}.`,
  invalidValue: (key: string, value: string, allowed: readonly string[]) =>
    `${q(value)} is not a valid value for ${q(key)}: expected one of ${list(allowed)}.`,
  invalidIp: (value: string) => `${q(value)} is not an IPv4 address.`,
  costRange: (value: string) => `${value} is not a valid cost: a cost is a whole number from 1 to 100.`,
  sizeInvalid: (key: string) => `${q(key)} must be a positive whole number of KB.`,
  smartHostRequired: () => 'Delivery is set to smart hosts, but no smart host is listed.',
  smartHostsIgnored: () => 'Smart hosts are listed but delivery uses DNS, so they are ignored.',
  smartHostsIgnoredDelivery: 'Delivery by DNS is set here.',
  smartHostsIgnoredList: 'The smart hosts are listed here.',
  dnsBetweenRoutingGroups: () =>
    'This connector links routing groups but delivers by DNS: forward to the bridgehead servers of the connected group instead.',
  hostInvalid: (host: string, why: string) => `${q(host)} is not a valid host name: ${why}.`,
  hostNotFqdn: (host: string) => `${q(host)} is a single-label name; use the fully-qualified domain name.`,
  smartHostBareIp: (ip: string) =>
    `${q(ip)} is an IP address without square brackets: Exchange looks it up as a host name first. Write [${ip}].`,
  smartHostInvalidIp: (lit: string) => `${q(lit)} is not a usable IPv4 address literal.`,
  smartHostDuplicate: (host: string) => `Smart host ${q(host)} is listed more than once.`,
  smartHostDuplicateFirst: 'First listed here.',
  smartHostOrder: (lit: string) =>
    `IP literal ${q(lit)} is listed before a host name: Exchange does not balance load across the list then. Put host names first.`,
  smartHostOrderOther: 'This host name comes after it.',
  smartHostOrderLiteral: 'The IP literal is listed here, before the host name.',
  bridgeheadRequired: () => 'The connector has no local bridgehead: add at least one SMTP virtual server under general.localBridgeheads.',
  targetRequired: () => 'The connector has neither address-space entries nor connected routing groups, so it carries no mail.',
  addressSpaceInvalid: (a: string) => `${q(a)} is not a valid SMTP address space: use '*', a domain such as contoso.com, or *.contoso.com.`,
  addressSpaceInnerWildcard: (a: string, readAs: string) =>
    `${q(a)} is read as ${readAs}: Exchange reads an address space only up to its first wildcard (KB 244986), so the labels before it do not narrow it. Write ${readAs}, or list the domains it is meant for.`,
  fixWriteAddressSpace: (a: string) => `Write ${a}`,
  routingAddressInvalid: (a: string) => `${q(a)} is not a valid routing address: use an e-mail domain such as boston.contoso.com.`,
  connectedGroupBoth: () => 'A connected entry names both a routing group and an Exchange 5.5 site; give exactly one.',
  connectedGroupNeither: () => 'A connected entry names neither a routing group nor an Exchange 5.5 site; give exactly one.',
  connectedGroupEmpty: (key: string) => `${q(key)} is empty.`,
  connectedGroupBothOther: 'The other name is given here.',
  restrictionConflict: (who: string) => `${q(who)} is in both acceptFrom and rejectFrom.`,
  restrictionConflictOther: 'Also listed here.',
  restrictionListUnused: (key: string, dflt: string) =>
    `${q(key)} has no effect while messages from everyone are ${dflt === 'accept' ? 'accepted' : 'rejected'} by default.`,
  openRelay: (address: string) =>
    `Relaying is allowed to address space ${q(address)}: anyone can relay mail through the organization to every domain it covers. Allow relay only to the partner domains the connector is for.`,
  openRelayAddress: 'The address space that makes it open.',
  addressSpaceDuplicate: (address: string, type: string, cost: number) =>
    `Address space ${q(address)} (${type}) is listed twice on this connector: only the cheaper entry (cost ${cost}) counts.`,
  addressSpaceDuplicateFirst: 'First listed here.',
  fixRemoveDuplicateAddressSpace: (address: string) => `Remove the second ${address}`,
  basicAuthWithoutTls: () =>
    'Basic authentication without TLS: the password is sent in clear text, as System Manager\'s own label says ("Basic authentication (password is sent in clear text)").',
  fixSetTls: 'Set tls: true',
  rejectAll: () =>
    'Messages from everyone are rejected and no one is accepted: where CheckConnectorRestrictions is 1 on the bridgehead servers, the connector blocks everyone.',
  restrictionsNeedRegistry: () =>
    'Exchange enforces delivery restrictions only where the registry value CheckConnectorRestrictions is 1 on the bridgehead servers.',
  noPriorities: () => 'No priority is allowed, so no message passes this connector.',
  routingGroupLinkTypes: () =>
    "A connector between routing groups that does not carry both system and non-system messages: messages of the other type (system: public folder replication, delivery reports; non-system: users' mail) must find another path or wait. Link state does not depend on it: it travels as the X-LINK2STATE SMTP command (KB 842026).",
  oversizeThreshold: (threshold: number, max: number) =>
    `The oversize threshold (${threshold} KB) is at or above the size limit (${max} KB), so it never applies.`,
  oversizeThresholdOther: 'The size limit is set here.',
  oversizeThresholdThreshold: 'The oversize threshold is set here.',
  scheduleRequired: () => "connectionTime is 'custom' but no schedule is given.",
  scheduleIgnored: (ct: string) => `The schedule is ignored while connectionTime is '${ct}'.`,
  scheduleInvalid: (w: string, why: string) => `Schedule window '${w}' is not valid: ${why}.`,
  scheduleGranularity: (time: string) => `${q(time)} is not on a 15-minute boundary.`,
  scheduleGranularityBoth: (start: string, end: string) => `${q(start)} and ${q(end)} are not on 15-minute boundaries.`,
  neverRuns: () => "connectionTime is 'never': the connector never sends mail.",
  neverRunsOversize: () => "The oversize connectionTime is 'never': oversize messages queue and are never sent.",
  authorizedAccountsRequired: () => 'Remote triggered delivery is enabled but no account is authorized to collect the mail.',
  heloBlocksAdvanced: (what: string) => `HELO allows no ESMTP extensions, so ${what} cannot be used while sendHelo is true.`,
  heloBlocksAdvancedOther: 'HELO is set here.',
  heloBlockedHere: (what: string) => `${what.charAt(0).toUpperCase()}${what.slice(1)} is set here.`,
  turnRequiresAuth: () => 'TURN requires authentication, but outbound access is anonymous.',
  turnRequiresAuthOther: 'Anonymous access is set (or left by default) here.',
  turnRequiresAuthTurn: 'TURN is issued here.',
  authUsernameRequired: (auth: string) => `${auth === 'basic' ? 'Basic' : 'Integrated Windows'} authentication needs a username.`,
  plaintextPassword: () => 'Passwords never live in these files: remove it and set the password in Exchange System Manager.',
  etrnServerRequired: () => "request is 'fromDifferentServer' but no server is given.",
  etrnDomainsRequired: () => "dequeue is 'etrn' but no etrnDomains are given.",
  dequeueIgnored: (key: string) => `${q(key)} is ignored while request is 'none'.`,

  // Fix titles.
  fixRemoveDuplicateKey: (key: string) => `Remove the duplicate '${key}'`,
  fixChangeTo: (key: string, value: string) => `Change ${key} to ${value}`,
  fixRenameKey: (from: string, to: string) => `Rename '${from}' to '${to}'`,
  fixInsertKey: (key: string) => `Add '${key}'`,
  fixSetCost: (n: number) => `Set cost to ${n}`,
  fixAddSmartHost: (host: string) => `Add smart host ${host}`,
  fixUseDns: () => 'Use DNS',
  fixSetSmartHostDelivery: () => 'Set delivery to smartHost',
  fixForwardTo: (host: string) => `Forward to smart host ${host}`,
  fixTrim: (host: string) => `Trim spaces: ${host}`,
  fixRemoveSpace: (host: string) => `Remove the space: ${host}`,
  fixBracket: (ip: string) => `Put ${ip} in brackets`,
  fixRemoveDuplicateHost: (host: string) => `Remove duplicate ${host}`,
  fixHostsFirst: () => 'Put host names first',
  fixRemoveList: (key: string) => `Remove ${key}`,
  fixAllowAllPriorities: () => 'Allow all priorities',
  fixAllowBothTypes: () => 'Allow system and non-system messages',
  fixRemoveOversize: () => 'Remove the oversize section',
  fixSetCustom: () => 'Set connectionTime to custom',
  fixRound: (from: string, to: string) => `Round ${from} to ${to}`,
  fixRoundBoth: (from1: string, to1: string, from2: string, to2: string) => `Round ${from1} to ${to1} and ${from2} to ${to2}`,
  fixSetAlways: () => 'Set connectionTime to always',
  fixSendEhlo: () => 'Send EHLO (set sendHelo to false)',
  fixRemoveEsmtp: () => 'Remove the ETRN/TURN and security settings',
  fixBasicAuth: () => 'Use basic authentication',
  fixWindowsAuth: () => 'Use Integrated Windows authentication',
  fixRemovePassword: () => 'Remove the password',
  fixRemoveDequeue: () => 'Remove the ignored ETRN/TURN settings',
};
