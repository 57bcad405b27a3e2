import type { Range } from 'vscode-languageserver-types';
import { ALL_CODES, CODES, type Severity } from '../rules/codes';
import type { CheckReport } from './report';
import { TOOL_NAME } from './version';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Paths in results are relative to the folder the checker ran in. */
const BASE_ID = 'SRCROOT';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning services: one run, one rule per code, one result per diagnostic. */
export function formatSarif(report: CheckReport, cwdUri: string, version: string): string {
  const ruleIndex = new Map<string, number>(ALL_CODES.map((c, i) => [c, i]));
  const rules = ALL_CODES.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: CODES[code].summary },
    fullDescription: { text: CODES[code].summary },
    help: { text: `${CODES[code].summary} See docs/rules.md#${code}.` },
    defaultConfiguration: { level: LEVEL[CODES[code].severity] },
  }));
  const location = (path: string, range: Range) => ({
    physicalLocation: {
      artifactLocation: { uri: encodePath(path), uriBaseId: BASE_ID },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  });
  const results = report.files.flatMap((file) =>
    file.findings.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code) ?? -1,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [location(file.path, d.range)],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((r, i) => ({
              id: i + 1,
              message: { text: r.message },
              ...location(r.uri ? report.pathOf(r.uri) : file.path, r.range),
            })),
          }
        : {}),
    })),
  );
  // With --fix, each fix applied is a note of the run: the results are what is left.
  const invocations = report.fixed
    ? [
        {
          executionSuccessful: true,
          toolExecutionNotifications: report.fixed.map((f) => ({
            level: 'note',
            message: { text: `Fixed: ${f.title}` },
            locations: [location(f.path, { start: f, end: f })],
            associatedRule: { id: f.code, index: ruleIndex.get(f.code) ?? -1 },
          })),
        },
      ]
    : undefined;
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version, semanticVersion: version, rules } },
        originalUriBaseIds: { [BASE_ID]: { uri: cwdUri.endsWith('/') ? cwdUri : cwdUri + '/' } },
        columnKind: 'utf16CodeUnits',
        ...(invocations ? { invocations } : {}),
        artifacts: report.files.map((f) => ({ location: { uri: encodePath(f.path), uriBaseId: BASE_ID } })),
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
