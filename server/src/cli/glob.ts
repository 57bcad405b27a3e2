/**
 * Glob patterns on the command line (quoted, so the shell leaves them alone):
 * `*` and `?` within a path segment, `**` across segments, `[abc]` and `{a,b}`.
 * Paths are compared with `/` separators.
 */

export function hasGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

/** The leading segments without glob characters: where the walk starts. */
export function globBase(pattern: string): string {
  const segs = pattern.split('/');
  const base: string[] = [];
  for (const s of segs) {
    if (hasGlob(s)) break;
    base.push(s);
  }
  if (base.length === segs.length) base.pop();
  const joined = base.join('/');
  return joined === '' && pattern.startsWith('/') ? '/' : joined || '.';
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let i = 0;
  let braces = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    // As in shells, a wildcard does not match the dot that starts a name.
    const noDot = i === 0 || pattern[i - 1] === '/' ? '(?!\\.)' : '';
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // "**/" matches zero or more whole segments; a trailing "**" anything below.
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*(?:/|$))*';
        i += slash ? 3 : 2;
        continue;
      }
      re += noDot + '[^/]*';
    } else if (c === '?') {
      re += noDot + '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
    i++;
  }
  return new RegExp(`^${re}$`);
}
