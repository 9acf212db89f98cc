// Projects the WSDL model (src/wsdl/) onto what the emitters need (ApiModel): the types and elements
// (api-schema-builder.ts), then the one service, its port and binding, and the bound operations with
// their body elements and SOAP headers. What the generator cannot type faithfully is refused by name.
import type { ApiModel, HeaderModel, OperationModel, ServiceModel } from './api-model.js';
import { ApiSchemaBuilder, documentationAt } from './api-schema-builder.js';
import { CodegenError } from './errors.js';
import type { WsdlHeader, WsdlModel, WsdlOperation, WsdlOperationIO } from './wsdl/model.js';
import { localName } from './wsdl/references.js';

/** The emitters' model of `wsdl`; `source` names the WSDL in errors. */
export function buildApiModel(wsdl: WsdlModel, source: string): ApiModel {
  return new ApiModelBuilder(wsdl, source).build();
}

class ApiModelBuilder {
  private readonly schema: ApiSchemaBuilder;

  constructor(
    private readonly wsdl: WsdlModel,
    private readonly source: string,
  ) {
    const namespace = wsdl.targetNamespace;
    if (!namespace || !Object.hasOwn(wsdl.schemas, namespace))
      this.fail(`no xs:schema for the target namespace "${namespace}"`);
    this.schema = new ApiSchemaBuilder(wsdl, source);
  }

  build(): ApiModel {
    this.schema.buildAll();
    const { service, operations } = this.serviceAndOperations();
    return {
      targetNamespace: this.wsdl.targetNamespace,
      elementFormQualified: this.wsdl.schemas[this.wsdl.targetNamespace]?.elementFormDefault === 'qualified',
      service,
      simpleTypes: byName(this.schema.simpleTypes.values()),
      complexTypes: byName(this.schema.complexTypes.values()),
      elements: byName(this.schema.elements.values()),
      operations: byName(operations),
    };
  }

  private serviceAndOperations(): { service: ServiceModel; operations: OperationModel[] } {
    const services = Object.entries(this.wsdl.services);
    if (services.length !== 1) this.fail(`expected exactly one wsdl:service, found ${services.length}`);
    const [serviceName, service] = services[0]!;
    const ports = Object.entries(service.ports);
    if (ports.length !== 1) this.fail(`expected exactly one port in service "${serviceName}", found ${ports.length}`);
    const [portName, port] = ports[0]!;
    const bindingName = localName(port.binding);
    const binding = Object.hasOwn(this.wsdl.bindings, bindingName) ? this.wsdl.bindings[bindingName] : undefined;
    if (!binding) this.fail(`port "${portName}" has no SOAP binding`);
    const operations = Object.entries(binding.operations).map(([name, operation]) => this.operation(name, operation));
    return {
      service: { name: serviceName, port: portName, binding: bindingName, address: port.address ?? '' },
      operations,
    };
  }

  private operation(name: string, operation: WsdlOperation): OperationModel {
    const where = `operation "${name}"`;
    if (operation.style !== 'document') this.fail(`${where}: only document/literal bindings are supported`);
    return {
      name,
      soapAction: operation.soapAction,
      input: this.messageElement(operation.input, `${where} input`),
      output: this.messageElement(operation.output, `${where} output`),
      headers: operation.input.headers.map((header) => this.header(header, where)),
      ...documentationAt(this.wsdl, `operations.${name}`, `operations.${name}.binding`),
    };
  }

  private messageElement(io: WsdlOperationIO | null, where: string): { element: string; type: string } {
    const [element, ...more] = io?.bodyElements ?? [];
    if (element === undefined || element === null || more.length > 0) {
      this.fail(`${where}: the message needs exactly one part with an element`);
    }
    const model = this.schema.complexElement(element, where);
    return { element: model.name, type: model.type };
  }

  private header(header: WsdlHeader, where: string): HeaderModel {
    const message = localName(header.message);
    if (header.element === null) this.fail(`header part "${header.part}" of message "${message}" has no element`);
    const element = this.schema.complexElement(header.element, `${where} header`);
    return { message, part: header.part, element: element.name, type: element.type };
  }

  private fail(problem: string): never {
    throw new CodegenError(this.source, problem);
  }
}

/** Sorted by name, locale-independent, so output never depends on the machine. */
function byName<T extends { name: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
