import type { ConnectorModel } from '../../model/extract';
import { normalizeDomain, parseSmtpAddressSpace } from '../../model/domain';
import { msg } from '../messages';
import type { WorkspaceRule } from './context';
import { keys } from '../../workspace/keys';

/**
 * address-space-authoritative and etrn-domain-not-local: a connector's
 * domains against the organization's authoritative domains (the first
 * Organization document in file order, when there is one).
 */
export const organizationRule: WorkspaceRule<ConnectorModel> = {
  kind: 'SmtpConnector',
  reads: () => [keys.organization],
  check(ctx) {
    const org = ctx.index.organization();
    if (!org) return;
    const local = new Set(org.model.authoritativeDomains.map((d) => normalizeDomain(d.value)).filter((d): d is string => d !== undefined));
    for (const as of ctx.model.addressSpaces) {
      if (as.type !== 'SMTP') continue;
      const parsed = parseSmtpAddressSpace(as.address.value);
      // '*' and '*.domain' are for subdomains and the Internet: Exchange resolves the authoritative domain itself inside.
      if (!parsed || parsed.subdomains || !local.has(parsed.domain)) continue;
      ctx.report('address-space-authoritative', as.address.range, msg.addressSpaceAuthoritative(as.address.value, parsed.domain));
    }
    for (const d of ctx.model.etrnDomains) {
      const n = normalizeDomain(d.value);
      if (n !== undefined && !local.has(n)) ctx.report('etrn-domain-not-local', d.range, msg.etrnDomainNotLocal(d.value));
    }
  },
};
