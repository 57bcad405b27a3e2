/** Reading attribute values off a directory object, remembering which attributes were read. */
import type { DirObject } from './directory';
import { values, type LdifValue } from './ldif';

/** Attributes every object carries that are directory bookkeeping, not settings: never listed as unmapped. */
export const BOOKKEEPING = new Set([
  'objectclass',
  'cn',
  'name',
  'distinguishedname',
  'instancetype',
  'whencreated',
  'whenchanged',
  'usncreated',
  'usnchanged',
  'showinadvancedviewonly',
  'objectguid',
  'objectcategory',
  'ntsecuritydescriptor',
  'systemflags',
  'dscorepropagationdata',
  'legacyexchangedn',
  'replpropertymetadata',
  'iscriticalsystemobject',
  'admindisplayname',
  'msexchversion',
  'msexchalobjectversion',
]);

export class Reader {
  /** Lower-case names of the attributes read, by object. */
  readonly read = new Map<DirObject, Set<string>>();

  all(obj: DirObject, name: string): LdifValue[] {
    this.mark(obj, name);
    return values(obj.record, name);
  }

  text(obj: DirObject, name: string): string | undefined {
    return this.all(obj, name)[0]?.text;
  }

  texts(obj: DirObject, name: string): string[] {
    return this.all(obj, name).map((v) => v.text);
  }

  /** An integer value; undefined when absent or not an integer. */
  int(obj: DirObject, name: string): number | undefined {
    const t = this.text(obj, name)?.trim();
    return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
  }

  /** TRUE / FALSE as LDAP writes booleans. */
  bool(obj: DirObject, name: string): boolean | undefined {
    const t = this.text(obj, name)?.trim().toUpperCase();
    return t === 'TRUE' ? true : t === 'FALSE' ? false : undefined;
  }

  bytes(obj: DirObject, name: string): Uint8Array | undefined {
    return this.all(obj, name)[0]?.bytes;
  }

  has(obj: DirObject, name: string): boolean {
    return values(obj.record, name).length > 0;
  }

  mark(obj: DirObject, name: string): void {
    let set = this.read.get(obj);
    if (!set) this.read.set(obj, (set = new Set()));
    set.add(name.toLowerCase());
  }

  /** Attributes of the object that nothing read and that are not bookkeeping. */
  unread(obj: DirObject): string[] {
    const read = this.read.get(obj) ?? new Set<string>();
    return [...obj.record.attributes.entries()].filter(([k]) => !read.has(k) && !BOOKKEEPING.has(k)).map(([, a]) => a.name);
  }
}
