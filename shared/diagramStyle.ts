/**
 * The diagram's look: VS Code's theme colours where the SVG is shown in the
 * editor (its CSS variables), the fallbacks (VS Code's light theme) where it
 * stands alone. One style sheet for both, so they never drift.
 */
export const DIAGRAM_CSS = `
.topology { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 12px; }
.topology text { fill: var(--vscode-editor-foreground, #1f2328); }
.topology .detail { fill: var(--vscode-descriptionForeground, #59636e); font-size: 10px; }
.topology .cluster rect { fill: none; stroke: var(--vscode-panel-border, #c8c8c8); stroke-width: 1; }
.topology .cluster text { fill: var(--vscode-descriptionForeground, #59636e); font-weight: 600; }
.topology .node rect { fill: var(--vscode-editorWidget-background, #f3f3f3); stroke: var(--vscode-editor-foreground, #1f2328); stroke-width: 1.2; }
.topology .node.inferred rect { stroke-dasharray: 5 3; }
.topology .node.errors rect { stroke: var(--vscode-editorError-foreground, #e51400); }
.topology .node.site rect { stroke: var(--vscode-charts-purple, #652d90); stroke-width: 2; }
.topology .node.exit rect { fill: none; stroke: var(--vscode-charts-green, #388a34); }
.topology .node.dns rect { stroke: var(--vscode-charts-blue, #1a85ff); stroke-dasharray: 2 2; }
.topology .edge path { fill: none; stroke: var(--vscode-editor-foreground, #1f2328); stroke-width: 1.3; opacity: 0.8; }
.topology .edge .hit { stroke: transparent; stroke-width: 12; opacity: 1; }
.topology .edge .label-bg { fill: var(--vscode-editor-background, #ffffff); opacity: 0.85; }
.topology .edge.one-sided path:not(.hit) { stroke: var(--vscode-editorWarning-foreground, #bf8803); }
.topology .edge.errors path:not(.hit), .topology .edge.invalid-cost path:not(.hit) { stroke: var(--vscode-editorError-foreground, #e51400); }
.topology .edge.off-route, .topology .node.off-route { opacity: 0.45; }
.topology .edge.passed path:not(.hit) { stroke: var(--vscode-disabledForeground, #8b949e); stroke-dasharray: 4 3; }
.topology .edge.passed text { fill: var(--vscode-disabledForeground, #8b949e); }
.topology .edge.on-route path:not(.hit) { stroke: var(--vscode-charts-blue, #1a85ff); stroke-width: 3; opacity: 1; }
.topology .edge.on-route text { font-weight: 600; }
.topology .node.on-route rect { stroke: var(--vscode-charts-blue, #1a85ff); stroke-width: 2.5; }
.topology .node.route-start rect, .topology .node.route-end rect { stroke-width: 3.5; }
.topology .edge.loop path:not(.hit), .topology .node.loop rect { stroke: var(--vscode-editorError-foreground, #e51400); stroke-width: 3; }
.topology .arrow { fill: var(--vscode-editor-foreground, #1f2328); }
.topology .arrow.one-sided { fill: var(--vscode-editorWarning-foreground, #bf8803); }
.topology .arrow.errors, .topology .arrow.loop { fill: var(--vscode-editorError-foreground, #e51400); }
.topology .arrow.on-route { fill: var(--vscode-charts-blue, #1a85ff); }
.topology .arrow.passed { fill: var(--vscode-disabledForeground, #8b949e); }
.topology [data-id] { cursor: pointer; }
`;
