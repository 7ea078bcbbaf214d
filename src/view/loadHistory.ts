// Per-node load history as sparklines on one shared scale, so nodes can be compared at a glance.
import type { ClusterSnapshot } from '../model/snapshot.js';
import { fit, sparkline } from './format.js';
import type { PaneSize, PaneVm } from './tableVm.js';

export function toLoadHistoryVm(snapshot: ClusterSnapshot | null, size: PaneSize,
  history: (nodeId: number) => readonly (number | null)[]): PaneVm {
  if (snapshot === null) return { title: 'Load history', focused: false, header: null, lines: [] };
  const series = snapshot.nodes.map((n) => history(n.id));
  const max = Math.max(100, ...series.flat().map((v) => v ?? 0));
  const labelWidth = 5;
  const valueWidth = 5;
  const sparkWidth = Math.max(1, size.cols - labelWidth - valueWidth - 2);
  const lines = snapshot.nodes.slice(0, size.rows).map((node, i) => {
    const values = series[i] ?? [];
    const last = values.length > 0 ? values[values.length - 1] : null;
    const label = fit(`${node.isLocal ? '*' : ''}N${node.id}`, labelWidth);
    const value = fit(last === null || last === undefined ? '-' : String(Math.round(last)), valueWidth, 'right');
    return {
      text: `${label} ${sparkline(values, max, sparkWidth)} ${value}`,
      tone: node.up ? (node.stale ? 'stale' as const : 'normal' as const) : 'down' as const,
      selected: false,
    };
  });
  return { title: `Load history (scale 0-${Math.round(max)})`, focused: false, header: null, lines };
}
