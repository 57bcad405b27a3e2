import type { Position } from 'vscode-languageserver-types';
import { Workspace } from '../engine/workspace';
import type { Caps } from './caps';
import { completion } from './completion';
import { hover } from './hover';
import { nameIndex } from './names';
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
