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
 * Settings per resource, through workspace/configuration when the client
 * supports it (requests for several files are batched into one), else from
 * the last didChangeConfiguration. Cleared when the configuration changes.
 */
export class Settings {
  private readonly cache = new Map<string, ResourceSettings>();
  private readonly pending = new Map<string, Promise<ResourceSettings>>();
  private batch: { uri: string; resolve: (s: ResourceSettings) => void }[] = [];
  private global: ResourceSettings = normalize(undefined);
  private epoch = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
    private readonly log: (m: string) => void,
  ) {}

  /** The settings last read for a resource (the global ones until then), for synchronous features. */
  now(uri: string): CheckOptions {
    return this.cache.get(uri) ?? this.global;
  }

  get(uri: string): Promise<ResourceSettings> {
    const hit = this.cache.get(uri);
    if (hit) return Promise.resolve(hit);
    if (!this.pull) return Promise.resolve(this.global);
    let p = this.pending.get(uri);
    if (!p) {
      p = new Promise<ResourceSettings>((resolve) => {
        this.batch.push({ uri, resolve });
        if (this.batch.length === 1) queueMicrotask(() => void this.flush());
      });
      this.pending.set(uri, p);
    }
    return p;
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    const epoch = this.epoch;
    let values: unknown[] = [];
    try {
      values = await this.connection.workspace.getConfiguration(batch.map((b) => ({ scopeUri: b.uri, section: 'exchangeConnectors' })));
    } catch (e) {
      this.log(`Reading the settings failed: ${String(e)}`);
    }
    batch.forEach((b, i) => {
      const s = normalize(values?.[i]);
      if (epoch === this.epoch) this.cache.set(b.uri, s);
      this.pending.delete(b.uri);
      b.resolve(s);
    });
  }

  /** The configuration changed: forget what was read. */
  changed(settings: unknown): void {
    this.epoch++;
    this.cache.clear();
    this.pending.clear();
    const section = (settings as { exchangeConnectors?: unknown } | null | undefined)?.exchangeConnectors;
    this.global = normalize(section);
  }
}
