// placeholder entry, replaced by the CLI
export {};
