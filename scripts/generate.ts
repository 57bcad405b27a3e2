/** Writes every generated file from the catalog and codes.ts (npm run generate); see server/src/gen/outputs.ts. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED } from '../server/src/gen/outputs';

// The bundle runs from dist/: the repository is one folder up.
const root = join(__dirname, '..');
for (const file of GENERATED) {
  const target = join(root, file.path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  const next = file.update(current);
  if (next === current) {
    process.stdout.write(`${file.path} is up to date\n`);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, next);
  process.stdout.write(`wrote ${file.path}\n`);
}
