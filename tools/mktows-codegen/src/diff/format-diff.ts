// How a diff is shown: a readable list for people, or exactly `{ "bump", "changes" }` as JSON for scripts.
import type { WsdlDiff } from './changes.js';
import { BUMPS } from './policy.js';

/** The diff as exactly `{ "bump": ..., "changes": [...] }`, pretty-printed. */
export function formatDiffJson(diff: WsdlDiff): string {
  const changes = diff.changes.map(({ kind, path, detail, bump }) => ({ kind, path, detail, bump }));
  return JSON.stringify({ bump: diff.bump, changes }, null, 2);
}

/** The diff as lines for a terminal: one per change (`[bump] path: detail (kind)`), then the bump. */
export function formatDiffText(diff: WsdlDiff): string[] {
  if (diff.changes.length === 0) return ['no API changes', 'bump: none'];
  const lines = diff.changes.map((change) => `[${change.bump}] ${change.path}: ${change.detail} (${change.kind})`);
  return [...lines, `bump: ${diff.bump} (${summarizeCounts(diff)})`];
}

/** `3 changes: 1 major, 2 minor` (strongest first). */
export function summarizeCounts(diff: WsdlDiff): string {
  const counts = [...BUMPS]
    .reverse()
    .map((bump) => [bump, diff.changes.filter((change) => change.bump === bump).length] as const)
    .filter(([, count]) => count > 0)
    .map(([bump, count]) => `${count} ${bump}`);
  const total = diff.changes.length;
  return `${total} change${total === 1 ? '' : 's'}: ${counts.join(', ')}`;
}
