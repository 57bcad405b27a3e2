/** Text helpers without VS Code, shared by the commands and unit-tested on their own. */

/** `Paris` → `paris`, `New York` → `new-york`: the file-name form of a routing-group name. */
export function fileNamePart(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[\\/:*?"<>|]/g, '');
}

export { yamlScalar } from '../../shared/yamlText';
