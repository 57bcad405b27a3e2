import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps offsets in one string to LSP positions (0-based lines, UTF-16 columns)
 * and back. Lines end at "\n", "\r\n" or a lone "\r", as LSP counts them.
 */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    // Most texts have no lone CR: find line ends with indexOf, which is fast.
    if (!hasLoneCr(text)) {
      let i = text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // Between the "\r" and the "\n" of a CRLF is no position at all: it is the line's end.
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of the end of a line's content, before its "\n", "\r\n" or "\r". */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1; // the "\n" or lone "\r"
    if (this.text[end] === '\n' && end > this.starts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

/** The line ending a file uses: the first one found, LF when there is none. */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Does the text hold a carriage return that is not followed by a line feed? */
export function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/**
 * A copy of a string that shares no memory with the string it was cut from.
 * V8 makes a slice of a long string a view that keeps the whole original
 * alive: a document parsed from a slice of one version of a file (its text,
 * and the yaml scalars' sources cut from that) would keep that version's
 * whole text, megabytes, for as long as the document is kept; after a few
 * edits of a large file, one whole text per edit. Joining the slice to a
 * character and slicing that off makes V8 build a flat string of its own.
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}
