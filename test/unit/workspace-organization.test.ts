import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, rangeOf, lines } from '../helpers/engine';
import { checkIn, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';

const org = lines('kind: Organization', 'name: Contoso', 'authoritativeDomains: [contoso.com, Fabrikam.com.]');
const withSpace = (address: string) =>
  connector({
    name: 'Internet',
    from: 'Paris',
    bridgehead: 'PAR-EX01',
    extra: ['addressSpace:', '  entries:', '    - type: SMTP', `      address: "${address}"`, '      cost: 10'],
  });

test('address-space-authoritative: an SMTP address space for exactly an authoritative domain', () => {
  for (const [address, domain] of [
    ['contoso.com', 'contoso.com'],
    ['FABRIKAM.COM', 'fabrikam.com'],
  ]) {
    const text = withSpace(address);
    expectOne(checkIn({ 'o.organization.yaml': org, 'c.connector.yaml': text }, 'c.connector.yaml'), {
      code: 'address-space-authoritative',
      severity: 'warning',
      range: rangeOf(text, `"${address}"`),
      message: msg.addressSpaceAuthoritative(address, domain),
    });
  }
});

test('the address-space-authoritative message names the fix: a non-authoritative recipient policy (KB 321721)', () => {
  const m = msg.addressSpaceAuthoritative('contoso.com', 'contoso.com');
  assert.match(m, /non-authoritative/);
  assert.match(m, /KB 321721/);
  assert.doesNotMatch(m, /loop/);
});

test('address-space-authoritative does not fire on "*", a wildcard of an authoritative domain (its subdomains), other domains, or without an Organization', () => {
  for (const address of ['*', '*.com', '*.contoso.com', 'lab.*.contoso.com', 'partner.net', 'sub.contoso.com'])
    expectNone(
      checkIn({ 'o.organization.yaml': org, 'c.connector.yaml': withSpace(address) }, 'c.connector.yaml'),
      'address-space-authoritative',
    );
  expectNone(checkIn({ 'c.connector.yaml': withSpace('contoso.com') }, 'c.connector.yaml'), 'address-space-authoritative');
});

test('etrn-domain-not-local: an ETRN domain the organization is not authoritative for', () => {
  const text = connector({
    name: 'Pull',
    from: 'Paris',
    bridgehead: 'PAR-EX01',
    extra: ['advanced:', '  etrnTurn:', '    request: whenSending', '    dequeue: etrn', '    etrnDomains: [contoso.com, partner.net]'],
  });
  expectOne(checkIn({ 'o.organization.yaml': org, 'c.connector.yaml': text }, 'c.connector.yaml'), {
    code: 'etrn-domain-not-local',
    severity: 'warning',
    range: rangeOf(text, 'partner.net'),
    message: msg.etrnDomainNotLocal('partner.net'),
  });
  expectNone(checkIn({ 'c.connector.yaml': text }, 'c.connector.yaml'), 'etrn-domain-not-local');
});
