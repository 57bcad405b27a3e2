import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Code, Severity } from '../rules/codes';

/** A file the fix creates (workspace fixes); `path` is absolute or relative to the workspace, as the engine was given it. */
export interface CreateFile {
  uri: string;
  text: string;
}

export interface Fix {
  /** Names what it does and the new value: "Set cost to 100". */
  title: string;
  /** Safe to apply unattended: `--fix` and `source.fixAll.exconn` apply it. */
  preferred?: boolean;
  /** Edits of the diagnostic's own document. During a check they are local to the YAML document; the engine moves them to file lines. */
  edits: TextEdit[];
  /** Edits of other files (workspace fixes), by URI, in file coordinates. */
  otherEdits?: { uri: string; edits: TextEdit[] }[];
  /** Files the fix creates; never one that exists. */
  create?: CreateFile[];
}

export interface Related {
  /** Another file, by URI; absent for the same file. */
  uri?: string;
  range: Range;
  message: string;
}

export interface Finding {
  code: Code;
  severity: Severity;
  range: Range;
  message: string;
  related?: Related[];
  fixes: Fix[];
}

/** Severity per code as a user set it: `off` silences the code. */
export type RuleSettings = Partial<Record<string, Severity | 'off'>>;
