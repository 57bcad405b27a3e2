import type { Position } from 'vscode-languageserver-types';
import { Workspace } from '../engine/workspace';
import type { Caps } from './caps';
import { completion } from './completion';
import { hover } from './hover';
import { nameIndex } from './names';
import { connectorSnippet, routingGroupSnippet } from './snippets';

/**
 * Completion and hover over a small sample workspace: the whole-document
 * snippets' own sample routing group and a connector to it. V8 compiles a
 * function when it first runs, so in a cold server the first completion or
 * hover paid several milliseconds for compiling its code; the server runs
 * this once, while idle after its first round of checks, so that no request
 * pays for it. One step per line of the sample (a request waiting in line
 * goes first between two); says how many answers were not empty.
 */
export function* warmUp(caps: Caps): Generator<void, { completions: number; hovers: number }> {
  const ws = new Workspace();
  const uri = 'warm-up:/sample.connector.yaml';
  const index = nameIndex(ws);
  const text = `${routingGroupSnippet(index, uri).plain}---\n${connectorSnippet(index, uri).plain}`;
  ws.setFile(uri, text);
  const answered = { completions: 0, hovers: 0 };
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
