/**
 * Generated parts of hand-written Markdown files. A region is the text between
 *
 *   <!-- generated: NAME (npm run generate) -->
 *   <!-- end generated: NAME -->
 *
 * and is replaced whole; everything outside the markers is left as written.
 */

const begin = (name: string) => `<!-- generated: ${name} (npm run generate) -->`;
const end = (name: string) => `<!-- end generated: ${name} -->`;

/** The markers of a new region, for writing a file's first version by hand. */
export function emptyRegion(name: string): string {
  return `${begin(name)}\n${end(name)}`;
}

/** `text` with the region NAME's content replaced by `body`; throws when the markers are missing, so a broken file is noticed. */
export function replaceRegion(text: string, name: string, body: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const start = text.indexOf(begin(name));
  const stop = text.indexOf(end(name));
  if (start < 0 || stop < start) throw new Error(`the markers of the generated region "${name}" are missing:\n${emptyRegion(name)}`);
  const inner = body.replace(/\r?\n/g, eol).replace(/(\r?\n)*$/, '');
  return text.slice(0, start) + begin(name) + eol + inner + eol + text.slice(stop);
}

/** Markdown table cells: a `|` inside would end the cell, a line break the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
