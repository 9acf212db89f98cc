// The WSDL API diff: compare two WSDLs, classify each change, and compute the semver bump.
export { diffWsdl, diffWsdlModels, type WsdlInput } from './diff-wsdl.js';
export type { ApiChange, WsdlDiff } from './changes.js';
export { formatDiffJson, formatDiffText, summarizeCounts } from './format-diff.js';
export {
  BUMPS,
  CHANGE_KINDS,
  POLICY,
  bumpFor,
  maxBump,
  renderPolicyTable,
  type Bump,
  type ChangeKind,
  type Direction,
  type PolicyRule,
} from './policy.js';
