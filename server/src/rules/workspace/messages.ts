/** Messages and fix titles of the workspace rules; `msg` in rules/messages.ts includes them. */

const q = (s: string) => `'${s}'`;
/** `'A', 'B' and 'C'`, or the first three and how many more. */
const nameList = (names: string[]) => {
  const shown = names.slice(0, 3).map(q);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
};
/** `routing group 'A'`, or `routing groups 'A' or 'B'`. */
const groupList = (groups: string[]) =>
  groups.length === 1
    ? `routing group ${q(groups[0])}`
    : `routing groups ${groups.slice(0, -1).map(q).join(', ')} or ${q(groups[groups.length - 1])}`;

export const workspaceMessages = {
  unknownRoutingGroup: (name: string) => `No document defines routing group ${q(name)}.`,
  administrativeGroupMismatch: (name: string, written: string, defined: string) =>
    `Routing group ${q(name)} is defined in administrative group ${q(defined)}, not ${q(written)}.`,
  administrativeGroupMismatchOther: 'The routing group is defined here.',
  unknownBridgeheadServer: (server: string, group: string) => `${q(server)} is not a server of routing group ${q(group)}.`,
  unknownRemoteBridgehead: (server: string, group: string) =>
    `Remote bridgehead ${q(server)} is not a server of the connected routing group ${q(group)}.`,
  unknownBridgeheadVirtualServer: (vs: string, server: string) => `${q(vs)} is not an SMTP virtual server of ${q(server)}.`,
  selfConnection: (group: string) =>
    `The connector lives in routing group ${q(group)} and is connected to it: a connector links its group to other groups.`,
  missingReciprocal: (remote: string, origin: string) =>
    `No connector in routing group ${q(remote)} connects back to ${q(origin)}: Exchange does not create it, you must create the SMTP connector in the remote routing group manually.`,
  missingReciprocalRgc: (remote: string, origin: string) =>
    `No connector in routing group ${q(remote)} connects back to ${q(origin)}: mail flows one way only. System Manager offers to create the Routing Group Connector back when this one is created; answer yes, or create it in the remote routing group.`,
  smartHostNotExchange: (host: string, groups: string[]) =>
    `Smart host ${q(host)} is not known as a server of ${groupList(groups)} (it may be a DNS alias of one, which these files cannot tell): forward to a bridgehead's FQDN or IP literal.`,
  smartHostOtherGroup: (host: string, owner: string, groups: string[]) =>
    `Smart host ${q(host)} is a server of routing group ${q(owner)}, not of ${groupList(groups)}: the mail goes to ${q(owner)} first and is routed again from there.`,
  smartHostSelf: (host: string, group: string) => `Smart host ${q(host)} is a server of this connector's own routing group ${q(group)}.`,
  duplicateConnector: (name: string, group: string) => `Routing group ${q(group)} already has a connector named ${q(name)}.`,
  duplicateRoutingGroup: (name: string, adminGroup: string) =>
    `Administrative group ${q(adminGroup)} already has a routing group named ${q(name)}.`,
  duplicateServer: (name: string) => `Another server is already named ${q(name)}.`,
  duplicateNameFirst: 'First defined here.',
  routingGroupNoServer: (group: string) => `Routing group ${q(group)} has no server running Exchange 2000 or later.`,
  routingGroupNoVirtualServer: (group: string) => `No server of routing group ${q(group)} has an SMTP virtual server.`,
  singleRoutingGroup: (count: number) =>
    count === 1
      ? 'The workspace defines only one routing group: connectors between routing groups need at least two.'
      : `The workspace defines ${count} routing groups.`,
  addressSpaceAuthoritative: (address: string, domain: string) =>
    `Address space ${q(address)} is ${q(domain)}, a domain this organization is authoritative for: Exchange looks for its recipients inside the organization and returns a non-delivery report (5.4.6, KB 324732) for those it does not find, so this connector never carries its mail. To send the domain's other recipients through this connector, make the recipient policy non-authoritative: clear "This Exchange Organization is responsible for all mail delivery to this address" (KB 321721).`,
  routingLoop: (address: string, groups: string[]) =>
    `Mail for address space ${q(address)} loops: ${groups.join(' → ')} (NDR 5.4.6). This connector hands it to its connected routing group, and routing there sends it back. Keep the address space off one of the connectors between these groups, or give the group a way out of its own.`,
  routingLoopOther: (from: string, to: string) => `The loop goes on here: ${from} → ${to}.`,
  internetScopedOnly: (groups: string[]) =>
    `Every connector for '*' is scoped to its routing group: servers of ${nameList(groups)} send Internet mail by DNS themselves. Set scope: organization on one connector, or give each routing group its own.`,
  legacyBridgehead: (server: string) =>
    `${q(server)} runs Exchange 5.5: it has no SMTP virtual server and does not take part in link state routing, so a connector between Exchange 2003 routing groups cannot use it as a bridgehead. Name a server running Exchange 2000 or later.`,
  etrnDomainNotLocal: (domain: string) => `ETRN domain ${q(domain)} is not one of the organization's authoritative domains.`,

  fixCreateRoutingGroup: (file: string) => `Create routing-group file ${file}`,
  fixUseAdministrativeGroup: (adminGroup: string) => `Use administrative group ${adminGroup}`,
  fixCreateReciprocal: (file: string) => `Create the reciprocal connector ${file}`,
  fixChangeSmartHost: (host: string) => `Change smart host to ${host}`,
};
