/** What an import produces: documents to write and the report, before anything touches a disk. */
import type { YamlMap } from './yamlWriter';

export type ImportedKind = 'Organization' | 'RoutingGroup' | 'SmtpConnector' | 'RoutingGroupConnector';

export interface ImportedDocument {
  kind: ImportedKind;
  name: string;
  administrativeGroup?: string;
  routingGroup?: string;
  /** The object's objectGUID, recorded in the file for drift. */
  guid?: string;
  dn: string;
  /** The document as the format writes it, keys in order. */
  body: YamlMap;
  /** Keys of the format that the export cannot fill for this object (named in the file's header). */
  notInExport: string[];
  /** Other header lines (without `# `). */
  notes: string[];
}

export type ReportLevel = 'warning' | 'note';

export interface ReportLine {
  level: ReportLevel;
  /** The object concerned, as `SmtpConnector "Boston to Paris"`, when there is one. */
  object?: string;
  text: string;
}

export interface ConversionContext {
  /** Minutes east of UTC for schedules. */
  offsetMinutes: number;
  report: ReportLine[];
  /** Attributes each conversion read, by lower-case objectClass type, to list the others. */
  read: Set<string>;
}

export const describe = (kind: string, name: string) => `${kind} "${name}"`;
