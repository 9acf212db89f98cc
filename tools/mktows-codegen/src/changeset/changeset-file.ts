// The changeset a WSDL change produces: front matter naming the package and its bump, then a summary
// (the first line becomes the changelog entry, the list shows every API change).
import type { WsdlDiff } from '../diff/changes.js';
import { summarizeCounts } from '../diff/format-diff.js';

/** What a WSDL changeset says. */
interface WsdlChangesetContent {
  /** The package the changeset bumps, e.g. `@org/mktows-types`. */
  readonly packageName: string;
  /** The WSDL as shown to the user, e.g. `wsdl/mktows.wsdl`. */
  readonly wsdlDisplay: string;
  /** The API diff against git HEAD; its bump must not be `none`. */
  readonly diff: WsdlDiff;
}

/** The Markdown of the changeset file. */
export function renderChangeset({ packageName, wsdlDisplay, diff }: WsdlChangesetContent): string {
  if (diff.bump === 'none') throw new Error('a changeset needs a bump other than none');
  const lines = diff.changes.map((change) => `- ${change.bump}: \`${change.path}\`: ${change.detail} (${change.kind})`);
  return [
    '---',
    `${JSON.stringify(packageName)}: ${diff.bump}`,
    '---',
    '',
    `Regenerated from an API change of \`${wsdlDisplay}\` (${summarizeCounts(diff)}).`,
    '',
    ...lines,
    '',
  ].join('\n');
}
