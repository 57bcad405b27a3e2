import { SCHEMA_PATH, schemaText } from '../schema/generate';
import { updatePackageJson } from './rulesSetting';
import { RULES_DOC_PATH, updateRulesDoc } from './rulesTable';
import { FORMAT_DOC_PATH, updateFormatDoc } from './formatDoc';

/**
 * Every file (or part of a file) generated from the catalog and codes.ts.
 * `npm run generate` writes them all; test/unit/generated.test.ts fails when a
 * committed one differs from what this would write. A new generated file is
 * one more entry here.
 */
export interface GeneratedFile {
  /** Relative to the repository root, with `/`. */
  path: string;
  /** The file's new text from its current text (undefined when the file does not exist yet). */
  update(current: string | undefined): string;
}

const existing = (path: string, update: (text: string) => string) => (current: string | undefined) => {
  if (current === undefined) throw new Error(`${path} is missing: it is hand-written around its generated parts`);
  return update(current);
};

export const GENERATED: readonly GeneratedFile[] = [
  { path: SCHEMA_PATH, update: () => schemaText() },
  { path: 'package.json', update: existing('package.json', updatePackageJson) },
  { path: RULES_DOC_PATH, update: existing(RULES_DOC_PATH, updateRulesDoc) },
  { path: FORMAT_DOC_PATH, update: existing(FORMAT_DOC_PATH, updateFormatDoc) },
];
