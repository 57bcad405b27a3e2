export const USAGE = `Usage: exconn <command> [options]

Commands:
  check [PATH...]   check connector, routing-group and organization files
  route --from RG (--to ADDRESS | --to-group RG) [PATH...]
                    which connectors carry a message, hop by hop
  import EXPORT.ldf --out DIR [--timezone +HH:MM]
                    write the organization from an ldifde export
  drift EXPORT.ldf [DIR]
                    compare the files with a fresh ldifde export
  graph [PATH...] [--format dot|mermaid|svg] [--route-from RG --to ADDRESS]
                    the routing topology as a picture, a route highlighted

Options:
  -h, --help        show help (exconn <command> --help for a command's)
  -v, --version     show the version
`;

export const CHECK_USAGE = `Usage: exconn check [PATH...] [--format text|json|sarif] [--fix [--dry-run]] [--root DIR]

Checks the files and folders given (default: the current folder) with every
rule. In folders it reads *.connector.yaml, *.routinggroup.yaml and
*.organization.yaml (.yml too), skipping node_modules and folders whose names
start with a dot. A file named on the command line is checked whatever its
name; a quoted glob such as 'configs/**/*.connector.yaml' is expanded.

The workspace rules judge the files among all of their organization's files,
and only the files given are reported (and fixed). The organization's folder
is the nearest one upward holding an *.organization.yaml, else the folder
given (for the files in it), else the git root, else the current folder.
Rule severities come from exchangeConnectors.rules in .vscode/settings.json
of the current folder.

Options:
  --root DIR        the organization's folder, instead of finding it
  --format FORMAT   text (default), json or sarif (SARIF 2.1.0)
  --fix             apply every preferred quick fix; print one line per fix
                    (path:line:column: fixed CODE TITLE), then what is left
  --dry-run         with --fix: print the fixes as a unified diff (for git
                    apply or patch -p1) and write nothing
  -h, --help        show this help

Exit status: 0 when no error remains, 1 when one does (with --dry-run: in the
files as they are, as without --fix), 2 for a usage error, a path that cannot
be read, no connector files found or a fixed file that cannot be written.
`;
