/**
 * The custom requests and notifications between the extension and the server:
 * typed once here, imported by both sides (client/tsconfig.json and
 * server/tsconfig.json each take in shared/ and nothing of the other side).
 * vscode-languageserver-protocol is the LSP types and message classes that
 * vscode-languageclient and vscode-languageserver are both built on.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Location } from 'vscode-languageserver-types';
import type { RouteQuery, RouteResult } from './route';

export type { PassDetail, PassedOver, PassReason, Route, RouteExit, RouteHop, RouteQuery, RouteResult } from './route';
export { REASON_TEXT, describePass, describeReason } from './route';

/** Request: the organization's routing topology, for the tree view. */
export const TopologyRequest = new RequestType0<Topology, void>('exconn/topology');
/** Notification (server → client): the topology changed; ask again. */
export const TopologyChangedNotification = new NotificationType0('exconn/topologyChanged');
/** Request: simulate a route (the "Trace a Route" command). An unknown routing group is an InvalidParams error naming it. */
export const RouteRequest = new RequestType<RouteQuery, RouteResult, void>('exconn/route');
/**
 * Notification (client → server): open documents that left every editor tab
 * (`hidden`) or came back into one (`shown`). VS Code's client drops the pulled
 * problems of an open document without a tab, so the server pushes those, as it
 * does for closed files, until the document is shown again.
 */
export const DocumentVisibilityNotification = new NotificationType<DocumentVisibility>('exconn/documentVisibility');

export interface DocumentVisibility {
  hidden: string[];
  shown: string[];
}

/** Request: the topology drawn as SVG, a route on it when asked (the Routing Topology view). */
export const DiagramRequest = new RequestType<DiagramParams, DiagramView, void>('exconn/diagram');
/**
 * Request: why a route destination typed in Trace a Route is not an e-mail
 * address or a domain (null when it is one), answered by the code that checks
 * `exconn route --to`.
 */
export const RouteTargetProblemRequest = new RequestType<string, string | null, void>('exconn/routeTargetProblem');
/** Request: the status for the language status item. */
export const ServerStatusRequest = new RequestType0<ServerStatus, void>('exconn/status');
/** Request: convert an ldifde export ("Import from an LDIF Export…"); the client writes the files it gets back. */
export const ImportLdifRequest = new RequestType<ImportLdifParams, ImportLdifResult, void>('exconn/importLdif');

export interface ImportLdifParams {
  /** The export file's bytes, in base64. */
  exportBase64: string;
  /** Minutes east of UTC at which schedules are written. */
  offsetMinutes: number;
}

export interface ImportLdifResult {
  /** False when the export holds no Exchange organization (files is then empty). */
  found: boolean;
  /** Paths relative to the target folder, with `/`; each part a file-name slug. */
  files: { path: string; text: string }[];
  /** The import report, one line each, as `exconn import` prints it. */
  report: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export type LinkStatus = 'complete' | 'oneSided' | 'errors';

/** One problem of a document, for tooltips (the first three, errors first). */
export interface ProblemSummary {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface AddressSpaceNode {
  type: string;
  address: string;
  /** The cost routing uses (1 when the written one is invalid). */
  cost: number;
  /** The cost as written when it is invalid (not a whole number from 1 to 100). */
  invalidCost?: string;
}

export interface ConnectedGroupNode {
  /** A routing group of the workspace, or an Exchange 5.5 site. */
  routingGroup?: string;
  administrativeGroup?: string;
  exchange55Site?: string;
  cost: number;
  /** The cost as written when it is invalid (not a whole number from 1 to 100). */
  invalidCost?: string;
}

export interface ConnectorNode {
  name: string;
  /** An SMTP connector or a Routing Group Connector. */
  kind: 'SmtpConnector' | 'RoutingGroupConnector';
  location: Location;
  connected: ConnectedGroupNode[];
  /** complete: every connected routing group connects back; oneSided: one does not; errors: the connector has errors. */
  status: LinkStatus;
  problems: ProblemCounts;
  /** The first three errors and warnings of its document. */
  firstProblems: ProblemSummary[];
  addressSpaces: AddressSpaceNode[];
  scope: 'organization' | 'routingGroup';
  /** Content and delivery restrictions in plain lines ("No restrictions" when none). */
  restrictions: string[];
  /** When it runs, in words. */
  schedule: string;
}

export interface ServerNode {
  name: string;
  fqdn?: string;
  version?: string;
  virtualServers: string[];
  location: Location;
}

export interface RoutingGroupNode {
  name: string;
  administrativeGroup: string;
  /** Named by connectors but defined by no document. */
  inferred: boolean;
  location?: Location;
  servers: ServerNode[];
  connectors: ConnectorNode[];
  problems: ProblemCounts;
  /** The first three errors and warnings of its document (not of its connectors'). */
  firstProblems: ProblemSummary[];
}

export interface AdministrativeGroupNode {
  name: string;
  routingGroups: RoutingGroupNode[];
}

export interface Topology {
  organization?: { name: string; location: Location };
  administrativeGroups: AdministrativeGroupNode[];
}

export interface ServerStatus {
  files: number;
  problems: ProblemCounts;
}

/** One line of a traced route's text in the diagram's side panel. */
export interface RoutePanelHop {
  text: string;
  /** The arrow drawn for the hop (a key of DiagramView.targets when it opens a connector). */
  edge?: string;
}

/** A traced route's text for the side panel: hops as links to their arrows. */
export interface RoutePanel {
  heading: string;
  routes: { title: string; hops: RoutePanelHop[] }[];
  passedOver: RoutePanelHop[];
  notes: string[];
}

export interface DiagramParams {
  /** A route to draw on the diagram. */
  route?: RouteQuery;
}

export interface DiagramView {
  /** The picture; its clickable elements carry `data-id`. */
  svg: string;
  /** Each clickable element's definition, by `data-id`. */
  targets: Record<string, Location>;
  /** The route's text for the side panel, when a route was asked for and traced. */
  route?: RoutePanel;
  /** Why the route could not be traced (an unknown routing group). */
  routeError?: string;
}
