import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLdif, first, values } from '../../server/src/import/ldif';
import { parseDn, dnKey } from '../../server/src/import/dn';
import { guidFromBytes, guidToBytes, normalizeGuid } from '../../server/src/import/guid';
import { decodeBase64, decodeCp1252, encodeBase64 } from '../../server/src/import/text';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

test('reader: CRLF, folded lines, a value that starts on the continuation line', () => {
  const f = readLdif(
    bytes(
      'dn: \r\n CN=Boston to Paris,CN=Connections,CN=Boston,CN=Routing Groups,CN=North Am\r\n erica,DC=contoso,DC=com\r\nchangetype: add\r\ncn: Boston\r\n  to Paris\r\n\r\n',
    ),
  );
  assert.deepEqual(f.problems, []);
  assert.equal(f.records.length, 1);
  assert.equal(f.records[0].dn, 'CN=Boston to Paris,CN=Connections,CN=Boston,CN=Routing Groups,CN=North America,DC=contoso,DC=com');
  assert.equal(first(f.records[0], 'cn'), 'Boston to Paris', 'one leading space is the fold; the second is the value');
  assert.equal(f.records[0].attributes.has('changetype'), false);
});

test('reader: base64 binary values are kept as bytes, base64 text is UTF-8', () => {
  const guid = Uint8Array.from([0x9a, 0xd5, 0x0c, 0xa1, 0x18, 0x77, 0xf8, 0x40, 0xb1, 0x8b, 0xb8, 0x57, 0x93, 0x58, 0xf5, 0xe2]);
  const text = 'Contoso\u00a7Europe';
  const utf8 = new TextEncoder().encode(text);
  const f = readLdif(bytes(`dn: CN=x\nobjectGUID:: ${encodeBase64(guid)}\nconnectedDomains::${encodeBase64(utf8)}\n`));
  const r = f.records[0];
  assert.deepEqual([...values(r, 'objectguid')[0].bytes], [...guid]);
  assert.equal(values(r, 'objectGUID')[0].base64, true);
  assert.equal(first(r, 'connectedDomains'), text);
});

test('reader: plain values are Windows-1252, including 0x80–0x9F', () => {
  const raw = Uint8Array.from([...bytes('dn: CN=x\ncn: Gen'), 0xe8, 0x76, 0x65, 0x20, 0x96, 0x20, 0x80, 0x0a]);
  const r = readLdif(raw).records[0];
  assert.equal(first(r, 'cn'), 'Gen\u00e8ve \u2013 \u20ac');
  assert.deepEqual([...values(r, 'cn')[0].bytes], [...raw.subarray(raw.indexOf(0x47), raw.length - 1)]);
});

test('reader: records in any order, names case-insensitive, comments and version skipped, several values kept in order', () => {
  const f = readLdif(
    bytes(
      'version: 1\n# a comment\n#  folded comment\n\ndn: CN=b\nRoutingList: SMTP:a;1\nroutinglist: SMTP:b;2\n\n\n\ndn: CN=a\nobjectClass: top\n',
    ),
  );
  assert.deepEqual(
    f.records.map((r) => r.dn),
    ['CN=b', 'CN=a'],
  );
  assert.deepEqual(
    values(f.records[0], 'ROUTINGLIST').map((v) => v.text),
    ['SMTP:a;1', 'SMTP:b;2'],
  );
  assert.equal(f.records[0].attributes.get('routinglist')?.name, 'RoutingList');
});

test('reader: bad lines are problems with their line numbers, never exceptions; the rest is read', () => {
  const f = readLdif(bytes('cn: orphan\nmore: x\n\ndn: CN=ok\nnot a line\nobjectGUID:: !!!\njpegPhoto:< file:///x.jpg\ncn: ok\n'));
  assert.deepEqual(
    f.problems.map((p) => p.line),
    [1, 5, 6, 7],
  );
  assert.equal(f.records.length, 1);
  assert.equal(first(f.records[0], 'cn'), 'ok');
});

test('reader: a UTF-16 file (ldifde -u) and a UTF-8 file with a byte-order mark are read too', () => {
  const text = 'dn: CN=Zürich\ncn: Zürich\n';
  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
  assert.equal(first(readLdif(utf16).records[0], 'cn'), 'Zürich');
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  assert.equal(readLdif(utf8).records[0].dn, 'CN=Zürich');
});

test('DN: RFC 4514 escapes, hex pairs as UTF-8, quoted values, spaces around separators', () => {
  assert.deepEqual(parseDn('CN=Partner Desk\\, Paris,OU=Groups , DC=contoso'), [
    { type: 'CN', value: 'Partner Desk, Paris' },
    { type: 'OU', value: 'Groups' },
    { type: 'DC', value: 'contoso' },
  ]);
  assert.deepEqual(parseDn('CN=Z\\C3\\BCrich\\2B\\ ,CN="a,b"'), [
    { type: 'CN', value: 'Zürich+ ' },
    { type: 'CN', value: 'a,b' },
  ]);
  assert.deepEqual(
    parseDn('CN=a+UID=7,DC=x')?.map((r) => r.value),
    ['a', 'x'],
    'the first pair of a multi-valued RDN',
  );
  assert.equal(parseDn('CN=a,novalue'), undefined);
  assert.equal(parseDn('CN=a\\'), undefined);
  assert.equal(dnKey('cn=Boston,CN=Routing Groups'), dnKey('CN=BOSTON, cn=routing groups'));
});

test('GUID: Windows byte order (the first three groups little-endian), both ways', () => {
  // GilKirkpatrick/LDIFPowerShell: objectGUID:: mtUMoRh3+ECxi7hXk1j14g== is a10cd59a-7718-40f8-…
  const b = decodeBase64('mtUMoRh3+ECxi7hXk1j14g==')!;
  assert.equal(guidFromBytes(b), 'a10cd59a-7718-40f8-b18b-b8579358f5e2');
  assert.deepEqual([...guidToBytes('{A10CD59A-7718-40F8-B18B-B8579358F5E2}')], [...b]);
  assert.equal(guidFromBytes(b.subarray(0, 15)), undefined);
  assert.equal(normalizeGuid('{A10CD59A-7718-40F8-B18B-B8579358F5E2}'), 'a10cd59a-7718-40f8-b18b-b8579358f5e2');
  assert.equal(normalizeGuid('nope'), undefined);
});

test('text: base64 round trip and rejection; Windows-1252 maps 0x80 to the euro sign', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual([...decodeBase64(encodeBase64(all))!], [...all]);
  assert.equal(decodeBase64('abc!'), undefined);
  assert.equal(decodeBase64('a'), undefined);
  assert.equal(decodeCp1252(Uint8Array.from([0x80, 0x9f, 0xa7, 0x81])), '\u20ac\u0178\u00a7\u0081');
});
