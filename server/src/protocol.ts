/**
 * The custom requests and notifications between the extension and the server,
 * typed once here and imported by both sides.
 */
import type { Location } from 'vscode-languageserver-types';
import type { RouteQuery, RouteResult } from './route/types';

export type { RouteQuery, RouteResult };

/** Request: the organization's routing topology, for the tree view. */
export const TopologyRequestMethod = 'exconn/topology';
/** Notification (server → client): the topology changed; ask again. */
export const TopologyChangedMethod = 'exconn/topologyChanged';
/** Request: simulate a route (the "Trace a route" command). */
export const RouteRequestMethod = 'exconn/route';
/** Request: the status for the language status item. */
export const ServerStatusRequestMethod = 'exconn/status';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export type LinkStatus = 'complete' | 'oneSided' | 'errors';

export interface ConnectedGroupNode {
  /** A routing group of the workspace, or an Exchange 5.5 site. */
  routingGroup?: string;
  administrativeGroup?: string;
  exchange55Site?: string;
  cost: number;
}

export interface ConnectorNode {
  name: string;
  location: Location;
  connected: ConnectedGroupNode[];
  /** complete: every connected routing group connects back; oneSided: one does not; errors: the connector has errors. */
  status: LinkStatus;
  problems: ProblemCounts;
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
