// What the readers of the WSDL model (read-definitions.ts, read-schema.ts) share: the resolver every QName
// goes through, the source named in errors, and the `name` attribute every named construct needs.
import type { Element } from '@xmldom/xmldom';
import { CodegenError } from '../errors.js';
import type { ReferenceResolver } from './references.js';
import { attr, describeNode } from './xml.js';

/** The base of a model reader. */
export abstract class ModelReader {
  constructor(
    protected readonly references: ReferenceResolver,
    protected readonly source: string,
  ) {}

  /** The `name` attribute of `node`. @throws CodegenError when it has none */
  protected name(node: Element): string {
    const name = attr(node, 'name');
    if (!name) this.fail(`${describeNode(node)} without the required "name" attribute`);
    return name;
  }

  /** @throws CodegenError naming the source and `problem` */
  protected fail(problem: string): never {
    throw new CodegenError(this.source, problem);
  }
}
