import type { Connection } from 'vscode-languageserver/node';
import type { RuleSettings } from '../engine/types';
import type { CheckOptions } from '../engine/workspace';

/** The settings under `exchangeConnectors.*` that the server reads, for one resource. */
export interface ResourceSettings {
  /** Severity per rule code, or `off`. */
  rules: RuleSettings;
}

const SEVERITIES = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** Reads a raw `exchangeConnectors` section, keeping only what makes sense. */
export function normalize(raw: unknown): ResourceSettings {
  const rules: RuleSettings = {};
  const r = (raw as { rules?: unknown } | null | undefined)?.rules;
  if (r && typeof r === 'object') {
    for (const [code, sev] of Object.entries(r as Record<string, unknown>)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[code] = sev as RuleSettings[string];
    }
  }
  return { rules };
}

/**
 * Settings per workspace folder (what `.vscode/settings.json` scopes them
 * to), through workspace/configuration when the client supports it, else
 * from the last didChangeConfiguration. Each folder's are asked for once,
 * every folder in one request (and a file outside every folder on its own),
 * and asked for again when the configuration changes.
 */
export class Settings {
  /** Settings per scope: a folder's URI, or a file's when no folder holds it. */
  private readonly cache = new Map<string, ResourceSettings>();
  private readonly pending = new Map<string, Promise<ResourceSettings>>();
  private batch: { scope: string; resolve: (s: ResourceSettings) => void }[] = [];
  private global: ResourceSettings = normalize(undefined);
  private epoch = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
    private readonly log: (m: string) => void,
    /** The workspace folders' URIs, current. */
    private readonly folders: () => readonly string[] = () => [],
  ) {}

  /** The settings last read for a resource (the global ones until then), for synchronous features. */
  now(uri: string): CheckOptions {
    return this.cache.get(this.scopeOf(uri)) ?? this.global;
  }

  get(uri: string): Promise<ResourceSettings> {
    return this.forScope(this.scopeOf(uri));
  }

  /** Asks for every folder's settings now, in one request, so that the first checks find them read. */
  prefetch(): void {
    for (const f of this.folders()) void this.forScope(f);
  }

  /** The innermost workspace folder holding a file, else the file itself. */
  scopeOf(uri: string): string {
    let best: string | undefined;
    for (const f of this.folders()) {
      const dir = f.endsWith('/') ? f : `${f}/`;
      if ((uri === f || uri.startsWith(dir)) && (!best || f.length > best.length)) best = f;
    }
    return best ?? uri;
  }

  private forScope(scope: string): Promise<ResourceSettings> {
    const hit = this.cache.get(scope);
    if (hit) return Promise.resolve(hit);
    if (!this.pull) return Promise.resolve(this.global);
    let p = this.pending.get(scope);
    if (!p) {
      p = new Promise<ResourceSettings>((resolve) => {
        this.batch.push({ scope, resolve });
        if (this.batch.length === 1) queueMicrotask(() => void this.flush());
      });
      this.pending.set(scope, p);
    }
    return p;
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const epoch = this.epoch;
    let values: unknown[] = [];
    try {
      values = await this.connection.workspace.getConfiguration(batch.map((b) => ({ scopeUri: b.scope, section: 'exchangeConnectors' })));
    } catch (e) {
      this.log(`Reading the settings failed: ${String(e)}`);
    }
    batch.forEach((b, i) => {
      const s = normalize(values?.[i]);
      if (epoch === this.epoch) {
        this.cache.set(b.scope, s);
        this.pending.delete(b.scope);
      }
      b.resolve(s);
    });
  }

  /** The configuration changed: forget what was read and ask every folder again (one request). */
  changed(settings: unknown): void {
    this.epoch++;
    this.cache.clear();
    this.pending.clear();
    const section = (settings as { exchangeConnectors?: unknown } | null | undefined)?.exchangeConnectors;
    this.global = normalize(section);
    this.prefetch();
  }
}
