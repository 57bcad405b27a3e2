import type { Position } from 'vscode-languageserver-types';
import { Workspace } from '../engine/workspace';
import type { Caps } from './caps';
import { completion } from './completion';
import { hover } from './hover';
import { nameIndex } from './names';
import { nameHover } from './nameHover';
import { sorted } from '../workspace/nameIndex';
import { occurrencesOf } from '../workspace/occurrences';
import { connectorSnippet, routingGroupSnippet } from './snippets';
import { sampleDocument } from './warmUpSample';

/** The parse and the single-document rules are warmed up on this many sample documents, a few per step. */
export const WARM_UP_DOCUMENTS = 80;
const DOCUMENTS_PER_STEP = 8;

/**
 * V8 compiles a function when it first runs and optimizes it only once it
 * has run often, so a cold server paid for both in its first large open (the
 * parse and the single-document rules ran some 30% slower than warm: 1,000
 * connectors opened in 1.4 s instead of 1.0 s in-process) and in its first
 * completion or hover (several milliseconds). The server runs this once,
 * while idle after its first round of checks, so that no open or request
 * pays for it: first the open's path (split, parse, single-document rules)
 * over WARM_UP_DOCUMENTS sample documents (warmUpSample.ts), a few per step;
 * then completion and hover over the whole-document snippets' own sample
 * routing group and a connector to it, one line per step. A request or a
 * notification waiting in line goes first between two steps. `parsed`: how
 * many documents the server parsed already (a workspace's files): from
 * WARM_UP_DOCUMENTS on, the open's path is warm and is not run again. Says
 * how many documents were parsed and how many answers were not empty.
 */
export function* warmUp(caps: Caps, parsed = 0): Generator<void, { documents: number; completions: number; hovers: number }> {
  let documents = 0;
  for (let first = 0; parsed < WARM_UP_DOCUMENTS && first < WARM_UP_DOCUMENTS; first += DOCUMENTS_PER_STEP) {
    const sample = new Workspace();
    const uri = `warm-up:/sample-${first}.connector.yaml`;
    const docs = Array.from({ length: DOCUMENTS_PER_STEP }, (_, k) => sampleDocument(first + k));
    // As a large file is opened: its documents are read into the index later.
    sample.setFile(uri, docs.join('---\n'), undefined, true);
    sample.quickFindings(uri);
    documents += sample.file(uri)!.documents.length;
    yield;
  }
  const ws = new Workspace();
  const uri = 'warm-up:/sample.connector.yaml';
  const index = nameIndex(ws);
  const text = `${routingGroupSnippet(index, uri).plain}---\n${connectorSnippet(index, uri).plain}`;
  ws.setFile(uri, text);
  const answered = { documents, completions: 0, hovers: 0 };
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    for (let c = 0; c <= lines[l].length; c += 2) {
      const at: Position = { line: l, character: c };
      if (completion(ws, uri, at, caps).items.length) answered.completions++;
      if (hover(ws, uri, at, caps)) answered.hovers++;
    }
    yield;
  }
  return answered;
}

/** How many of the workspace's own names warmUpNames hovers. */
export const NAME_WARM_UPS = 24;

/**
 * Hovers over the workspace's own routing groups and servers, one per step,
 * up to NAME_WARM_UPS. The sample above has a group of one server and one
 * connector: a real group's hover walks hundreds of connectors (at 5,000
 * connectors, some 300 per group), code V8 had not optimized yet, and the
 * first dozen name hovers took 1 to 3 ms before they settled near 0.5 ms.
 * Says how many were hovered.
 */
export function* warmUpNames(ws: Workspace, caps: Caps): Generator<void, number> {
  let hovered = 0;
  for (const group of sorted(nameIndex(ws).routingGroups)) {
    for (const occ of occurrencesOf(group.doc)) {
      if (occ.kind === 'virtualServer') continue;
      nameHover(ws, occ, caps.hoverMarkdown, () => ({}));
      if (++hovered === NAME_WARM_UPS) return hovered;
      yield;
    }
  }
  return hovered;
}
