/** Text helpers without VS Code, shared by the commands and unit-tested on their own. */

/** `Paris` → `paris`, `New York` → `new-york`: the file-name form of a routing-group name. */
export function fileNamePart(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[\\/:*?"<>|]/g, '');
}

/** A YAML scalar for a name: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_][^:#'"{}\[\],&*!|>%@`]*$/.test(value) && value === value.trim() && !/^(true|false|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
