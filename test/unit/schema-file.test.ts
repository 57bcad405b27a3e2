import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { generateSchema, schemaText, SCHEMA_PATH } from '../../server/src/schema/generate';
import { KIND_SPECS, KINDS, fieldAt } from '../../server/src/model/catalog';

type Obj = Record<string, any>;

test('the committed JSON schema is what the catalog generates (run `npm run schema` when this fails)', () => {
  const committed = readFileSync(join(ROOT, SCHEMA_PATH), 'utf8');
  assert.equal(committed, schemaText());
});

test('the schema picks a definition per kind with if/then, each closed to unknown keys', () => {
  const s = generateSchema() as Obj;
  assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(s.required, ['kind']);
  assert.deepEqual(
    s.allOf.map((b: Obj) => [b.if.properties.kind.const, b.then.$ref]),
    KINDS.map((k) => [k, `#/definitions/${k}`]),
  );
  for (const kind of KINDS) {
    const def = s.definitions[kind];
    assert.equal(def.additionalProperties, false, kind);
    assert.deepEqual(Object.keys(def.properties), KIND_SPECS[kind].fields.map((f) => f.key), kind);
    assert.deepEqual(def.required, KIND_SPECS[kind].fields.filter((f) => f.required).map((f) => f.key), kind);
    assert.equal(def.properties.kind.const, kind);
  }
});

test('fields carry their documentation, enumerations, defaults and integer bounds from the catalog', () => {
  const c = (generateSchema() as Obj).definitions.SmtpConnector.properties;
  const cost = c.connectedRoutingGroups.items.properties.cost;
  assert.deepEqual([cost.type, cost.minimum, cost.maximum, cost.default], ['integer', 1, 100, 1]);
  const size = c.contentRestrictions.properties.maxMessageSizeKB;
  assert.deepEqual([size.type, size.minimum, 'maximum' in size], ['integer', 1, false]);
  const delivery = c.general.properties.delivery;
  assert.deepEqual([delivery.enum, delivery.default], [['dns', 'smartHost'], 'dns']);
  assert.equal(delivery.description, fieldAt('SmtpConnector', ['general', 'delivery'])!.doc);
  assert.deepEqual(c.contentRestrictions.properties.allowedPriorities.default, ['high', 'normal', 'low']);
  assert.equal(c.general.additionalProperties, false);
  assert.equal(c.general.properties.localBridgeheads.items.additionalProperties, false);
  assert.deepEqual(c.general.properties.localBridgeheads.items.required, ['server', 'virtualServer']);
  // every property at every depth has a description
  const walk = (props: Obj, path: string) => {
    for (const [k, v] of Object.entries(props)) {
      assert.equal(typeof v.description, 'string', `${path}.${k}`);
      assert.ok(v.description.length > 0, `${path}.${k}`);
      const inner = v.type === 'array' ? v.items : v;
      if (inner.properties) walk(inner.properties, `${path}.${k}`);
    }
  };
  for (const kind of KINDS) walk((generateSchema() as Obj).definitions[kind].properties, kind);
});

test('a server version may be written as text or as a number', () => {
  const v = (generateSchema() as Obj).definitions.RoutingGroup.properties.servers.items.properties.version;
  assert.deepEqual(v.type, ['string', 'number']);
  assert.deepEqual(v.enum, ['5.5', '2000', '2003', 5.5, 2000, 2003]);
  assert.equal(v.default, '2003');
});
