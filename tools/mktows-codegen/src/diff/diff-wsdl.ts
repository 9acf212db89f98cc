// `diffWsdl`: the API changes between two WSDL texts, classified for TypeScript code that sends
// requests and reads responses, with the semver bump they need together.
import type { WsdlModel } from '../wsdl/model.js';
import { readWsdl } from '../wsdl/read-wsdl.js';
import { ChangeList, type WsdlDiff } from './changes.js';
import { compareOperations, compareServices } from './compare-operations.js';
import { compareElements, compareTypes, detectRenamedTypes } from './compare-types.js';
import { DiffContext } from './context.js';

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
 * @throws {@link CodegenError} when either is not well-formed XML, not a WSDL 1.1 document, or
 * refers to something it does not declare (the message names the source).
 */
export function diffWsdl(before: WsdlInput, after: WsdlInput): WsdlDiff {
  return diffWsdlModels(readWsdl(before.text, before.source), readWsdl(after.text, after.source));
}

/** Compares two WSDL models as APIs (see {@link diffWsdl}). */
export function diffWsdlModels(oldWsdl: WsdlModel, newWsdl: WsdlModel): WsdlDiff {
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
  compareDocumentation(changes, oldWsdl, newWsdl);
  compareSchemaForms(changes, oldWsdl, newWsdl);
  return changes.result();
}

/** The API part of `wsdl` with the target namespace renamed (documentation and schema forms kept as they are). */
function rebaseNamespace(wsdl: WsdlModel, namespace: string): WsdlModel {
  if (wsdl.targetNamespace === namespace) return wsdl;
  const { documentation, schemas, ...api } = wsdl;
  const json = JSON.stringify(api).split(JSON.stringify(`{${wsdl.targetNamespace}}`).slice(1, -1));
  const rebased = JSON.parse(json.join(JSON.stringify(`{${namespace}}`).slice(1, -1))) as typeof api;
  return { ...rebased, documentation, schemas };
}

/** Documentation is compared only where the documented thing exists in both versions (else it is an add/remove). */
function compareDocumentation(changes: ChangeList, before: WsdlModel, after: WsdlModel): void {
  for (const [path, text] of Object.entries(before.documentation)) {
    const current = Object.hasOwn(after.documentation, path) ? after.documentation[path] : undefined;
    if (current === undefined || current === text) continue;
    const detail = !text ? 'documentation added' : !current ? 'documentation removed' : 'documentation changed';
    changes.add('documentation-changed', path, detail);
  }
}

function compareSchemaForms(changes: ChangeList, before: WsdlModel, after: WsdlModel): void {
  const show = ({ elementFormDefault, attributeFormDefault }: WsdlModel['schemas'][string]) =>
    `elementFormDefault=${elementFormDefault} attributeFormDefault=${attributeFormDefault}`;
  for (const [namespace, forms] of Object.entries(before.schemas)) {
    const current = Object.hasOwn(after.schemas, namespace) ? after.schemas[namespace] : undefined;
    if (current !== undefined && show(current) !== show(forms)) {
      changes.add('schema-form-changed', `schema(${namespace})`, `${show(forms)} -> ${show(current)}`);
    }
  }
}
