import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCode } from '../rules/codes';
import type { RuleSettings } from '../engine/types';

export const SETTINGS_FILE = join('.vscode', 'settings.json');
const LEVELS = new Set(['off', 'error', 'warning', 'information', 'hint']);

/**
 * `exchangeConnectors.rules` from `.vscode/settings.json` in the folder the
 * command runs in, so that the editor and CI agree. A missing file means no
 * settings; a file or entry that cannot be used is named in a warning and
 * skipped, as VS Code itself keeps going on a broken settings file.
 */
export function readRuleSettings(cwd: string, warn: (line: string) => void): RuleSettings {
  let text: string;
  try {
    text = readFileSync(join(cwd, SETTINGS_FILE), 'utf8');
  } catch {
    return {};
  }
  let settings: unknown;
  try {
    settings = parseJsonc(text);
  } catch (e) {
    warn(`ignoring ${SETTINGS_FILE}: ${(e as Error).message}`);
    return {};
  }
  if (!isObject(settings)) return {};
  const nested = settings.exchangeConnectors;
  const rules = settings['exchangeConnectors.rules'] ?? (isObject(nested) ? nested.rules : undefined);
  if (rules === undefined) return {};
  if (!isObject(rules)) {
    warn(`ignoring exchangeConnectors.rules in ${SETTINGS_FILE}: it is not an object`);
    return {};
  }
  const out: RuleSettings = {};
  for (const [code, level] of Object.entries(rules)) {
    if (!isCode(code)) warn(`ignoring exchangeConnectors.rules["${code}"] in ${SETTINGS_FILE}: no such rule`);
    else if (typeof level !== 'string' || !LEVELS.has(level))
      warn(`ignoring exchangeConnectors.rules["${code}"] in ${SETTINGS_FILE}: expected off, error, warning, information or hint`);
    else out[code] = level as RuleSettings[string];
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with comments and trailing commas, as VS Code writes settings: both are removed outside strings, then JSON.parse reads it. */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      out += ' ';
    } else if (c === ',') {
      // A comma followed only by blanks and comments before } or ] is a trailing comma.
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text.startsWith('//', j)) while (j < n && text[j] !== '\n') j++;
        else if (text.startsWith('/*', j)) {
          const end = text.indexOf('*/', j + 2);
          j = end === -1 ? n : end + 2;
        } else break;
      }
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out.trim() === '' ? {} : JSON.parse(out);
}
