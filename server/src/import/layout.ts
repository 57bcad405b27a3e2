/**
 * Where each imported document goes, as examples/ lays them out:
 * `<organization>.organization.yaml`, then per administrative group and
 * routing group a folder with `<group>.routinggroup.yaml` and one
 * `<connector>.connector.yaml` per connector. Names from the export are data:
 * each becomes a file-name slug (letters, digits, hyphens), never a path.
 */

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** A file-name part from a name: lower case, accents dropped, anything else a hyphen. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (s === '') return 'unnamed';
  return RESERVED.test(s) ? `${s}-1` : s;
}

/** Hands out paths, adding -2, -3… where two names give one file name (compared case-insensitively). */
export class PathAllocator {
  private readonly taken = new Set<string>();

  allocate(folders: readonly string[], base: string, suffix: string): string {
    const dir = folders.map(slug).join('/');
    const stem = slug(base);
    for (let n = 1; ; n++) {
      const p = `${dir ? dir + '/' : ''}${n === 1 ? stem : `${stem}-${n}`}${suffix}`;
      if (!this.taken.has(p.toLowerCase())) {
        this.taken.add(p.toLowerCase());
        return p;
      }
    }
  }
}
