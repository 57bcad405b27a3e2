import { KIND_SPECS, KINDS, type FieldSpec, type FieldType, type KindName } from '../model/catalog';

/**
 * The JSON schema (draft-07) of connector definition files, generated from the
 * catalog so that editors using it (the YAML extension, schema stores) and the
 * checker agree. `npm run generate` writes it to schemas/; a test fails when the
 * committed file is stale.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// No public web address exists for the project: a URN names the schema without pointing anywhere.
export const SCHEMA_ID = 'urn:exconn:schema:exchange-connector';
export const SCHEMA_PATH = 'schemas/exchange-connector.schema.json';

export function generateSchema(): JsonObject {
  const definitions: JsonObject = {};
  for (const kind of KINDS) definitions[kind] = kindSchema(kind);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Exchange 2003 connector definition',
    description:
      'One YAML document of a *.connector.yaml, *.routinggroup.yaml or *.organization.yaml file: an SMTP connector, a Routing Group Connector, a routing group or the organization, chosen by `kind`.',
    type: 'object',
    required: ['kind'],
    properties: {
      kind: {
        type: 'string',
        enum: [...KINDS],
        description:
          'What this document defines: `SmtpConnector`, `RoutingGroupConnector`, `RoutingGroup` or `Organization`, case-sensitive.',
      },
    },
    allOf: KINDS.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions,
  };
}

/** The schema file's text: what `npm run generate` writes and the test compares. */
export function schemaText(): string {
  return JSON.stringify(generateSchema(), null, 2) + '\n';
}

function kindSchema(kind: KindName): JsonObject {
  const spec = KIND_SPECS[kind];
  return { description: spec.doc, ...objectSchema(spec.fields, kind) };
}

function objectSchema(fields: readonly FieldSpec[], kind?: KindName): JsonObject {
  const properties: JsonObject = {};
  for (const f of fields) properties[f.key] = f.key === 'kind' && kind ? { ...fieldSchema(f), const: kind } : fieldSchema(f);
  const required = fields.filter((f) => f.required).map((f) => f.key);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

function fieldSchema(f: FieldSpec): JsonObject {
  const out: JsonObject = { ...typeSchema(f.type), description: f.doc };
  if (f.esm) out.markdownDescription = `${f.doc}\n\nSystem Manager: ${f.esm.tab} → ${f.esm.label}`;
  if (f.default !== undefined) out.default = toJson(f.default);
  if (f.valueDocs && f.type.kind === 'enum') out.enumDescriptions = f.type.values.map((v) => f.valueDocs?.[v] ?? '');
  return out;
}

function typeSchema(t: FieldType): JsonObject {
  switch (t.kind) {
    case 'string':
      return t.format === 'ipv4' ? { type: 'string', format: 'ipv4' } : { type: 'string' };
    case 'integer':
      return { type: 'integer', minimum: t.min, ...(t.max !== undefined ? { maximum: t.max } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      // A number written for a text value ("version: 2003") is read as its text.
      if (t.asString) {
        const numbers = t.values.map(Number).filter((n) => Number.isFinite(n));
        return { type: ['string', 'number'], enum: [...t.values, ...numbers] };
      }
      return { type: 'string', enum: [...t.values] };
    case 'object':
      return objectSchema(t.fields);
    case 'array':
      return { type: 'array', items: typeSchema(t.items) };
  }
}

function toJson(v: string | number | boolean | readonly string[]): Json {
  return Array.isArray(v) ? [...v] : (v as Json);
}
