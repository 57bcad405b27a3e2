/** Writes schemas/exchange-connector.schema.json from the catalog (npm run schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCHEMA_PATH, schemaText } from '../server/src/schema/generate';

// The bundle runs from dist/: the repository is one folder up.
const target = join(__dirname, '..', SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, schemaText());
process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
