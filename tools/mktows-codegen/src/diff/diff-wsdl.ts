// `diffWsdl`: the API changes between two WSDL texts, classified for TypeScript code that sends
// requests and reads responses, with the semver bump they need together.
import { canonicalizeWsdl, type CanonicalWsdl } from '../wsdl-canonical.js';
import { ChangeList, type WsdlDiff } from './changes.js';
import { compareOperations, compareServices } from './compare-operations.js';
import { compareElements, compareTypes, detectRenamedTypes } from './compare-types.js';
import { DiffContext } from './context.js';
import { readWsdlExtras, type WsdlExtras } from './wsdl-extras.js';

/** One side of a diff: the WSDL text and how errors name it. */
export interface WsdlInput {
  /** The WSDL document. */
  readonly text: string;
  /** Name in error messages, e.g. the file path or `HEAD:wsdl/mktows.wsdl`. */
  readonly source: string;
}

/**
 * Compares two WSDLs as APIs.
 *
 * @throws {@link WsdlCanonicalError} when either is not well-formed XML, not a WSDL 1.1 document, or
 * refers to something it does not declare (the message names the source).
 */
export function diffWsdl(before: WsdlInput, after: WsdlInput): WsdlDiff {
  const oldWsdl = canonicalizeWsdl(before.text, { source: before.source });
  const newWsdl = canonicalizeWsdl(after.text, { source: after.source });
  const changes = new ChangeList();
  if (oldWsdl.targetNamespace !== newWsdl.targetNamespace) {
    changes.add('namespace-changed', 'targetNamespace', `${oldWsdl.targetNamespace} -> ${newWsdl.targetNamespace}`);
  }
  // Compare the rest as if the old namespace had been the new one, so a moved namespace is one change.
  const context = new DiffContext(rebaseNamespace(oldWsdl, newWsdl.targetNamespace), newWsdl, changes);
  detectRenamedTypes(context);
  compareOperations(context);
  compareTypes(context);
  compareElements(context);
  compareServices(context);
  compareExtras(changes, readWsdlExtras(before.text), readWsdlExtras(after.text));
  return changes.result();
}

function rebaseNamespace(wsdl: CanonicalWsdl, namespace: string): CanonicalWsdl {
  if (wsdl.targetNamespace === namespace) return wsdl;
  const json = JSON.stringify(wsdl).split(JSON.stringify(`{${wsdl.targetNamespace}}`).slice(1, -1));
  return JSON.parse(json.join(JSON.stringify(`{${namespace}}`).slice(1, -1))) as CanonicalWsdl;
}

/** Documentation is compared only where the documented thing exists in both versions (else it is an add/remove). */
function compareExtras(changes: ChangeList, before: WsdlExtras, after: WsdlExtras): void {
  for (const [path, text] of before.documentation) {
    const current = after.documentation.get(path);
    if (current === undefined || current === text) continue;
    const detail = !text ? 'documentation added' : !current ? 'documentation removed' : 'documentation changed';
    changes.add('documentation-changed', path, detail);
  }
  for (const [namespace, forms] of before.schemaForms) {
    const current = after.schemaForms.get(namespace);
    if (current !== undefined && current !== forms) {
      changes.add('schema-form-changed', `schema(${namespace})`, `${forms} -> ${current}`);
    }
  }
}
