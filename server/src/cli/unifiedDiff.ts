/** Lines of context around each change, as `diff -u` and git print them. */
const CONTEXT = 3;

/**
 * A unified diff of one file, as `git diff` prints it (`--- a/PATH`,
 * `+++ b/PATH`, hunks with three lines of context), so that `git apply` or
 * `patch -p1` in the same folder applies it; empty when the texts are equal.
 * Lines keep their endings (a CRLF file's lines end in CR in the diff), and a
 * last line without one is marked "\ No newline at end of file".
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const h of hunks(ops)) {
    const oldCount = h.filter((o) => o.kind !== '+').length;
    const newCount = h.filter((o) => o.kind !== '-').length;
    const first = h[0];
    // An empty side starts at the line before it, as diff writes it.
    const oldStart = oldCount ? first.a + 1 : first.a;
    const newStart = newCount ? first.b + 1 : first.b;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (const o of h) {
      const line = o.kind === '+' ? b[o.b] : a[o.a];
      out += o.kind + line;
      if (!line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
  }
  return out;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

/** Lines with their endings (\n, \r\n, or none on the last line). A lone CR stays inside its line. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** One line of the edit script: kept, removed or added, with its index on each side (before the line, for the side it is not on). */
interface Op {
  kind: ' ' | '-' | '+';
  a: number;
  b: number;
}

/** The shortest edit script between two lists of lines (Myers, O((N+M)·D)), after the common head and tail. */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', a: i, b: i });
  ops.push(...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head));
  for (let i = tail; i > 0; i--) ops.push({ kind: ' ', a: a.length - i, b: b.length - i });
  return ops;
}

function myers(a: string[], b: string[], base: number): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  // The furthest x on each diagonal k = x - y, after each number of edits d (kept to walk back).
  const trace: Map<number, number>[] = [];
  let v = new Map<number, number>([[1, 0]]);
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    const next = new Map(v);
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next.set(k, x);
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    trace.push(next);
    v = next;
  }
  // Walk back from the end, one edit at a time.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && (prev.get(k - 1) ?? -1) < (prev.get(k + 1) ?? -1));
    const pk = down ? k + 1 : k - 1;
    const px = prev.get(pk)!;
    const py = px - pk;
    while (x > (down ? px : px + 1) && y > (down ? py + 1 : py)) {
      x--;
      y--;
      ops.push({ kind: ' ', a: base + x, b: base + y });
    }
    if (down) {
      y--;
      ops.push({ kind: '+', a: base + x, b: base + y });
    } else {
      x--;
      ops.push({ kind: '-', a: base + x, b: base + y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: ' ', a: base + x, b: base + y });
  }
  return ops.reverse();
}

/** The changes with their context; changes with at most twice the context between them share a hunk. */
function hunks(ops: Op[]): Op[][] {
  const out: Op[][] = [];
  let start = -1;
  let last = -1;
  ops.forEach((o, i) => {
    if (o.kind === ' ') return;
    if (start !== -1 && i - last - 1 > 2 * CONTEXT) {
      out.push(ops.slice(start, last + CONTEXT + 1));
      start = -1;
    }
    if (start === -1) start = Math.max(0, i - CONTEXT);
    last = i;
  });
  if (start !== -1) out.push(ops.slice(start, Math.min(ops.length, last + CONTEXT + 1)));
  return out;
}
