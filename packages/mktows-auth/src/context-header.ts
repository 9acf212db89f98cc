import { requireText } from './validate-text.js';

/**
 * The optional SOAP header `MktowsContextHeader` (XML Schema type `MktowsContextHeaderInfo`): the workspace
 * a call acts in. Structurally the same as `MktowsContextHeaderInfo` in `@org/mktows-types`.
 */
export interface MktowsContextHeaderInfo {
  /** The workspace name, e.g. `Default`. */
  targetWorkspace: string;
}

/**
 * Builds `MktowsContextHeader` for `targetWorkspace`.
 *
 * @throws {@link ValidationError} when the workspace is not a non-blank string XML can carry
 *
 * @example
 * ```ts
 * createContextHeader('Europe'); // { targetWorkspace: 'Europe' }
 * ```
 */
export function createContextHeader(targetWorkspace: string): MktowsContextHeaderInfo {
  return { targetWorkspace: requireText('targetWorkspace', targetWorkspace, { inXml: true }) };
}
