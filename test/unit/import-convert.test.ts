import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importLdif, RGC_KIND_KNOWN, type ImportResult } from '../../server/src/import';
import { parseAddressSpace, parseConnectedDomain } from '../../server/src/import/connectors';
import { serverVersion, fqdnFromNetworkAddress, boundAddress, smtpTemplateDomain } from '../../server/src/import/topology';
import { scalar, writeDocument } from '../../server/src/import/yamlWriter';
import { slug, PathAllocator } from '../../server/src/import/layout';
import { encodeBase64 } from '../../server/src/import/text';
import { guidToBytes } from '../../server/src/import/guid';
import { fixture, ROOT } from '../helpers/paths';

const contoso = () => importLdif(readFileSync(fixture('import', 'contoso.ldf')), { offsetMinutes: 60 });
const body = (r: ImportResult, name: string) => {
  const f = r.files.find((x) => x.document.name === name);
  assert.ok(f, `no document named ${name}`);
  return f.document.body;
};

test('address spaces: TYPE:address;cost, cost 1 when absent, Local: is the routing-group scope, (a) is @ for other types', () => {
  assert.deepEqual(parseAddressSpace('SMTP:*;1'), { type: 'SMTP', address: '*', cost: 1, local: false });
  assert.deepEqual(parseAddressSpace('Local:SMTP:*.fabrikam.com'), { type: 'SMTP', address: '*.fabrikam.com', cost: 1, local: true });
  assert.deepEqual(parseAddressSpace('X400:c=US;a= ;p=Contoso;o=Exchange;'), {
    type: 'X400',
    address: 'c=US;a= ;p=Contoso;o=Exchange;',
    cost: 1,
    local: false,
  });
  assert.deepEqual(parseAddressSpace('X400:c=US;a= ;p=Contoso;12'), {
    type: 'X400',
    address: 'c=US;a= ;p=Contoso',
    cost: 12,
    local: false,
  });
  assert.deepEqual(parseAddressSpace('NOTES:user(a)domain;5'), { type: 'NOTES', address: 'user@domain', cost: 5, local: false });
  assert.equal(parseAddressSpace('SMTP:*;cheap'), undefined);
  assert.equal(parseAddressSpace('no type'), undefined);
});

test('connected routing groups: Org§AdminGroup§{GUID}§cost§TYPE:address, cost 1 when the field is absent', () => {
  assert.deepEqual(
    parseConnectedDomain('Contoso\u00a7Europe\u00a7{C2D3E4F5-0617-4829-9A3B-4C5D6E7F8091}\u00a710\u00a7SMTP:paris.contoso.com'),
    {
      organization: 'Contoso',
      administrativeGroup: 'Europe',
      guid: 'c2d3e4f5-0617-4829-9a3b-4c5d6e7f8091',
      cost: 10,
      type: 'SMTP',
      address: 'paris.contoso.com',
    },
  );
  assert.equal(parseConnectedDomain('Contoso\u00a7Europe\u00a7{c2d3e4f5-0617-4829-9a3b-4c5d6e7f8091}\u00a7SMTP:*')?.cost, 1);
  assert.equal(parseConnectedDomain('Contoso\u00a7Europe\u00a7not-a-guid\u00a71\u00a7SMTP:*'), undefined);
  assert.equal(parseConnectedDomain('Contoso;Europe'), undefined);
});

test('servers: version from serialNumber, else versionNumber ≥ 6500; FQDN from ncacn_ip_tcp; a bound address', () => {
  assert.equal(serverVersion('Version 6.5 (Build 7638.2: Service Pack 2)', 7638), '2003');
  assert.equal(serverVersion('Version 6.0 (Build 6249.4: Service Pack 3)', 6249), '2000');
  assert.equal(serverVersion('Version 5.5 (Build 2653.23: Service Pack 4)', undefined), '5.5');
  assert.equal(serverVersion(undefined, 6944), '2003');
  assert.equal(serverVersion(undefined, 6249), undefined, 'below 6500 the number alone does not say 2000 or 5.5');
  assert.equal(serverVersion(undefined, 1912602624), undefined, 'Exchange 2007 is not a version of the format');
  assert.equal(fqdnFromNetworkAddress(['ncacn_np:BOS', 'NCACN_IP_TCP:bos.contoso.com']), 'bos.contoso.com');
  assert.equal(fqdnFromNetworkAddress(['ncacn_np:BOS']), undefined);
  assert.equal(boundAddress('10.1.0.11:25:'), '10.1.0.11');
  assert.equal(boundAddress(':25:'), undefined);
  assert.equal(smtpTemplateDomain('smtp:%g.%s@contoso.fr'), 'contoso.fr');
  assert.equal(smtpTemplateDomain('X400:c=US;a= ;p=Contoso;'), undefined);
});

test('YAML scalars read back as the same string; the writer lays out tabs with blank lines', () => {
  const tricky = [
    '2003',
    'true',
    'null',
    '*',
    '*.fabrikam.com',
    '[10.1.0.10]',
    'a: b',
    'x #y',
    '- x',
    'CONTOSO\\temp',
    'Genève – Paris',
    'ends ',
    '',
    'CN=a\\, b,DC=c',
    '\u0085',
    'line\nbreak',
    '0x1F',
    '1e3',
    '.5',
  ];
  for (const t of tricky) assert.equal(parse(`k: ${scalar(t)}\n`).k, t, `scalar ${JSON.stringify(t)} -> ${scalar(t)}`);
  assert.equal(scalar('Default SMTP Virtual Server'), 'Default SMTP Virtual Server');
  assert.equal(scalar('2003'), '"2003"');
  assert.equal(
    writeDocument(
      ['objectGUID: x'],
      {
        kind: 'SmtpConnector',
        name: 'A',
        general: { delivery: 'dns', localBridgeheads: [{ server: 'S', virtualServer: 'V' }] },
        details: { adminNote: 'n' },
      },
      true,
    ),
    '# objectGUID: x\nkind: SmtpConnector\nname: A\n\ngeneral:\n  delivery: dns\n  localBridgeheads:\n    - server: S\n      virtualServer: V\n\ndetails:\n  adminNote: n\n',
  );
  assert.equal(
    writeDocument(['a\nb'], { kind: 'Organization' }, false),
    '# a\n# b\nkind: Organization\n',
    'a name with a line break cannot end the comment',
  );
});

test('layout: names are file-name slugs, never paths; clashes get -2', () => {
  assert.equal(slug('Paris to Boston – Transatlantique'), 'paris-to-boston-transatlantique');
  assert.equal(slug('../../etc/passwd'), 'etc-passwd');
  assert.equal(slug('CON'), 'con-1');
  assert.equal(slug('***'), 'unnamed');
  const p = new PathAllocator();
  assert.equal(p.allocate(['North America', 'Boston'], 'A/B', '.connector.yaml'), 'north-america/boston/a-b.connector.yaml');
  assert.equal(p.allocate(['North America', 'Boston'], 'a b', '.connector.yaml'), 'north-america/boston/a-b-2.connector.yaml');
});

test('import of the synthetic export: every mapped attribute lands where the format puts it', () => {
  const r = contoso();
  assert.deepEqual(body(r, 'Contoso'), {
    kind: 'Organization',
    name: 'Contoso',
    authoritativeDomains: ['contoso.com', 'contoso.fr'],
    administrativeGroups: ['Europe', 'North America'],
  });
  assert.deepEqual(body(r, 'Boston Internet'), {
    kind: 'SmtpConnector',
    name: 'Boston Internet',
    administrativeGroup: 'North America',
    routingGroup: 'Boston',
    general: {
      delivery: 'dns',
      localBridgeheads: [{ server: 'BOS-EX02', virtualServer: 'Internet SMTP Virtual Server' }],
      allowPublicFolderReferrals: false,
    },
    addressSpace: { entries: [{ type: 'SMTP', address: '*', cost: 1 }] },
    contentRestrictions: { maxMessageSizeKB: 10240 },
    advanced: { outboundSecurity: { tls: true } },
  });
  assert.deepEqual(body(r, 'Boston to Seattle').general, {
    delivery: 'smartHost',
    smartHosts: ['sea-ex01.seattle.contoso.com', 'sea-ex02.seattle.contoso.com'],
    localBridgeheads: [{ server: 'BOS-EX01', virtualServer: 'Default SMTP Virtual Server' }],
  });
  assert.deepEqual(body(r, 'Boston to Seattle').connectedRoutingGroups, [{ routingGroup: 'Seattle', cost: 1 }]);
  assert.deepEqual(body(r, 'Boston to Seattle').details, { adminNote: 'Coast-to-coast link over the MPLS WAN (45 Mbit/s).' });
  assert.deepEqual(body(r, 'Boston to Paris').connectedRoutingGroups, [
    { routingGroup: 'Paris', administrativeGroup: 'Europe', routingAddress: 'paris.contoso.com', cost: 10 },
  ]);
  const transatlantic = body(r, 'Paris to Boston \u2013 Transatlantique');
  assert.deepEqual(transatlantic.connectedRoutingGroups, [
    { routingGroup: 'Boston', administrativeGroup: 'North America', routingAddress: 'boston.contoso.com', cost: 10 },
  ]);
  assert.deepEqual(transatlantic.deliveryOptions, { connectionTime: 'custom', schedule: ['Mon-Fri 06:00-22:00', 'Sat,Sun 00:00-24:00'] });
  assert.deepEqual(transatlantic.details, { adminNote: 'Heures ouvrées en semaine, le week-end entier.' });
  const fabrikam = body(r, 'Paris to Fabrikam');
  assert.deepEqual(fabrikam.addressSpace, {
    entries: [
      { type: 'SMTP', address: 'fabrikam.com', cost: 1 },
      { type: 'SMTP', address: '*.fabrikam.com', cost: 1 },
    ],
    scope: 'routingGroup',
  });
  assert.deepEqual(fabrikam.deliveryRestrictions, {
    default: 'reject',
    acceptFrom: ['CONTOSO\\fabrikam-project', 'CN=Partner Desk\\, Paris,OU=Groups,DC=contoso,DC=com'],
  });
  assert.deepEqual(fabrikam.advanced, { outboundSecurity: { username: 'CONTOSO\\smtp-fabrikam', tls: true } });
  assert.deepEqual(body(r, 'Seattle ISP Backup').deliveryOptions, { connectionTime: 'every2Hours' });
  assert.deepEqual(body(r, 'Seattle to Boston').general, {
    delivery: 'smartHost',
    smartHosts: ['bos-ex01.boston.contoso.com'],
    localBridgeheads: [
      { server: 'SEA-EX01', virtualServer: 'Default SMTP Virtual Server' },
      { server: 'SEA-EX02', virtualServer: 'Default SMTP Virtual Server' },
    ],
  });
  assert.deepEqual(body(r, 'Boston').servers, [
    { name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com', version: '2003' },
    {
      name: 'BOS-EX02',
      fqdn: 'bos-ex02.boston.contoso.com',
      ip: '10.1.0.11',
      version: '2003',
      smtpVirtualServers: ['Default SMTP Virtual Server', 'Internet SMTP Virtual Server'],
    },
  ]);
  assert.deepEqual(body(r, 'Seattle').servers, [
    { name: 'SEA-EX01', fqdn: 'sea-ex01.seattle.contoso.com', version: '2003' },
    { name: 'SEA-EX02', fqdn: 'sea-ex02.seattle.contoso.com', version: '2000' },
  ]);
  assert.deepEqual(body(r, 'Paris').servers, [
    { name: 'LYON-EX55', fqdn: 'lyon-ex55.lyon.contoso.com', version: '5.5', smtpVirtualServers: [] },
    { name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com', ip: '10.3.0.10', version: '2003' },
    { name: 'PAR-EX02', fqdn: 'par-ex02.paris.contoso.com', version: '2003', smtpVirtualServers: ['1'] },
  ]);
  const paris = r.files.find((f) => f.document.name === 'Paris')!;
  assert.match(
    paris.text,
    /^# SMTP virtual server 1 of PAR-EX02: its display name is not in the export; its instance number 1 stands in$/m,
  );
});

test("Routing Group Connectors: written to the fidelity issue's kind once the format has it, reported until then", () => {
  const r = contoso();
  if (RGC_KIND_KNOWN) {
    assert.deepEqual(body(r, 'Seattle to Paris'), {
      kind: 'RoutingGroupConnector',
      name: 'Seattle to Paris',
      administrativeGroup: 'North America',
      routingGroup: 'Seattle',
      general: {
        connectedRoutingGroup: { routingGroup: 'Paris', administrativeGroup: 'Europe' },
        cost: 20,
        localBridgeheads: [{ server: 'SEA-EX01', virtualServer: 'Default SMTP Virtual Server' }],
        allowPublicFolderReferrals: false,
      },
      // PAR-EX02's virtual server has no display name in the export: its number stands in, as in Paris's file.
      remoteBridgeheads: [{ server: 'PAR-EX02', virtualServer: '1' }],
    });
  } else {
    assert.equal(r.files.filter((f) => f.document.kind === 'RoutingGroupConnector').length, 0);
    assert.ok(r.report.some((l) => l.object === 'RoutingGroupConnector "Seattle to Paris"' && /not written/.test(l.text)));
  }
});

test('the header names the GUID and what the export cannot say; the password is never written; unmapped attributes are listed', () => {
  const r = contoso();
  const f = r.files.find((x) => x.document.name === 'Paris to Fabrikam')!;
  assert.equal(f.path, 'europe/paris/paris-to-fabrikam.connector.yaml');
  assert.match(
    f.text,
    /^# objectGUID: d0000001-0000-4000-8000-000000000005\n# not in the export: addressSpace\.allowRelay, .*advanced\.outboundSecurity\.authentication/,
  );
  for (const file of r.files) assert.doesNotMatch(file.text, /not-a-real-secret|password/i);
  assert.ok(r.report.some((l) => l.object === 'SmtpConnector "Paris to Fabrikam"' && /-o msExchSmtpOutboundSecurityPassword/.test(l.text)));
  assert.ok(
    r.report.some((l) =>
      /no mapping reads, on msExchRoutingSMTPConnector: msExchFooBar, msExchRoutingOversizedStyle, msExchRoutingOversizedSchedule$/.test(
        l.text,
      ),
    ),
  );
  assert.ok(r.report.some((l) => /other classes, not imported: mTA \(1\)/.test(l.text)));
});

test('what cannot be read is reported and left out, never guessed', () => {
  const org = 'CN=O,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=x';
  const c = `CN=C,CN=Connections,CN=RG,CN=Routing Groups,CN=AG,CN=Administrative Groups,${org}`;
  const unknownRg = new TextEncoder().encode(`O\u00a7AG\u00a7{${'1'.repeat(8)}-1111-1111-1111-111111111111}\u00a71\u00a7SMTP:*`);
  const text = [
    `dn: ${c}`,
    'objectClass: msExchRoutingSMTPConnector',
    `objectGUID:: ${encodeBase64(guidToBytes('22222222-2222-2222-2222-222222222222'))}`,
    'routingList: SMTP:*;cheap',
    'routingList: FAX:+331;2',
    `connectedDomains:: ${encodeBase64(unknownRg)}`,
    'activationStyle: 1',
    'msExchSourceBridgeheadServersDN: CN=S,CN=Servers,DC=x',
    '',
    `dn: CN=S1,CN=Servers,CN=AG,CN=Administrative Groups,${org}`,
    'objectClass: msExchExchangeServer',
    `msExchHomeRoutingGroup: CN=RG,CN=Routing Groups,CN=AG,CN=Administrative Groups,${org}`,
    '',
    `dn: CN=RG,CN=Routing Groups,CN=AG,CN=Administrative Groups,${org}`,
    'objectClass: msExchRoutingGroup',
    '',
  ].join('\r\n');
  const r = importLdif(new TextEncoder().encode(text), { offsetMinutes: 0 });
  const lines = r.report.map((l) => `${l.object ?? ''}: ${l.text}`);
  const expectLine = (re: RegExp) =>
    assert.ok(
      lines.some((l) => re.test(l)),
      `no report line like ${re}:\n${lines.join('\n')}`,
    );
  expectLine(/SmtpConnector "C": address space 'SMTP:\*;cheap' does not read/);
  expectLine(/SmtpConnector "C": address type 'FAX' is not one the format names: written as OTHER/);
  expectLine(/connected routing group \{11111111-1111-1111-1111-111111111111\} of AG is not in the export/);
  expectLine(/connection time \(activationStyle 1\) does not read: left out/);
  expectLine(/bridgehead 'CN=S,CN=Servers,DC=x' is not the DN of an SMTP virtual server/);
  expectLine(/server "S1": its FQDN .* fqdn left out/);
  expectLine(/server "S1": its version .* version left out/);
  const conn = r.files.find((f) => f.document.kind === 'SmtpConnector')!.document.body;
  assert.deepEqual(conn.addressSpace, { entries: [{ type: 'OTHER', address: '+331', cost: 2 }] });
  assert.equal(conn.connectedRoutingGroups, undefined);
  assert.equal(conn.deliveryOptions, undefined);
  assert.deepEqual(r.files.find((f) => f.document.kind === 'RoutingGroup')!.document.body.servers, [{ name: 'S1' }]);
});

test('an export without an organization imports nothing and says why', () => {
  const r = importLdif(new TextEncoder().encode('dn: CN=Users,DC=x\nobjectClass: container\n'), { offsetMinutes: 0 });
  assert.equal(r.found, false);
  assert.deepEqual(r.files, []);
  assert.match(r.report[r.report.length - 1].text, /holds no Exchange organization/);
});

test('the import engine is pure: no node:* module, no file system, no process', () => {
  const dir = join(ROOT, 'server', 'src', 'import');
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    assert.doesNotMatch(text, /from 'node:|require\(|\bprocess\.|\bBuffer\b/, name);
  }
});
