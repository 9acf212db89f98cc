// Reads the WSDL part of the model: messages, the operations of each binding (the port type's messages
// joined with the binding's SOAP details), and the services. Every QName goes through the resolver.
import type { Element } from '@xmldom/xmldom';
import type { ClarkName, WsdlBinding, WsdlHeader, WsdlMessage } from './model.js';
import type { WsdlOperation, WsdlOperationIO, WsdlService } from './model.js';
import { WSDL_NS, WSDL_SOAP12_NS, WSDL_SOAP_NS } from './namespaces.js';
import { ModelReader } from './model-reader.js';
import { clark, localName, type ReferenceResolver } from './references.js';
import { sortedRecord } from './sorted-record.js';
import { attr, childElements, describeNode } from './xml.js';

/** The WSDL part of the model, plus the port types (for reference checking). */
interface DefinitionsContent {
  readonly messages: Record<ClarkName, WsdlMessage>;
  readonly bindings: Record<string, WsdlBinding>;
  readonly services: Record<string, WsdlService>;
  readonly portTypes: ReadonlySet<ClarkName>;
}

/** An operation of a port type, with its messages resolved. */
interface AbstractOperation {
  readonly input: ClarkName;
  readonly output: ClarkName | null;
  readonly faults: [string, ClarkName][];
}

/** Reads the messages, bindings and services of `definitions`. */
export function readDefinitions(
  definitions: Element,
  references: ReferenceResolver,
  source: string,
): DefinitionsContent {
  return new DefinitionsReader(references, source).read(definitions);
}

class DefinitionsReader extends ModelReader {
  private readonly portTypes = new Map<ClarkName, Map<string, AbstractOperation>>();
  private messages: Record<ClarkName, WsdlMessage> = {};

  read(definitions: Element): DefinitionsContent {
    const namespace = attr(definitions, 'targetNamespace') ?? '';
    const children = (localName: string) => childElements(definitions, WSDL_NS, localName);
    this.messages = sortedRecord(
      children('message').map((message): [string, WsdlMessage] => [
        clark(namespace, this.name(message)),
        this.message(message),
      ]),
      'message',
      this.source,
    );
    for (const portType of children('portType')) {
      const operations = new Map<string, AbstractOperation>();
      for (const operation of childElements(portType, WSDL_NS, 'operation')) {
        operations.set(this.name(operation), this.abstractOperation(operation));
      }
      this.portTypes.set(clark(namespace, this.name(portType)), operations);
    }
    const bindings = children('binding').map((binding): [string, WsdlBinding] => [
      this.name(binding),
      this.binding(binding),
    ]);
    const services = children('service').map((service): [string, WsdlService] => [
      this.name(service),
      this.service(service),
    ]);
    return {
      messages: this.messages,
      bindings: sortedRecord(bindings, 'binding', this.source),
      services: sortedRecord(services, 'service', this.source),
      portTypes: new Set(this.portTypes.keys()),
    };
  }

  private message(message: Element): WsdlMessage {
    return {
      parts: childElements(message, WSDL_NS, 'part').map((part) => ({
        name: this.name(part),
        element: this.references.resolve(part, 'element', 'element'),
        type: this.references.resolve(part, 'type', 'type'),
      })),
    };
  }

  private abstractOperation(operation: Element): AbstractOperation {
    const [input] = childElements(operation, WSDL_NS, 'input');
    if (!input) this.fail(`${describeNode(operation)} has no wsdl:input`);
    const [output] = childElements(operation, WSDL_NS, 'output');
    return {
      input: this.messageOf(input),
      output: output ? this.messageOf(output) : null,
      faults: childElements(operation, WSDL_NS, 'fault').map((fault) => [this.name(fault), this.messageOf(fault)]),
    };
  }

  private messageOf(node: Element): ClarkName {
    const message = this.references.resolve(node, 'message', 'message');
    if (message === null) this.fail(`${describeNode(node)} without the required "message" attribute`);
    return message;
  }

  private binding(binding: Element): WsdlBinding {
    const name = this.name(binding);
    const portType = this.references.resolve(binding, 'type', 'portType');
    if (portType === null) this.fail(`${describeNode(binding)} without the required "type" attribute`);
    const [soapBinding] = childElements(binding, WSDL_SOAP_NS, 'binding');
    const bindingStyle = (soapBinding && attr(soapBinding, 'style')) ?? 'document';
    const abstractOperations = this.portTypes.get(portType);
    const operations: [string, WsdlOperation][] = [];
    for (const operation of childElements(binding, WSDL_NS, 'operation')) {
      const operationName = this.name(operation);
      const abstract = abstractOperations?.get(operationName);
      if (abstractOperations && !abstract) {
        const problem = `operation "${operationName}" of binding "${name}" is not in port type "${localName(portType)}"`;
        this.references.problem(problem);
      }
      // Without its port type operation (reported above, or the port type is unresolved) there is nothing to bind.
      if (abstract) operations.push([operationName, this.operation(operation, abstract, bindingStyle)]);
    }
    return {
      portType,
      transport: (soapBinding && attr(soapBinding, 'transport')) ?? '',
      operations: sortedRecord(operations, 'operation', this.source),
    };
  }

  private operation(bound: Element, abstract: AbstractOperation, bindingStyle: string): WsdlOperation {
    const [soapOperation] = childElements(bound, WSDL_SOAP_NS, 'operation');
    const [boundInput] = childElements(bound, WSDL_NS, 'input');
    const [boundOutput] = childElements(bound, WSDL_NS, 'output');
    return {
      soapAction: (soapOperation && attr(soapOperation, 'soapAction')) ?? '',
      style: (soapOperation && attr(soapOperation, 'style')) ?? bindingStyle,
      input: this.operationIO(abstract.input, boundInput),
      output: abstract.output === null ? null : this.operationIO(abstract.output, boundOutput),
      faults: sortedRecord(abstract.faults, 'fault', this.source),
    };
  }

  private operationIO(message: ClarkName, bound: Element | undefined): WsdlOperationIO {
    const [body] = bound ? childElements(bound, WSDL_SOAP_NS, 'body') : [];
    const headers = (bound ? childElements(bound, WSDL_SOAP_NS, 'header') : []).map((header) => this.header(header));
    // SOAP 1.2 headers are not modelled, but what they name must exist all the same.
    for (const header of bound ? childElements(bound, WSDL_SOAP12_NS, 'header') : []) this.header(header);
    const bodyPartNames = body ? attr(body, 'parts')?.split(/\s+/).filter(Boolean) : undefined;
    const parts = (this.messages[message]?.parts ?? []).filter(
      (part) => !bodyPartNames || bodyPartNames.includes(part.name),
    );
    return {
      message,
      bodyElements: parts.map((part) => part.element),
      use: (body && attr(body, 'use')) ?? 'literal',
      headers,
    };
  }

  /** soap:header names a message AND a part of it; both must exist. */
  private header(header: Element): WsdlHeader {
    const message = this.messageOf(header);
    const part = attr(header, 'part') ?? '';
    if (!part) this.fail(`${describeNode(header)} without the required "part" attribute`);
    const parts = this.messages[message]?.parts;
    const found = parts?.find((candidate) => candidate.name === part);
    if (parts && !found) {
      this.references.problem(
        `header part "${part}" is not in message "${attr(header, 'message') ?? ''}" (${describeNode(header)})`,
      );
    }
    return { message, part, element: found?.element ?? null, use: attr(header, 'use') ?? 'literal' };
  }

  private service(service: Element): WsdlService {
    const ports = childElements(service, WSDL_NS, 'port').map((port): [string, WsdlService['ports'][string]] => {
      const binding = this.references.resolve(port, 'binding', 'binding');
      if (binding === null) this.fail(`${describeNode(port)} without the required "binding" attribute`);
      const [address] = childElements(port, WSDL_SOAP_NS, 'address');
      return [this.name(port), { binding, address: address ? attr(address, 'location') : null }];
    });
    return { ports: sortedRecord(ports, 'port', this.source) };
  }
}
