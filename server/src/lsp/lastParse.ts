import type { CompletionList, Hover, Position } from 'vscode-languageserver-types';
import { shiftRange } from '../model/text';
import type { ServerState } from './state';

/**
 * Requests on a large document between an edit and its check answer from the
 * text the engine last took (ServerState.settledPosition), so that they never
 * wait for the edit's parse: the position is moved to that text, and the
 * answer's ranges back to the editor's lines. A position on the changed lines
 * has no place in that text: a hover has no answer there until the check; a
 * completion, which must see what was just typed, brings the engine up to
 * date first. Small documents are always brought up to date: it is quick.
 */
export function fromLastParse<T>(
  state: ServerState,
  uri: string,
  position: Position,
  onChangedLines: 'none' | 'sync',
  answer: (at: Position) => T,
  moveBack: (result: T, lines: number) => T,
): T | null {
  const settled = state.settledPosition(uri, position);
  if (settled === null && onChangedLines === 'none') return null;
  if (!settled) {
    state.sync(uri);
    return answer(position);
  }
  const lines = position.line - settled.line;
  const result = answer(settled);
  return lines === 0 ? result : moveBack(result, lines);
}

/** A hover's range, moved by `lines`. */
export function moveHover(h: Hover | null, lines: number): Hover | null {
  return h?.range ? { ...h, range: shiftRange(h.range, lines) } : h;
}

/** A completion list's edit ranges, moved by `lines`. */
export function moveCompletions(list: CompletionList, lines: number): CompletionList {
  for (const it of list.items) {
    if (it.textEdit && 'range' in it.textEdit) it.textEdit.range = shiftRange(it.textEdit.range, lines);
  }
  return list;
}
