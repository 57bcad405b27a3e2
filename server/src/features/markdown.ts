/**
 * Text from the files (names, host names, notes) inside Markdown that the
 * editor renders: every ASCII punctuation character is escaped (CommonMark
 * allows a backslash before each), so a name shows as written and never
 * becomes a link, an image, a `command:` link, HTML or emphasis. Line breaks
 * become spaces: a name cannot start a block of its own.
 */
export function mdText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
