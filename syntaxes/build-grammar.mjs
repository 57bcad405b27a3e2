// Writes exchange-connector.tmLanguage.json: run `node syntaxes/build-grammar.mjs` after changing it.
// test/unit/grammar.test.ts checks these lists against the catalog.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const tabs = ['general', 'addressSpace', 'connectedRoutingGroups', 'remoteBridgeheads', 'deliveryRestrictions', 'contentRestrictions', 'deliveryOptions', 'advanced', 'details'];
const fields = 'acceptFrom address adminNote administrativeGroup administrativeGroups allowPublicFolderReferrals allowRelay allowedPriorities allowedTypes authentication authoritativeDomains authorizedAccounts connectedRoutingGroup connectionTime cost default delivery dequeue enabled entries etrnDomains etrnTurn exchange55Site fqdn ip localBridgeheads maxMessageSizeKB name organization outboundSecurity oversize rejectFrom remoteBridgeheads remoteTriggeredDelivery request routingAddress routingGroup schedule scope sendHelo server servers smartHosts smtpVirtualServers thresholdKB tls type username version virtualServer'.split(' ');
const enums = {
  delivery: ['dns', 'smartHost'],
  type: ['SMTP', 'X400', 'MS', 'CCMAIL', 'NOTES', 'GWISE', 'OTHER'],
  scope: ['organization', 'routingGroup'],
  default: ['accept', 'reject'],
  connectionTime: ['always', 'never', 'every1Hour', 'every2Hours', 'every4Hours', 'dailyAt11PM', 'custom'],
  authentication: ['anonymous', 'basic', 'integratedWindows'],
  request: ['none', 'whenSending', 'fromDifferentServer'],
  dequeue: ['etrn', 'turn'],
};
const listEnums = { allowedPriorities: ['high', 'normal', 'low'], allowedTypes: ['system', 'nonSystem'] };
const alt = (xs) => xs.join('|');
const lead = '^([ \\t]*(?:-[ \\t]+)*)';
const dash = { patterns: [{ match: '-', name: 'punctuation.definition.block.sequence.item.yaml' }] };
const keyCaptures = (scope) => ({ 1: dash, 2: { name: scope }, 3: { name: 'punctuation.separator.key-value.mapping.yaml' } });
const endOfValue = '(?=[ \\t]*(?:#.*)?$)';
const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Exchange Connector',
  scopeName: 'source.exchange-connector',
  comment: 'YAML (source.yaml) with the connector format on top: kinds, tabs, fields and enumeration values, injected so that they apply inside YAML\'s own rules. Kept in step with server/src/model/catalog.ts by test/unit/grammar.test.ts.',
  patterns: [{ include: 'source.yaml' }],
  injections: {
    'L:source.exchange-connector -comment -string.quoted -meta.scalar -string.unquoted.block': {
      patterns: [
        { include: '#kind' },
        { include: '#version' },
        { include: '#enum-value' },
        { include: '#enum-list' },
        { include: '#tab-key' },
        { include: '#field-key' },
      ],
    },
  },
  repository: {
    kind: {
      match: `^(kind)[ \\t]*(:)[ \\t]+(?:(SmtpConnector|RoutingGroupConnector|RoutingGroup|Organization)|(\\S+))${endOfValue}`,
      captures: {
        1: { name: 'keyword.other.kind.exchange-connector' },
        2: { name: 'punctuation.separator.key-value.mapping.yaml' },
        3: { name: 'entity.name.type.kind.exchange-connector' },
        4: { name: 'invalid.illegal.kind.exchange-connector' },
      },
    },
    version: {
      match: `${lead}(version)[ \\t]*(:)[ \\t]+(?:(["']?)(5\\.5|2000|2003)(\\4))${endOfValue}`,
      captures: {
        ...keyCaptures('variable.other.field.exchange-connector'),
        4: { name: 'punctuation.definition.string.yaml' },
        5: { name: 'constant.other.enum.exchange-connector' },
        6: { name: 'punctuation.definition.string.yaml' },
      },
    },
    'enum-value': {
      patterns: Object.entries(enums).map(([key, values]) => ({
        match: `${lead}(${key})[ \\t]*(:)[ \\t]+(${alt(values)})${endOfValue}`,
        captures: { ...keyCaptures('variable.other.field.exchange-connector'), 4: { name: 'constant.other.enum.exchange-connector' } },
      })),
    },
    'enum-list': {
      patterns: Object.entries(listEnums).map(([key, values]) => ({
        begin: `${lead}(${key})[ \\t]*(:)`,
        beginCaptures: keyCaptures('variable.other.field.exchange-connector'),
        // Ends at the next line that is neither deeper nor an item of this list.
        end: '^(?=(?!\\1[ \\t]+\\S)(?!\\1-[ \\t])[ \\t]*[^\\s#])',
        patterns: [
          { match: `\\b(?:${alt(values)})\\b`, name: 'constant.other.enum.exchange-connector' },
          { match: '#.*$', name: 'comment.line.number-sign.yaml' },
          { match: '[\\[\\]]', name: 'punctuation.definition.sequence.flow.yaml' },
          { match: ',', name: 'punctuation.separator.sequence.flow.yaml' },
          { match: '^[ \\t]*(-)(?=[ \\t])', captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' } } },
        ],
      })),
    },
    'tab-key': {
      match: `^()(${alt(tabs)})[ \\t]*(:)(?=[ \\t]|$)`,
      captures: keyCaptures('entity.name.section.tab.exchange-connector'),
    },
    'field-key': {
      match: `${lead}(${alt(fields)})[ \\t]*(:)(?=[ \\t]|$)`,
      captures: keyCaptures('variable.other.field.exchange-connector'),
    },
  },
};
writeFileSync(fileURLToPath(new URL('exchange-connector.tmLanguage.json', import.meta.url)), JSON.stringify(grammar, null, 2) + '\n');
