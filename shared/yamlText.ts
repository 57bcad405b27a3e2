/** YAML text for names from the files, shared by the extension's templates and the server's snippets and fixes. */

/** A YAML scalar for a name: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z_][^\x00-\x1f\x7f:#'"{}\[\],&*!|>%@`]*$/.test(value) && value === value.trim() && !/^(true|false|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
