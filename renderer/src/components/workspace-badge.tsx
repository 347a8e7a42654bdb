import { useAppStore } from '../stores/app-store';

/** Demo data must never be mistaken for real orders, so the demo marker is loud and always on screen. */
export function WorkspaceBadge() {
  const workspace = useAppStore((s) => s.workspace);
  if (!workspace) return null;
  if (workspace.kind === 'demo') {
    return <span className="workspace-badge workspace-demo" data-testid="workspace-badge">DEMO WORKSPACE</span>;
  }
  if (workspace.kind === 'empty') {
    return <span className="workspace-badge workspace-empty" data-testid="workspace-badge">Empty workspace</span>;
  }
  return <span className="workspace-badge workspace-live" data-testid="workspace-badge">Live workspace</span>;
}
