/** Whole-document snippets, in the snippet syntax; `plainSnippet` gives the text for clients without snippets. */

export const CONNECTOR_SNIPPET = [
  'kind: SmtpConnector',
  'name: ${1:Paris to Boston}',
  'administrativeGroup: ${2:First Administrative Group}',
  'routingGroup: ${3:Paris}',
  '',
  'general:',
  '  delivery: ${4|smartHost,dns|}',
  '  smartHosts:',
  '    - ${5:bos-ex01.boston.contoso.com}',
  '  localBridgeheads:',
  '    - server: ${6:PAR-EX01}',
  '      virtualServer: ${7:Default SMTP Virtual Server}',
  '',
  'connectedRoutingGroups:',
  '  - routingGroup: ${8:Boston}',
  '    cost: ${9:1}',
  '',
].join('\n');

export const ROUTING_GROUP_SNIPPET = [
  'kind: RoutingGroup',
  'name: ${1:Boston}',
  'administrativeGroup: ${2:First Administrative Group}',
  'servers:',
  '  - name: ${3:BOS-EX01}',
  '    fqdn: ${4:bos-ex01.boston.contoso.com}',
  '    version: "${5|2003,2000,5.5|}"',
  '',
].join('\n');

/** The snippet with each placeholder replaced by its default text (a choice by its first option). */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}
