// Checks a response body against the WSDL's element order (xs:sequence): every element of a known
// complex type has its children in the order the generated schema metadata lists them, and no child
// the type does not have. soap writes what a handler returns in the handler's key order, so this is what
// catches a handler writing fields out of order.
import { schemaMetadata } from '@org/mktows-types';
import type { Element } from '@xmldom/xmldom';

import { childElements } from './soap-http.js';

/** Problems found below `element` of schema type `typeName` (empty when it follows the schema). */
export function schemaOrderProblems(element: Element, typeName: string, path = element.localName ?? ''): string[] {
  const type = schemaMetadata.complexTypes[typeName];
  if (!type) return [];
  const problems: string[] = [];
  let lastIndex = -1;
  for (const child of childElements(element)) {
    const name = child.localName ?? '';
    const index = type.fields.findIndex((field) => field.name === name);
    if (index < 0) {
      problems.push(`${path}/${name} is not an element of ${typeName}`);
      continue;
    }
    if (index < lastIndex) problems.push(`${path}/${name} comes after ${type.fields[lastIndex]?.name} in ${typeName}`);
    lastIndex = Math.max(lastIndex, index);
    const field = type.fields[index];
    if (field?.kind === 'complex') problems.push(...schemaOrderProblems(child, field.type, `${path}/${name}`));
  }
  return problems;
}
