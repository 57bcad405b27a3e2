/**
 * How deeply a YAML document nests, measured before it is parsed. The yaml
 * package's parse slows down with nesting (100,000 unmatched `[` take seconds)
 * and its composer recurses, so a document nested deeper than any connector
 * file could be is refused before the parser sees it.
 *
 * The scan is one linear pass that counts the open levels: block levels by
 * their indentation (and by `- `, `? ` and `: ` indicators whose entry is a
 * collection on the same line, as in `- - x` or `- key: x`) and flow levels by
 * `[` and `{`. It skips comments, quoted
 * scalars and block scalars' content, so brackets in text never count.
 */

/** Deeper than this, a document is not parsed. Connector files nest about five levels. */
export const MAX_NESTING = 64;

/** How many texts were scanned (the tests count them). */
export let nestingScans = 0;

/** The offset where the text first nests deeper than `max` levels, or -1 when it never does. */
export function nestingOverflow(text: string, max = MAX_NESTING): number {
  nestingScans++;
  const n = text.length;
  const levels: number[] = []; // columns of the open block levels
  let flow = 0; // open [ and {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let blockScalarParent = -1; // inside a block scalar: the column its content must be deeper than
  while (i < n) {
    // The start of a line.
    const lineStart = i;
    while (i < n && text[i] === ' ') i++;
    const col = i - lineStart;
    if (i >= n) break;
    if (isBreak(text[i])) {
      i = skipBreak(text, i);
      continue;
    }
    if (blockScalarParent >= 0) {
      if (col > blockScalarParent) {
        i = lineEnd(text, i);
        continue;
      }
      blockScalarParent = -1;
    }
    if (text[i] === '#') {
      i = lineEnd(text, i);
      continue;
    }
    let valueStart = false; // at the start of a block node, where `[`, `{`, quotes and indicators mean something
    if (flow === 0) {
      if (col === 0 && isDocumentMarker(text, i)) {
        levels.length = 0;
        i += 3;
      } else {
        while (levels.length && levels[levels.length - 1] >= col) levels.pop();
        levels.push(col);
        if (levels.length > max) return i;
      }
      valueStart = true;
    }
    let pending = -1; // the column of an indicator's entry on this line, a level once it proves to be a collection
    let tokenStart = true; // in flow: after `[`, `{`, `,`, `:` or a line start, where a quote opens a scalar
    let prevSpace = true;
    while (i < n && !isBreak(text[i])) {
      const c = text[i];
      if (c === '#' && prevSpace) {
        i = lineEnd(text, i);
        break;
      }
      if ((c === '"' || c === "'") && (flow > 0 ? tokenStart : valueStart)) {
        i = skipQuoted(text, i);
        valueStart = tokenStart = prevSpace = false;
        continue;
      }
      if (flow === 0) {
        if (valueStart) {
          if ((c === '-' || c === '?' || c === ':') && isSpaceOrEnd(text, i + 1)) {
            // `- - x`: the entry of this indicator is a collection itself when another indicator follows.
            if (pending >= 0) {
              levels.push(pending);
              if (levels.length > max) return i;
            }
            i++;
            while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
            pending = column(text, i);
            continue;
          }
          if (c === '[' || c === '{') {
            pending = -1; // the flow collection is the entry itself
            flow = 1;
            if (levels.length + flow > max) return i;
            valueStart = false;
            tokenStart = true;
            i++;
            continue;
          }
          if (c === '|' || c === '>') {
            blockScalarParent = col;
            i = lineEnd(text, i);
            break;
          }
          if (c !== ' ' && c !== '\t') valueStart = false;
        } else if (c === ':' && isSpaceOrEnd(text, i + 1)) {
          // `- key: value`: the entry of the indicator before is a mapping.
          if (pending >= 0) {
            levels.push(pending);
            if (levels.length > max) return i;
            pending = -1;
          }
          valueStart = true;
        }
      } else if (c === '[' || c === '{') {
        flow++;
        if (levels.length + flow > max) return i;
        tokenStart = true;
      } else if (c === ']' || c === '}') {
        flow--;
        tokenStart = false;
      } else if (c === ',' || c === ':') tokenStart = true;
      else if (c !== ' ' && c !== '\t') tokenStart = false;
      prevSpace = c === ' ' || c === '\t';
      i++;
    }
    if (i < n) i = skipBreak(text, i);
  }
  return -1;
}

function isBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

function skipBreak(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}

function lineEnd(text: string, i: number): number {
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

function isSpaceOrEnd(text: string, i: number): boolean {
  return i >= text.length || text[i] === ' ' || text[i] === '\t' || isBreak(text[i]);
}

function isDocumentMarker(text: string, i: number): boolean {
  const m = text.slice(i, i + 3);
  return (m === '---' || m === '...') && isSpaceOrEnd(text, i + 3);
}

/** The column of an offset: how far it stands from the line break before it. */
function column(text: string, i: number): number {
  let s = i;
  while (s > 0 && !isBreak(text[s - 1])) s--;
  return i - s;
}

/** The offset after a quoted scalar that opens at `i` (or the end of the text when it never closes). */
function skipQuoted(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (q === '"' && c === '\\') j += 2;
    else if (c === q) {
      if (q === "'" && text[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}
