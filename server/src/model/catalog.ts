/**
 * The catalog: every kind, tab and field of the format, with its type, default,
 * allowed values, the Exchange System Manager place it mirrors and its
 * documentation. Validation, completion, hover, the outline and the JSON schema
 * all read it, so they cannot disagree.
 */

export type KindName = 'SmtpConnector' | 'RoutingGroupConnector' | 'RoutingGroup' | 'Organization';
export const KINDS: readonly KindName[] = ['SmtpConnector', 'RoutingGroupConnector', 'RoutingGroup', 'Organization'];
/** The kinds of `*.connector.yaml` documents: both live in a routing group and link it to others. */
export const CONNECTOR_KINDS: readonly KindName[] = ['SmtpConnector', 'RoutingGroupConnector'];

/** What a string holds, for the rules that check its form and for completion of names. */
export type StringFormat =
  | 'text'
  | 'host' // smart host, ETRN server, server FQDN
  | 'smtpAddressSpace'
  | 'domain'
  | 'ipv4'
  | 'schedule'
  | 'account'
  | 'routingGroup'
  | 'administrativeGroup'
  | 'server'
  | 'virtualServer'
  | 'organization'
  | 'exchange55Site';

export type FieldType =
  | { kind: 'string'; format?: StringFormat }
  | { kind: 'integer'; min: number; max?: number; rangeCode: 'cost-range' | 'size-invalid' }
  | { kind: 'boolean' }
  /** asString: a number written for it is read as its text (version: 2003 → "2003"). */
  | { kind: 'enum'; values: readonly string[]; asString?: boolean }
  | { kind: 'object'; fields: readonly FieldSpec[] }
  | { kind: 'array'; items: FieldType };

export interface FieldSpec {
  key: string;
  type: FieldType;
  required?: boolean;
  /** The default Exchange System Manager uses, as written in a file. */
  default?: string | number | boolean | readonly string[];
  /** Where the setting lives in Exchange System Manager: tab (or dialog) and label. */
  esm?: { tab: string; label: string };
  doc: string;
  /** Documentation of one allowed value, for enumerations. */
  valueDocs?: Readonly<Record<string, string>>;
}

export interface KindSpec {
  kind: KindName;
  doc: string;
  /** Fields of the top-level mapping, `kind` included. */
  fields: readonly FieldSpec[];
}

const str = (format: StringFormat = 'text'): FieldType => ({ kind: 'string', format });
const list = (items: FieldType): FieldType => ({ kind: 'array', items });
const cost: FieldType = { kind: 'integer', min: 1, max: 100, rangeCode: 'cost-range' };
const kb: FieldType = { kind: 'integer', min: 1, rangeCode: 'size-invalid' };
const bool: FieldType = { kind: 'boolean' };
const enumOf = (...values: string[]): FieldType => ({ kind: 'enum', values });
const obj = (...fields: FieldSpec[]): FieldType => ({ kind: 'object', fields });

export const CONNECTION_TIMES = ['always', 'never', 'every1Hour', 'every2Hours', 'every4Hours', 'dailyAt11PM', 'custom'] as const;
const connectionTimeDocs: Record<string, string> = {
  always: 'Run Always: the connector sends as soon as mail is queued.',
  never: 'Never Run: the connector is unused; mail queues until the schedule changes.',
  every1Hour: 'Run every hour.',
  every2Hours: 'Run every 2 hours.',
  every4Hours: 'Run every 4 hours.',
  dailyAt11PM: 'Run daily at 11:00 PM.',
  custom: 'Use custom schedule: the windows listed in `schedule`.',
};
/** The ETRN/TURN connection time's values: when the request is made, not when the connector sends. */
const etrnConnectionTimeDocs: Record<string, string> = {
  always: 'Run Always: the request may be made at any time.',
  never: 'Never Run: the request is never made.',
  every1Hour: 'Request every hour.',
  every2Hours: 'Request every 2 hours.',
  every4Hours: 'Request every 4 hours.',
  dailyAt11PM: 'Request daily at 11:00 PM.',
  custom: 'Use custom schedule: request in the windows listed in `schedule`.',
};
const scheduleDoc =
  'Connection windows when `connectionTime` is `custom`, each `DAYS HH:MM-HH:MM`: days as a comma list of `Mon`…`Sun` and ranges (`Mon-Fri`, `Fri-Mon` wraps round the week); times on 15-minute boundaries; `24:00` only as an end; an end before the start runs over midnight.';

const kindField = (kind: KindName): FieldSpec => ({
  key: 'kind',
  type: enumOf(...KINDS),
  required: true,
  doc: `What this document defines: \`${kind}\` here. One of \`SmtpConnector\`, \`RoutingGroupConnector\`, \`RoutingGroup\` or \`Organization\`, case-sensitive.`,
});

const adminGroupField = (what: string): FieldSpec => ({
  key: 'administrativeGroup',
  type: str('administrativeGroup'),
  required: true,
  doc: `The administrative group that holds ${what}, such as \`First Administrative Group\`. A routing group is identified by its name within its administrative group.`,
});

const bridgehead: FieldType = obj(
  {
    key: 'server',
    type: str('server'),
    required: true,
    doc: "A server of the connector's routing group (its NetBIOS name) whose SMTP virtual server sends for this connector.",
  },
  {
    key: 'virtualServer',
    type: str('virtualServer'),
    required: true,
    doc: 'The SMTP virtual server on that server, usually `Default SMTP Virtual Server`.',
  },
);

const general: FieldSpec = {
  key: 'general',
  type: obj(
    {
      key: 'delivery',
      type: enumOf('dns', 'smartHost'),
      default: 'dns',
      esm: {
        tab: 'General',
        label:
          'Use DNS to route to each address space on this connector / Forward all mail through this connector to the following smart hosts',
      },
      doc: 'How the connector delivers: `dns` looks up the MX records of each recipient domain; `smartHost` forwards everything to the hosts in `smartHosts`. Between routing groups, forward to the bridgehead servers of the connected group.',
      valueDocs: {
        dns: 'Use DNS to route to each address space on this connector.',
        smartHost: 'Forward all mail through this connector to the following smart hosts.',
      },
    },
    {
      key: 'smartHosts',
      type: list(str('host')),
      esm: { tab: 'General', label: 'Forward all mail through this connector to the following smart hosts' },
      doc: 'Host names or IPv4 literals in square brackets (`[10.1.0.10]`) to forward to, tried in order with load balanced among host names. Put host names before IP literals.',
    },
    {
      key: 'localBridgeheads',
      type: list(bridgehead),
      esm: { tab: 'General', label: 'Local bridgeheads' },
      doc: 'The SMTP virtual servers of this routing group that send mail over the connector. At least one is required.',
    },
    {
      key: 'allowPublicFolderReferrals',
      type: bool,
      default: true,
      esm: { tab: 'General', label: 'Do not allow public folder referrals (inverted)' },
      doc: 'Whether clients in the connected routing groups may be referred to public folder replicas over this connector. System Manager shows the opposite check box, "Do not allow public folder referrals".',
    },
  ),
  esm: { tab: 'General', label: 'General' },
  doc: 'The General tab: how the connector delivers (DNS or smart hosts) and which local bridgeheads send over it.',
};

const addressSpaceEntry: FieldType = obj(
  {
    key: 'type',
    type: enumOf('SMTP', 'X400', 'MS', 'CCMAIL', 'NOTES', 'GWISE', 'OTHER'),
    required: true,
    esm: { tab: 'Address Space', label: 'Type' },
    doc: 'The address type this entry matches. SMTP connectors normally carry `SMTP` address spaces.',
    valueDocs: {
      SMTP: 'Internet mail (SMTP).',
      X400: 'X.400 addresses.',
      MS: 'Microsoft Mail addresses.',
      CCMAIL: 'cc:Mail addresses.',
      NOTES: 'Lotus Notes addresses.',
      GWISE: 'Novell GroupWise addresses.',
      OTHER: 'Another address type.',
    },
  },
  {
    key: 'address',
    type: str('smtpAddressSpace'),
    required: true,
    esm: { tab: 'Address Space', label: 'E-mail domain' },
    doc: 'For SMTP: `*` for every domain, a domain such as `contoso.com`, or `*.contoso.com` for a domain and its subdomains. Exchange 2003 reads an address only up to its first wildcard from the right: `lab.*.contoso.com` is `*.contoso.com` (KB 244986). The most specific match wins, whatever its cost.',
  },
  {
    key: 'cost',
    type: cost,
    default: 1,
    esm: { tab: 'Address Space', label: 'Cost' },
    doc: 'An integer from 1 to 100. Among address spaces that match equally well, the lowest total cost wins; equal costs share the load.',
  },
);

const addressSpace: FieldSpec = {
  key: 'addressSpace',
  type: obj(
    {
      key: 'entries',
      type: list(addressSpaceEntry),
      esm: { tab: 'Address Space', label: 'Create, modify, or remove an address space' },
      doc: 'The address spaces this connector delivers to, each with a type, an address and a cost.',
    },
    {
      key: 'scope',
      type: enumOf('organization', 'routingGroup'),
      default: 'organization',
      esm: { tab: 'Address Space', label: 'Connector scope' },
      doc: '`organization`: every server of the organization may use the connector. `routingGroup`: only servers of its own routing group may. Every bridgehead routes again (hop by hop, KB 811706): mail that reaches this routing group on its way is routed there anew and may leave by a connector scoped to it, while servers of other groups with no connector in scope send by DNS themselves.',
      valueDocs: {
        organization: 'Entire organization.',
        routingGroup: 'Routing group: only servers in this routing group use the connector.',
      },
    },
    {
      key: 'allowRelay',
      type: bool,
      default: false,
      esm: { tab: 'Address Space', label: 'Allow messages to be relayed to these domains' },
      doc: 'Whether mail from outside may be relayed to the domains of these address spaces. Never with `*` (or a one-label wildcard such as `*.com`) in the address space: anyone could relay through the organization to any domain, an open relay (`open-relay`).',
    },
  ),
  esm: { tab: 'Address Space', label: 'Address Space' },
  doc: 'The Address Space tab: which addresses the connector carries mail for, at what cost, and who may use it.',
};

const connectedGroup: FieldType = obj(
  {
    key: 'routingGroup',
    type: str('routingGroup'),
    esm: { tab: 'Connected Routing Groups', label: 'Routing group' },
    doc: 'A routing group of this organization that the connector links to. Give either this or `exchange55Site`.',
  },
  {
    key: 'administrativeGroup',
    type: str('administrativeGroup'),
    esm: { tab: 'Connected Routing Groups', label: 'Administrative group' },
    doc: "The administrative group of the connected routing group; by default the connector's own.",
  },
  {
    key: 'organization',
    type: str('organization'),
    esm: { tab: 'Connected Routing Groups', label: 'Organization' },
    doc: 'The organization of the connected routing group (optional).',
  },
  {
    key: 'exchange55Site',
    type: str('exchange55Site'),
    esm: { tab: 'Connected Routing Groups', label: 'Exchange 5.5 site' },
    doc: 'The name of an Exchange 5.5 site, typed by hand, that this connector links to. Give either this or `routingGroup`.',
  },
  {
    key: 'routingAddress',
    type: str('domain'),
    esm: { tab: 'Routing Address', label: 'E-mail domain' },
    doc: 'The Routing Address tab: the SMTP e-mail domain (type SMTP) by which the connected group is reached.',
  },
  {
    key: 'cost',
    type: cost,
    default: 1,
    esm: { tab: 'Connected Routing Groups', label: 'Cost' },
    doc: 'An integer from 1 to 100: the cost of the hop to this group. Exchange picks the path with the lowest sum of costs.',
  },
);

const deliveryRestrictions: FieldSpec = {
  key: 'deliveryRestrictions',
  type: obj(
    {
      key: 'default',
      type: enumOf('accept', 'reject'),
      default: 'accept',
      esm: { tab: 'Delivery Restrictions', label: 'By default, messages from everyone are' },
      doc: 'Whether messages from everyone are accepted (`accept`, then `rejectFrom` lists the exceptions) or rejected (`reject`, then `acceptFrom` lists who may send).',
      valueDocs: { accept: 'By default, messages from everyone are accepted.', reject: 'By default, messages from everyone are rejected.' },
    },
    {
      key: 'acceptFrom',
      type: list(str('account')),
      default: [],
      esm: { tab: 'Delivery Restrictions', label: 'Accept messages from' },
      doc: 'Users, contacts or groups whose messages are accepted when the default is `reject`.',
    },
    {
      key: 'rejectFrom',
      type: list(str('account')),
      default: [],
      esm: { tab: 'Delivery Restrictions', label: 'Reject messages from' },
      doc: 'Users, contacts or groups whose messages are rejected when the default is `accept`.',
    },
  ),
  esm: { tab: 'Delivery Restrictions', label: 'Delivery Restrictions' },
  doc: 'The Delivery Restrictions tab: whose messages the connector accepts. Exchange enforces them only where the registry value `CheckConnectorRestrictions` is 1 on the bridgehead servers.',
};

const contentRestrictions: FieldSpec = {
  key: 'contentRestrictions',
  type: obj(
    {
      key: 'allowedPriorities',
      type: list(enumOf('high', 'normal', 'low')),
      default: ['high', 'normal', 'low'],
      esm: { tab: 'Content Restrictions', label: 'Allowed priorities' },
      doc: 'The message priorities the connector carries: any of `high`, `normal` and `low`.',
    },
    {
      key: 'allowedTypes',
      type: list(enumOf('system', 'nonSystem')),
      default: ['system', 'nonSystem'],
      esm: { tab: 'Content Restrictions', label: 'Allowed types' },
      doc: 'System messages (delivery reports, replication, link state) and non-system messages (everything users send). Between routing groups allow both.',
    },
    {
      key: 'maxMessageSizeKB',
      type: kb,
      esm: { tab: 'Content Restrictions', label: 'Only messages less than (KB)' },
      doc: 'When set, only messages strictly smaller than this many KB use the connector.',
    },
  ),
  esm: { tab: 'Content Restrictions', label: 'Content Restrictions' },
  doc: 'The Content Restrictions tab: which priorities, types and sizes of message the connector carries.',
};

const schedule: FieldSpec = {
  key: 'schedule',
  type: list(str('schedule')),
  esm: { tab: 'Delivery Options', label: 'Customize' },
  doc: scheduleDoc,
};

const connectionTime = (label: string): FieldSpec => ({
  key: 'connectionTime',
  type: enumOf(...CONNECTION_TIMES),
  default: 'always',
  esm: { tab: 'Delivery Options', label },
  doc: 'When the connector connects: `always`, `never`, `every1Hour`, `every2Hours`, `every4Hours`, `dailyAt11PM` or `custom` (with `schedule`).',
  valueDocs: connectionTimeDocs,
});

const deliveryOptions: FieldSpec = {
  key: 'deliveryOptions',
  type: obj(
    connectionTime('Specify when messages are sent through this connector: Connection time'),
    schedule,
    {
      key: 'oversize',
      type: obj(
        {
          key: 'thresholdKB',
          type: kb,
          required: true,
          esm: { tab: 'Delivery Options', label: 'Oversize messages are greater than (KB)' },
          doc: 'Messages greater than this many KB are oversize and follow the oversize connection time (a message of exactly this size is not).',
        },
        { ...connectionTime('Connection time (oversize messages)'), default: 'always' },
        { ...schedule, esm: { tab: 'Delivery Options', label: 'Customize (oversize messages)' } },
      ),
      esm: { tab: 'Delivery Options', label: 'Use different delivery times for oversize messages' },
      doc: 'Different delivery times for oversize messages: a threshold in KB and its own connection time.',
    },
    {
      key: 'remoteTriggeredDelivery',
      type: obj(
        {
          key: 'enabled',
          type: bool,
          default: false,
          esm: { tab: 'Delivery Options', label: 'Queue mail for remote triggered delivery' },
          doc: 'Hold mail until the remote server asks for it with ETRN or TURN.',
        },
        {
          key: 'authorizedAccounts',
          type: list(str('account')),
          esm: { tab: 'Delivery Options', label: 'Accounts authorized to use TURN/ATRN' },
          doc: 'Accounts allowed to collect the queued mail. Required when remote triggered delivery is enabled.',
        },
      ),
      esm: { tab: 'Delivery Options', label: 'Queue mail for remote triggered delivery' },
      doc: 'Queue mail for remote triggered delivery: the remote server collects it with ETRN or TURN.',
    },
  ),
  esm: { tab: 'Delivery Options', label: 'Delivery Options' },
  doc: 'The Delivery Options tab: when the connector sends, oversize delivery times and remote triggered delivery.',
};

const advanced: FieldSpec = {
  key: 'advanced',
  type: obj(
    {
      key: 'sendHelo',
      type: bool,
      default: false,
      esm: { tab: 'Advanced', label: 'Send HELO instead of EHLO' },
      doc: 'Greet with HELO instead of EHLO. HELO allows no ESMTP: no ETRN/TURN, no authentication, no TLS.',
    },
    {
      key: 'outboundSecurity',
      type: obj(
        {
          key: 'authentication',
          type: enumOf('anonymous', 'basic', 'integratedWindows'),
          default: 'anonymous',
          esm: { tab: 'Outbound Security', label: 'Authentication' },
          doc: '`anonymous`, `basic` (user name and password, sent in clear text unless TLS is on) or `integratedWindows` (NTLM/Kerberos).',
          valueDocs: {
            anonymous: 'Anonymous access.',
            basic: 'Basic authentication (password is sent in clear text).',
            integratedWindows: 'Integrated Windows Authentication.',
          },
        },
        {
          key: 'username',
          type: str('account'),
          esm: { tab: 'Outbound Security', label: 'User name' },
          doc: 'The account used for basic or Integrated Windows authentication, such as `CONTOSO\\smtp-relay`. The password is set in System Manager, never in this file.',
        },
        {
          key: 'tls',
          type: bool,
          default: false,
          esm: { tab: 'Outbound Security', label: 'TLS encryption' },
          doc: 'Encrypt the connection with TLS.',
        },
      ),
      esm: { tab: 'Advanced', label: 'Outbound Security' },
      doc: 'The Outbound Security dialog: how the connector authenticates to the remote server.',
    },
    {
      key: 'etrnTurn',
      type: obj(
        {
          key: 'request',
          type: enumOf('none', 'whenSending', 'fromDifferentServer'),
          default: 'none',
          esm: { tab: 'Advanced', label: 'Request ETRN/TURN' },
          doc: '`none`: do not send ETRN/TURN. `whenSending`: request ETRN/TURN when sending messages. `fromDifferentServer`: request it from `server` on its own schedule.',
          valueDocs: {
            none: 'Do not send ETRN/TURN.',
            whenSending: 'Request ETRN/TURN when sending messages.',
            fromDifferentServer: 'Request ETRN/TURN from different server.',
          },
        },
        {
          key: 'server',
          type: str('host'),
          esm: { tab: 'Advanced', label: 'Server' },
          doc: 'The server to request ETRN/TURN from, with `request: fromDifferentServer`.',
        },
        {
          ...connectionTime('Connection time (ETRN/TURN)'),
          // The ETRN/TURN schedule is set on the Advanced tab, not on Delivery Options.
          esm: { tab: 'Advanced', label: 'Connection time (ETRN/TURN)' },
          doc: 'When to request ETRN/TURN from the different server, with `request: fromDifferentServer` (Advanced tab; the Delivery Options tab sets when the connector itself sends).',
          valueDocs: etrnConnectionTimeDocs,
        },
        { ...schedule, esm: { tab: 'Advanced', label: 'Customize (ETRN/TURN)' } },
        {
          key: 'dequeue',
          type: enumOf('etrn', 'turn'),
          esm: { tab: 'Advanced', label: 'Issue ETRN / Issue TURN' },
          doc: '`etrn` (Issue ETRN, for the domains in `etrnDomains`) or `turn` (Issue TURN, which needs authentication). No default.',
          valueDocs: { etrn: 'Issue ETRN.', turn: 'Issue TURN.' },
        },
        {
          key: 'etrnDomains',
          type: list(str('domain')),
          esm: { tab: 'Advanced', label: 'Domains' },
          doc: 'The domains to request with ETRN, with `dequeue: etrn`.',
        },
      ),
      esm: { tab: 'Advanced', label: 'Request ETRN/TURN' },
      doc: 'ETRN/TURN: ask the remote server to send the mail it queued for us.',
    },
  ),
  esm: { tab: 'Advanced', label: 'Advanced' },
  doc: 'The Advanced tab: HELO or EHLO, outbound security and ETRN/TURN.',
};

const details: FieldSpec = {
  key: 'details',
  type: obj({
    key: 'adminNote',
    type: str(),
    esm: { tab: 'Details', label: 'Administrative note' },
    doc: 'A note for administrators; Exchange ignores it.',
  }),
  esm: { tab: 'Details', label: 'Details' },
  doc: 'The Details tab: an administrative note.',
};

export const SMTP_CONNECTOR: KindSpec = {
  kind: 'SmtpConnector',
  doc: 'An SMTP connector as configured in Exchange System Manager: it lives in a routing group and carries mail to address spaces or to connected routing groups.',
  fields: [
    kindField('SmtpConnector'),
    {
      key: 'name',
      type: str(),
      required: true,
      esm: { tab: 'General', label: 'Name' },
      doc: "The connector's display name, unique within its routing group.",
    },
    adminGroupField("the connector's routing group"),
    {
      key: 'routingGroup',
      type: str('routingGroup'),
      required: true,
      doc: 'The routing group the connector lives in (under Routing Groups → *group* → Connectors).',
    },
    general,
    addressSpace,
    {
      key: 'connectedRoutingGroups',
      type: list(connectedGroup),
      esm: { tab: 'Connected Routing Groups', label: 'Connected Routing Groups' },
      doc: 'The Connected Routing Groups tab: the routing groups (or Exchange 5.5 sites) this connector links to, each with a cost. The connector must be created in the remote group too, to carry mail back.',
    },
    deliveryRestrictions,
    contentRestrictions,
    deliveryOptions,
    advanced,
    details,
  ],
};

const rgcBridgehead = (side: 'local' | 'remote'): FieldType =>
  obj(
    {
      key: 'server',
      type: str('server'),
      required: true,
      doc:
        side === 'local'
          ? "A server of the connector's routing group (its NetBIOS name) that sends mail over the connector."
          : 'A server of the connected routing group (its NetBIOS name) that receives the mail sent over the connector, and its link state information.',
    },
    {
      key: 'virtualServer',
      type: str('virtualServer'),
      default: 'Default SMTP Virtual Server',
      doc: 'The SMTP virtual server on that server; `Default SMTP Virtual Server` when left out.',
    },
  );

/** Delivery Options of a Routing Group Connector: as on the SMTP connector, without remote triggered delivery. */
const rgcDeliveryOptions: FieldSpec = {
  ...deliveryOptions,
  type: obj(...fieldsOf(deliveryOptions.type).filter((f) => f.key !== 'remoteTriggeredDelivery')),
  doc: 'The Delivery Options tab: when the connector sends, and oversize delivery times.',
};

export const ROUTING_GROUP_CONNECTOR: KindSpec = {
  kind: 'RoutingGroupConnector',
  doc: 'A Routing Group Connector: the usual link between two routing groups of one organization. Its bridgeheads send to the remote bridgeheads over SMTP; it has no address space. Exchange System Manager offers to create the connector back in the connected group (TechNet: How to Specify a Remote Bridgehead Server for a Routing Group Connector).',
  fields: [
    kindField('RoutingGroupConnector'),
    {
      key: 'name',
      type: str(),
      required: true,
      esm: { tab: 'General', label: 'Name' },
      doc: "The connector's display name, unique within its routing group.",
    },
    adminGroupField("the connector's routing group"),
    {
      key: 'routingGroup',
      type: str('routingGroup'),
      required: true,
      doc: 'The routing group the connector lives in (under Routing Groups → *group* → Connectors).',
    },
    {
      key: 'general',
      type: obj(
        {
          key: 'connectedRoutingGroup',
          type: obj(
            {
              key: 'routingGroup',
              type: str('routingGroup'),
              required: true,
              esm: { tab: 'General', label: 'Connects this routing group with' },
              doc: 'The routing group of this organization that the connector links to.',
            },
            {
              key: 'administrativeGroup',
              type: str('administrativeGroup'),
              esm: { tab: 'General', label: 'Connects this routing group with' },
              doc: "The administrative group of the connected routing group; by default the connector's own.",
            },
          ),
          required: true,
          esm: { tab: 'General', label: 'Connects this routing group with' },
          doc: 'The routing group this connector links to: `{ routingGroup: NAME, administrativeGroup: NAME }`.',
        },
        {
          key: 'cost',
          type: cost,
          default: 1,
          esm: { tab: 'General', label: 'Cost' },
          doc: 'An integer from 1 to 100: the cost of the hop to the connected group. Exchange picks the path with the lowest sum of costs.',
        },
        {
          key: 'localBridgeheads',
          type: list(rgcBridgehead('local')),
          default: [],
          esm: {
            tab: 'General',
            label: 'Any local server can send mail over this connector / These servers can send mail over this connector',
          },
          doc: 'The servers of this routing group that send over the connector. Empty or left out: any local server can send (the default).',
        },
        {
          key: 'allowPublicFolderReferrals',
          type: bool,
          default: true,
          esm: { tab: 'General', label: 'Do not allow public folder referrals (inverted)' },
          doc: 'Whether clients in the connected routing group may be referred to public folder replicas over this connector. System Manager shows the opposite check box, "Do not allow public folder referrals".',
        },
      ),
      required: true,
      esm: { tab: 'General', label: 'General' },
      doc: 'The General tab: the connected routing group, the cost and which local servers send over the connector.',
    },
    {
      key: 'remoteBridgeheads',
      type: list(rgcBridgehead('remote')),
      required: true,
      esm: { tab: 'Remote Bridgehead', label: 'Remote bridgehead' },
      doc: 'The Remote Bridgehead tab: servers of the connected routing group that receive the mail. At least one is required (TechNet: "You must specify a remote bridgehead server").',
    },
    deliveryRestrictions,
    contentRestrictions,
    rgcDeliveryOptions,
    details,
  ],
};

const server: FieldType = obj(
  { key: 'name', type: str('server'), required: true, doc: "The server's NetBIOS name, such as `BOS-EX01`." },
  {
    key: 'fqdn',
    type: str('host'),
    required: true,
    doc: "The server's fully-qualified domain name, such as `bos-ex01.boston.contoso.com`: what other groups' connectors forward to.",
  },
  { key: 'ip', type: str('ipv4'), doc: "The server's IPv4 address (optional)." },
  {
    key: 'version',
    type: { kind: 'enum', values: ['5.5', '2000', '2003'], asString: true },
    default: '2003',
    doc: 'The Exchange version: `"5.5"`, `"2000"` or `"2003"`. A routing group needs at least one server running Exchange 2000 or later.',
  },
  {
    key: 'smtpVirtualServers',
    type: list(str('virtualServer')),
    default: ['Default SMTP Virtual Server'],
    doc: 'The SMTP virtual servers on the server.',
  },
);

export const ROUTING_GROUP: KindSpec = {
  kind: 'RoutingGroup',
  doc: 'A routing group: servers that are always connected, with reliable links, that send mail to each other directly.',
  fields: [
    kindField('RoutingGroup'),
    { key: 'name', type: str('routingGroup'), required: true, doc: "The routing group's name, unique within its administrative group." },
    adminGroupField('the routing group'),
    {
      key: 'servers',
      type: list(server),
      required: true,
      doc: 'The Exchange servers of the routing group. At least one must run Exchange 2000 or later.',
    },
  ],
};

export const ORGANIZATION: KindSpec = {
  kind: 'Organization',
  doc: 'The Exchange organization (at most one per workspace).',
  fields: [
    kindField('Organization'),
    { key: 'name', type: str('organization'), required: true, doc: "The organization's name." },
    {
      key: 'authoritativeDomains',
      type: list(str('domain')),
      doc: 'Domains a recipient policy makes this organization responsible for. No connector may carry an address space for them.',
    },
    { key: 'administrativeGroups', type: list(str('administrativeGroup')), doc: 'The administrative groups of the organization.' },
  ],
};

export const KIND_SPECS: Readonly<Record<KindName, KindSpec>> = {
  SmtpConnector: SMTP_CONNECTOR,
  RoutingGroupConnector: ROUTING_GROUP_CONNECTOR,
  RoutingGroup: ROUTING_GROUP,
  Organization: ORGANIZATION,
};

export function fieldsOf(type: FieldType): readonly FieldSpec[] {
  return type.kind === 'object' ? type.fields : [];
}

/** The field spec at a key path inside a kind ("general", "smartHosts"); array steps are skipped by passing the key only. */
export function fieldAt(kind: KindName, path: readonly string[]): FieldSpec | undefined {
  let fields: readonly FieldSpec[] = KIND_SPECS[kind].fields;
  let found: FieldSpec | undefined;
  for (const key of path) {
    found = fields.find((f) => f.key === key);
    if (!found) return undefined;
    let t = found.type;
    while (t.kind === 'array') t = t.items;
    fields = fieldsOf(t);
  }
  return found;
}

/** The tabs of a connector: its top-level mapping keys besides the identity keys. */
export const IDENTITY_KEYS = ['kind', 'name', 'administrativeGroup', 'routingGroup'] as const;
