import { isNode, isPair } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../model/parse';
import {
  extract,
  isConnector,
  type ConnectorModel,
  type DocumentModel,
  type OrganizationModel,
  type RoutingGroupModel,
  type ServerModel,
} from '../model/extract';
import type { Finding } from '../engine/types';
import { groupKey, hostKey, nameKey } from './names';
import { baseName } from './paths';
import { NameIndex } from './nameIndex';
import { keys } from './keys';
import { sameValues } from '../model/values';

/** One YAML document of one file, as the index knows it. */
export interface DocEntry {
  uri: string;
  doc: ParsedDocument;
  /** Position of the document in its file, and its first line there (both kept current). */
  index: number;
  line: number;
  model: DocumentModel | undefined;
  /** Dependency keys: what this document provides to others, and what its workspace findings read (empty until worked out: WorkspaceIndex.deferReads). */
  defines: string[];
  refs: string[];
  /** Workspace findings (document-local), cleared when a document it depends on changes. */
  cached?: WsFinding[];
  /** The document's published findings (document-local, settings applied), for the findings and settings they came from. */
  result?: { own: readonly WsFinding[]; rules: unknown; findings: WsFinding[] };
  /** What the document alone says (settings applied), while its workspace findings are pending (engine/workspace.ts: quickFindings). */
  quick?: { own: readonly WsFinding[]; rules: unknown; findings: WsFinding[] };
  /** `result`'s findings in file coordinates, at the line they were placed for (engine/workspace.ts). */
  placed?: { from: readonly WsFinding[]; line: number; findings: Finding[] };
}

export interface ConnectorEntry extends DocEntry {
  model: ConnectorModel;
}
export interface GroupEntry extends DocEntry {
  model: RoutingGroupModel;
}
export interface OrganizationEntry extends DocEntry {
  model: OrganizationModel;
}

/**
 * A finding whose related information may point into other documents: the
 * target entry gives its current file line, and the path to the range in the
 * target's model its current place there (a quiet edit may have moved it).
 */
export interface WsFinding extends Finding {
  relatedIn?: (DocEntry | undefined)[];
  relatedPath?: (ModelPath | undefined)[];
}

/** Keys and indexes from a document model to one of its ranges. */
export type ModelPath = (string | number)[];

/** The path to a range (by identity) in a model, yaml nodes left out. */
export function pathTo(model: unknown, target: object): ModelPath | undefined {
  const walk = (v: unknown, path: ModelPath, depth: number): ModelPath | undefined => {
    if (v === target) return path;
    if (!v || typeof v !== 'object' || depth > 6 || isNode(v) || isPair(v)) return undefined;
    for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      const found = walk(x, [...path, k], depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(model, [], 0);
}

/** What a path leads to in a model (undefined when the model has no such place). */
export function rangeAt(model: unknown, path: ModelPath): unknown {
  let v = model as Record<string | number, unknown> | undefined;
  for (const k of path) v = v?.[k] as Record<string | number, unknown> | undefined;
  return v;
}

/** What one update changed: the files with documents whose workspace findings may differ now (new ones included). */
export interface IndexChange {
  affected: Set<string>;
}

/** Global facts many documents depend on; they invalidate only when their value flips. */
const HAS_GROUPS = keys.hasGroups;
const MANY_GROUPS = keys.manyGroups;

const add = <K, V>(map: Map<K, V[]>, key: K, v: V) => {
  const l = map.get(key);
  if (l) l.push(v);
  else map.set(key, [v]);
};
const remove = <K, V>(map: Map<K, V[]>, key: K, v: V) => {
  const l = map.get(key);
  if (!l) return;
  const i = l.indexOf(v);
  if (i !== -1) l.splice(i, 1);
  if (l.length === 0) map.delete(key);
};

/**
 * The organization across every document of every file: routing groups
 * (defined, and inferred from connectors), servers, connectors and the
 * organization. Updated one file at a time: only the documents whose text
 * changed are read again, and the reverse dependency map says which other
 * documents' workspace findings may have changed.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, DocEntry[]>();
  /** Routing-group definitions by (administrative group, name), and by name alone. */
  readonly groups = new Map<string, GroupEntry[]>();
  readonly groupsByName = new Map<string, GroupEntry[]>();
  /** Connectors by the routing group they live in. */
  readonly connectorsIn = new Map<string, ConnectorEntry[]>();
  readonly connectors = new Set<ConnectorEntry>();
  /** Connectors by routing group and name (keys.connector), in document order: duplicate names without a scan of the group. */
  readonly connectorsNamed = new Map<string, ConnectorEntry[]>();
  readonly serversByName = new Map<string, { entry: GroupEntry; server: ServerModel }[]>();
  readonly organizations: OrganizationEntry[] = [];
  /** The editor features' names (see `names`), once one of them asked or `buildNames` finished. */
  private nameIndex: NameIndex | undefined;
  /** The names while `buildNames` builds them, and the documents they still lack. */
  private namesBuilding: { index: NameIndex; waiting: Set<DocEntry> } | undefined;
  private readonly dependents = new Map<string, Set<DocEntry>>();
  /** How many entries were linked into the index (the tests count them). */
  links = 0;
  /** How many entries updates set aside to match against the new documents (the tests count them). */
  pooled = 0;
  /** Lists that entries were added to in the current update: sorted at its end. */
  private readonly unsorted = new Set<DocEntry[]>();
  /** Entries kept through an edit in place in the current update (see keepEditedInPlace). */
  private readonly edited = new Set<DocEntry>();
  /** How many documents had their workspace findings computed: tests read it to prove that updates stay local. */
  checks = 0;
  /** Counts updates: what is worked out once for the whole index (rules/workspace/routing.ts) is valid for one generation. */
  generation = 0;
  /**
   * While on (the loader sets it around each file it reads into the
   * workspace), what a new document's rules read (its `refs`) is worked out
   * later: the keys a document reads only say whom a later change re-checks,
   * so they are needed once its workspace findings are computed, before the
   * next update (`checked`), or by the server's idle steps (`linkReads`).
   * About a tenth of a load's time, out of the way of every file's first
   * report. Documents read otherwise meanwhile (an open document, a large
   * file read into the index in parts) are not deferred.
   */
  deferReads = false;
  /** Entries whose `refs` are not worked out and linked yet (see deferReads). */
  private readonly readsPending = new Set<DocEntry>();
  /** Of those, the entries with workspace findings: linked before an update looks for the readers of a key. */
  private readonly readsDue = new Set<DocEntry>();
  /** How many entries had their reads worked out after they were linked (the tests count them). */
  readsDeferred = 0;
  /** How many updates worked out the keys they changed, to find those who read them (the tests count them). */
  readerSearches = 0;

  /** `readsOf` gives what the workspace rules read for a model (rules/workspace/index.ts: workspaceReads). */
  constructor(private readonly readsOf: (model: DocumentModel) => string[] = () => []) {}

  /** What the rules read, per model: a model never changes (it is cached per document text), so neither does this. */
  private readonly reads = new WeakMap<DocumentModel, string[]>();
  private readsOfModel(model: DocumentModel): string[] {
    let r = this.reads.get(model);
    if (!r) this.reads.set(model, (r = this.readsOf(model)));
    return r;
  }

  /**
   * Works out ahead what reading a document into the index needs of it (its
   * model and what its rules read), kept with the document or its model:
   * reading a large file is then quick, and the work can be done a few
   * documents at a time beforehand.
   */
  warm(doc: ParsedDocument): void {
    const model = extract(doc);
    if (model) this.readsOfModel(model);
  }

  /**
   * Sets (or, with undefined, removes) a file's documents. With `spliced`,
   * the file's splice says which documents replaced which of the version the
   * index holds: only those are read again, the others only move. With
   * `upTo`, only the file's first `upTo` documents are read (a large file is
   * read a part at a time: Workspace.readAhead); a later update reads the rest.
   */
  update(uri: string, file: ParsedFile | undefined, spliced = false, upTo?: number): IndexChange {
    // Whoever may be affected by this change must be known: the reads of every document with workspace findings.
    this.linkReads(Infinity, false);
    this.generation++;
    const before = this.globals();
    const existed = this.files.has(uri);
    const old = this.files.get(uri) ?? [];
    const docs = upTo === undefined ? (file?.documents ?? []) : (file?.documents ?? []).slice(0, upTo);
    const cut =
      !spliced && appending(old, docs)
        ? { from: old.length, removed: 0, added: docs.length - old.length, lineDelta: 0 }
        : spliced && file && existed
          ? file.splice
          : { from: 0, removed: old.length, added: docs.length, lineDelta: 0 };
    const pool = new Map<ParsedDocument, DocEntry[]>();
    for (let i = cut.from; i < cut.from + cut.removed; i++) add(pool, old[i].doc, old[i]);
    this.pooled += cut.removed;
    const next: DocEntry[] = old.slice(0, cut.from);
    const added: DocEntry[] = [];
    // A file's documents are parsed once per text (model/parse.ts): documents of the same text swapped by one edit
    // come back as the same parses, in another order, and keep their entries.
    const kept: DocEntry[] = [];
    let reordered = false;
    let lastOld = -1;
    for (let index = cut.from; index < cut.from + cut.added; index++) {
      const fd = docs[index];
      const reused = pool.get(fd.doc)?.shift();
      if (reused) {
        // Its index is still the previous version's here.
        if (reused.index < lastOld) reordered = true;
        lastOld = reused.index;
        kept.push(reused);
        reused.index = index;
        reused.line = fd.line;
        next.push(reused);
        continue;
      }
      const e = this.entry(uri, fd.doc, index, fd.line);
      next.push(e);
      added.push(e);
    }
    // The documents after the change keep their entries and move.
    for (let i = cut.from + cut.removed; i < old.length; i++) {
      const e = old[i];
      e.index = next.length;
      e.line = docs[next.length].line;
      next.push(e);
    }
    const removed = [...pool.values()].flat();
    // Whatever a changed document provided, those who read it must look again.
    const changed = new Set<string>();
    if (reordered) {
      // Lists kept in document order (the first of a name is the one defined first) are sorted again, and who
      // reads what the swapped documents provide looks again.
      for (const e of kept) {
        this.resort(e);
        for (const k of e.defines) changed.add(k);
      }
    }
    this.keepEditedInPlace(removed, added, next, changed);
    for (const e of removed) this.unlink(e);
    for (const e of added) this.link(e);
    // Lists by name and group are in document order, as a fresh index has them: sorted once per update, not per entry
    // (5,000 connectors of one group read at once were 5,000 sorts).
    for (const list of this.unsorted) sortBy(list);
    this.unsorted.clear();
    if (file) this.files.set(uri, next);
    else this.files.delete(uri);

    // No document reads any key yet (a workspace loading with its reads deferred): no reader to find, so the keys this
    // update changed are not worked out (the file's key, a name decoded and a pattern, was most of it).
    if (this.dependents.size > 0) {
      this.readerSearches++;
      for (const e of [...removed, ...added]) for (const k of e.defines) changed.add(k);
      if (existed !== (file !== undefined)) changed.add(keys.file(baseName(uri)));
      const after = this.globals();
      if (before.has !== after.has) changed.add(HAS_GROUPS);
      if (before.many !== after.many) changed.add(MANY_GROUPS);
    }
    // Files, not entries: a part of a large file read into the index makes every connector of its groups look
    // again, and a set of those entries per part was a fifth of what reading 5,000 connectors allocated.
    const affected = new Set<string>();
    const recheck = (e: DocEntry) => {
      e.cached = undefined;
      affected.add(e.uri);
    };
    added.forEach(recheck);
    this.edited.forEach(recheck);
    this.edited.clear();
    for (const k of changed) this.dependents.get(k)?.forEach(recheck);
    return { affected };
  }

  /**
   * A document edited where it stands keeps its entry: the entry takes the
   * new text and model in place, so that the findings of other documents that
   * point into it stay valid, and it leaves `removed` and `added`. Only the
   * keys whose readers see a difference count as changed (`changedKeys`): a
   * comment, or a value no reader of a key compares (a connector's cost, for
   * the connectors that read which connectors live in its group), re-checks
   * nobody else. The entry's own workspace findings are cleared: its text changed.
   */
  private keepEditedInPlace(removed: DocEntry[], added: DocEntry[], next: DocEntry[], changed: Set<string>): void {
    for (let i = added.length - 1; i >= 0; i--) {
      const fresh = added[i];
      const j = removed.findIndex((old) => old.index === fresh.index);
      if (j === -1) continue;
      const old = removed[j];
      for (const k of changedKeys(old, this.refsOf(old), fresh, this.refsOf(fresh))) changed.add(k);
      this.unlink(old);
      // The entry takes the new document's place among those whose reads are deferred, too.
      if (this.readsPending.delete(fresh)) this.readsPending.add(old);
      Object.assign(old, {
        doc: fresh.doc,
        model: fresh.model,
        defines: fresh.defines,
        refs: fresh.refs,
        line: fresh.line,
        cached: undefined,
        result: undefined,
        quick: undefined,
        placed: undefined,
      });
      this.link(old);
      next[fresh.index] = old;
      removed.splice(j, 1);
      added.splice(i, 1);
      this.edited.add(old);
    }
  }

  entries(uri: string): readonly DocEntry[] {
    return this.files.get(uri) ?? [];
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Does the workspace define any routing group? Rules that need definitions are skipped otherwise. */
  get hasGroups(): boolean {
    return this.groups.size > 0;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  group(adminGroup: string, name: string): GroupEntry | undefined {
    return this.groups.get(groupKey(adminGroup, name))?.[0];
  }

  organization(): OrganizationEntry | undefined {
    return this.organizations[0];
  }

  /** The order of "later" between documents: by file, then position. */
  static compare(a: DocEntry, b: DocEntry): number {
    return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index;
  }

  private globals() {
    return { has: this.groups.size > 0, many: this.groups.size >= 2 };
  }

  /** What a document provides to others, as dependency keys (workspace/keys.ts); what it reads, its rules declare. */
  private entry(uri: string, doc: ParsedDocument, index: number, line: number): DocEntry {
    const model = extract(doc);
    const defines: string[] = [];
    if (model?.kind === 'RoutingGroup' && model.name && model.adminGroup) {
      defines.push(keys.group(model.adminGroup.value, model.name.value), keys.groupName(model.name.value), keys.routing);
      for (const s of model.servers) {
        if (s.name) defines.push(keys.server(s.name.value));
        for (const h of [s.fqdn, s.ip]) if (h) defines.push(keys.host(hostKey(h.value)));
      }
    } else if (isConnector(model) && model.adminGroup && model.routingGroup) {
      defines.push(keys.connectorsIn(model.adminGroup.value, model.routingGroup.value), keys.routing);
      if (model.name) defines.push(keys.connector(model.adminGroup.value, model.routingGroup.value, model.name.value));
    } else if (model?.kind === 'Organization') {
      defines.push(keys.organization);
    }
    // Every field from the start: entries of one shape keep the code that reads them fast (a field added later
    // gives entries of several shapes, and the per-document loops over them slow down).
    const e: DocEntry = {
      uri,
      doc,
      index,
      line,
      model,
      defines,
      refs: [],
      cached: undefined,
      result: undefined,
      quick: undefined,
      placed: undefined,
    };
    if (!model) return e;
    if (this.deferReads) this.readsPending.add(e);
    else e.refs = this.readsOfModel(model);
    return e;
  }

  /** What an entry's rules read, worked out now for an entry whose reads are deferred. */
  private refsOf(e: DocEntry): string[] {
    return this.readsPending.has(e) && e.model ? this.readsOfModel(e.model) : e.refs;
  }

  /** A document's workspace findings were computed: the readers of what they read must be known before the next update. */
  checked(e: DocEntry): void {
    if (this.readsPending.has(e)) this.readsDue.add(e);
  }

  /**
   * Works out and links the reads of up to `count` entries whose reads were
   * deferred (all of them with `all`, else only those with workspace
   * findings, which every update does first), so that a change finds every
   * document it affects. The server does it while idle after a load. True
   * once none is left.
   */
  linkReads(count: number, all = true): boolean {
    const from = all ? this.readsPending : this.readsDue;
    for (const e of from) {
      if (count-- <= 0) return false;
      this.readsPending.delete(e);
      this.readsDue.delete(e);
      this.readsDeferred++;
      e.refs = this.readsOfModel(e.model!);
      this.linkDependents(e);
    }
    return this.readsPending.size === 0;
  }

  /**
   * The editor features' names: every group, server, connector and place a
   * name is written. Built from every document the first time a feature
   * asks, then kept up to date document by document: no rule reads it, so
   * loading a workspace (or opening a large file) checks and publishes
   * without building it (the server builds it once idle, with `buildNames`).
   */
  get names(): NameIndex {
    this.buildNames(Infinity);
    return this.nameIndex!;
  }

  /**
   * Builds the names `count` documents at a time, so that the server can do
   * it while idle without keeping a request waiting (at 5,000 connectors the
   * whole index takes about 0.2 s, which the first hover or completion that
   * reads a name paid); documents linked or unlinked between two steps are
   * added or taken out as they would be from a built index. True once built.
   */
  buildNames(count: number): boolean {
    if (this.nameIndex) return true;
    if (!this.namesBuilding) {
      const waiting = new Set<DocEntry>();
      for (const entries of this.files.values()) for (const e of entries) waiting.add(e);
      this.namesBuilding = { index: new NameIndex(), waiting };
    }
    const { index, waiting } = this.namesBuilding;
    let added = 0;
    for (const e of waiting) {
      if (added++ === count) break;
      waiting.delete(e);
      index.add(e);
    }
    if (waiting.size > 0) return false;
    this.nameIndex = index;
    this.namesBuilding = undefined;
    return true;
  }

  private link(e: DocEntry): void {
    this.links++;
    if (this.nameIndex) this.nameIndex.add(e);
    else this.namesBuilding?.waiting.add(e);
    if (!this.readsPending.has(e)) this.linkDependents(e);
    const m = e.model;
    if (m?.kind === 'RoutingGroup' && m.name && m.adminGroup) {
      const g = e as GroupEntry;
      add(this.groups, groupKey(m.adminGroup.value, m.name.value), g);
      add(this.groupsByName, nameKey(m.name.value), g);
      this.unsorted.add(this.groupsByName.get(nameKey(m.name.value))!);
      for (const server of m.servers) if (server.name) add(this.serversByName, nameKey(server.name.value), { entry: g, server });
      this.unsorted.add(this.groups.get(groupKey(m.adminGroup.value, m.name.value))!);
    } else if (isConnector(m)) {
      const c = e as ConnectorEntry;
      this.connectors.add(c);
      if (m.adminGroup && m.routingGroup) {
        // In document order, as a fresh index has them, whatever order the documents were read or edited in.
        const k = groupKey(m.adminGroup.value, m.routingGroup.value);
        add(this.connectorsIn, k, c);
        this.unsorted.add(this.connectorsIn.get(k)!);
        if (m.name) {
          const named = keys.connector(m.adminGroup.value, m.routingGroup.value, m.name.value);
          add(this.connectorsNamed, named, c);
          this.unsorted.add(this.connectorsNamed.get(named)!);
        }
      }
    } else if (m?.kind === 'Organization') {
      this.organizations.push(e as OrganizationEntry);
      this.unsorted.add(this.organizations);
    }
  }

  /** The entry as a reader of the keys its rules read. */
  private linkDependents(e: DocEntry): void {
    for (const k of e.refs) {
      let s = this.dependents.get(k);
      if (!s) this.dependents.set(k, (s = new Set()));
      s.add(e);
    }
  }

  /** The lists an entry is in, to be sorted again at the end of the update: its place among the others changed. */
  private resort(e: DocEntry): void {
    const m = e.model;
    const mark = (l: DocEntry[] | undefined) => l && this.unsorted.add(l);
    if (m?.kind === 'RoutingGroup' && m.name && m.adminGroup) {
      mark(this.groupsByName.get(nameKey(m.name.value)));
      mark(this.groups.get(groupKey(m.adminGroup.value, m.name.value)));
    } else if (isConnector(m) && m.adminGroup && m.routingGroup) {
      mark(this.connectorsIn.get(groupKey(m.adminGroup.value, m.routingGroup.value)));
      if (m.name) mark(this.connectorsNamed.get(keys.connector(m.adminGroup.value, m.routingGroup.value, m.name.value)));
    } else if (m?.kind === 'Organization') mark(this.organizations);
  }

  private unlink(e: DocEntry): void {
    if (this.nameIndex) this.nameIndex.remove(e);
    else if (this.namesBuilding && !this.namesBuilding.waiting.delete(e)) this.namesBuilding.index.remove(e);
    // An entry whose reads were never linked is no reader yet.
    const linked = !this.readsPending.delete(e);
    this.readsDue.delete(e);
    if (linked)
      for (const k of e.refs) {
        const s = this.dependents.get(k);
        s?.delete(e);
        if (s?.size === 0) this.dependents.delete(k);
      }
    const m = e.model;
    if (m?.kind === 'RoutingGroup' && m.name && m.adminGroup) {
      remove(this.groups, groupKey(m.adminGroup.value, m.name.value), e as GroupEntry);
      remove(this.groupsByName, nameKey(m.name.value), e as GroupEntry);
      for (const server of m.servers) {
        if (!server.name) continue;
        const l = this.serversByName.get(nameKey(server.name.value));
        if (!l) continue;
        const i = l.findIndex((x) => x.server === server && x.entry === e);
        if (i !== -1) l.splice(i, 1);
        if (l.length === 0) this.serversByName.delete(nameKey(server.name.value));
      }
    } else if (isConnector(m)) {
      this.connectors.delete(e as ConnectorEntry);
      if (m.adminGroup && m.routingGroup) {
        remove(this.connectorsIn, groupKey(m.adminGroup.value, m.routingGroup.value), e as ConnectorEntry);
        if (m.name)
          remove(this.connectorsNamed, keys.connector(m.adminGroup.value, m.routingGroup.value, m.name.value), e as ConnectorEntry);
      }
    } else if (m?.kind === 'Organization') {
      const i = this.organizations.indexOf(e as OrganizationEntry);
      if (i !== -1) this.organizations.splice(i, 1);
    }
  }
}

/**
 * What the readers of a key read of the document that provides it: the same
 * values (model/values.ts: yaml nodes and ranges left out, so related
 * information into it is placed when published, by its path in the model)
 * for two versions of a document when no reader of the key can tell them
 * apart, wherever their lines are. Readers of "the connectors living in a
 * group" (reciprocal connectors, bridgehead suggestions) read only which
 * groups a connector connects to (not at what cost) and its bridgehead
 * servers; readers of a connector's name or a file's existence only that the
 * key is there; every other key's readers may read anything of the document:
 * its model and its dependency keys.
 */
function projection(key: string, e: DocEntry, refs: string[]): unknown {
  // The prefixes of keys.connectorsIn, keys.connector and keys.file (workspace/keys.ts).
  if (key.startsWith('in:')) {
    const m = e.model as ConnectorModel;
    const links = m.connected.map((l) => [l.routingGroup?.value, l.adminGroupName, l.exchange55Site]);
    return [m.kind, links, m.bridgeheads.map((b) => b.server?.value)];
  }
  if (key.startsWith('conn:') || key.startsWith('file:')) return undefined;
  return [e.defines, refs, e.model];
}

/** The keys whose readers can tell two versions of one document apart. */
function changedKeys(old: DocEntry, oldRefs: string[], fresh: DocEntry, freshRefs: string[]): string[] {
  const out: string[] = [];
  const before = new Set(old.defines);
  const after = new Set(fresh.defines);
  for (const k of before) if (!after.has(k)) out.push(k);
  for (const k of after) if (!before.has(k) || !sameValues(projection(k, old, oldRefs), projection(k, fresh, freshRefs))) out.push(k);
  return out;
}

function sortBy(list: DocEntry[]): void {
  list.sort(WorkspaceIndex.compare);
}

/**
 * The file's entries are its first documents as they stand (a large file
 * read a part at a time, Workspace.readAhead): the update only adds entries
 * after them. Pooling every entry of the file again for each part allocated
 * a third of what reading 5,000 connectors into the index allocates.
 */
function appending(old: readonly DocEntry[], docs: readonly { doc: ParsedDocument; line: number }[]): boolean {
  if (old.length === 0 || old.length > docs.length) return false;
  for (let k = 0; k < old.length; k++) if (old[k].doc !== docs[k].doc || old[k].line !== docs[k].line) return false;
  return true;
}
