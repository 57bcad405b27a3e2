import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { generateSchema, schemaText, SCHEMA_PATH } from '../../server/src/schema/generate';
import { KIND_SPECS, KINDS, fieldAt } from '../../server/src/model/catalog';

type Obj = Record<string, any>;

test('the committed JSON schema is what the catalog generates (run `npm run generate` when this fails)', () => {
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
    assert.deepEqual(
      Object.keys(def.properties),
      KIND_SPECS[kind].fields.map((f) => f.key),
      kind,
    );
    assert.deepEqual(
      def.required,
      KIND_SPECS[kind].fields.filter((f) => f.required).map((f) => f.key),
      kind,
    );
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

/** The draft-07 keywords the generated schema uses, enough to validate documents against it. */
function validate(schema: Obj, value: unknown, root: Obj, path = '$'): string[] {
  if (schema.$ref) return validate(resolveRef(root, schema.$ref), value, root, path);
  const errors: string[] = [];
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (schema.type) {
    const types = ([] as string[]).concat(schema.type);
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: ${t} is not ${types.join('|')}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: not ${schema.const}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...validate(schema.items, v, root, `${path}[${i}]`)));
  if (typeOf(value) === 'object') {
    const o = value as Obj;
    for (const k of schema.required ?? []) if (!(k in o)) errors.push(`${path}: missing ${k}`);
    for (const [k, v] of Object.entries(o)) {
      if (schema.properties?.[k]) errors.push(...validate(schema.properties[k], v, root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown ${k}`);
    }
  }
  for (const branch of schema.allOf ?? []) {
    if (validate(branch.if, value, root, path).length === 0) errors.push(...validate(branch.then, value, root, path));
  }
  return errors;
}

function resolveRef(root: Obj, ref: string): Obj {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((o: Obj, k) => o[k], root);
}

test('the example organization validates against the schema; typical mistakes do not', () => {
  const schema = generateSchema() as Obj;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(connector|routinggroup|organization)\.ya?ml$/.test(name)) files.push(p);
    }
  };
  walk(join(ROOT, 'examples'));
  assert.ok(files.length >= 12);
  for (const f of files) {
    for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) assert.deepEqual(validate(schema, doc.toJS(), schema), [], f);
  }
  const bad = (text: string) => validate(schema, parseAllDocuments(text)[0].toJS(), schema);
  const connector = 'kind: SmtpConnector\nname: x\nadministrativeGroup: A\nroutingGroup: B\n';
  assert.deepEqual(bad(connector + 'connectedRoutingGroups: [{routingGroup: C, cost: 150}]'), [
    '$.connectedRoutingGroups[0].cost: above 100',
  ]);
  assert.deepEqual(bad(connector + 'general: {delivery: smarthost}'), ['$.general.delivery: "smarthost" not in enum']);
  assert.deepEqual(bad(connector + 'advanced: {sendHelo: yes}'), ['$.advanced.sendHelo: string is not boolean']);
  assert.deepEqual(bad(connector + 'genral: {}'), ['$: unknown genral']);
  assert.deepEqual(bad('kind: RoutingGroup\nname: R\nadministrativeGroup: A\nservers: [{name: S, version: 2003}]'), [
    '$.servers[0]: missing fqdn',
  ]);
});
