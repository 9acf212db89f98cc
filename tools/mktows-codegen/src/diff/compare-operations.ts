// Compares what the binding and service say: operations (added, removed, soapAction, body elements,
// style/use, headers, faults), binding transport, service/port/binding names, and the endpoint address.
import type { WsdlHeader, WsdlOperation, WsdlOperationIO, WsdlModel } from '../wsdl/model.js';
import type { DiffContext } from './context.js';
import type { Direction } from './policy.js';

/** Every bound operation by name (the generator supports one binding; a name bound twice keeps the first). */
function operationsOf(wsdl: WsdlModel): Map<string, WsdlOperation> {
  const operations = new Map<string, WsdlOperation>();
  for (const binding of Object.values(wsdl.bindings)) {
    for (const [name, operation] of Object.entries(binding.operations)) {
      if (!operations.has(name)) operations.set(name, operation);
    }
  }
  return operations;
}

/** Compares the operations of the two WSDLs. */
export function compareOperations(context: DiffContext): void {
  const before = operationsOf(context.oldWsdl);
  const after = operationsOf(context.newWsdl);
  for (const [name, operation] of before) {
    const current = after.get(name);
    if (current) compareOperation(context, `operations.${name}`, operation, current);
    else context.changes.add('operation-removed', `operations.${name}`, 'operation removed');
  }
  for (const [name, operation] of after) {
    if (before.has(name)) continue;
    const input = operation.input.bodyElements.map((element) => context.show(element)).join(', ');
    context.changes.add('operation-added', `operations.${name}`, `operation added (request ${input})`);
  }
}

function compareOperation(
  context: DiffContext,
  path: string,
  before: WsdlOperation,
  after: WsdlOperation,
): void {
  const { changes } = context;
  if (before.soapAction !== after.soapAction) {
    changes.add(
      'operation-soap-action-changed',
      `${path}.soapAction`,
      `${JSON.stringify(before.soapAction)} -> ${JSON.stringify(after.soapAction)}`,
    );
  }
  if (before.style !== after.style) {
    changes.add('operation-style-changed', `${path}.style`, `${before.style} -> ${after.style}`);
  }
  compareIO(context, `${path}.input`, 'request', before.input, after.input);
  if (before.output && after.output) {
    compareIO(context, `${path}.output`, 'response', before.output, after.output);
  } else if (before.output !== after.output) {
    const show = (io: WsdlOperationIO | null) => (io ? 'request-response' : 'one-way');
    changes.add('operation-output-changed', `${path}.output`, `${show(before.output)} -> ${show(after.output)}`);
  }
  const faultNames = new Set([...Object.keys(before.faults), ...Object.keys(after.faults)]);
  for (const fault of [...faultNames].sort()) {
    const [was, is] = [before.faults[fault], after.faults[fault]];
    if (was === is) continue;
    const detail = was === undefined ? 'fault added' : is === undefined ? 'fault removed' : 'fault message changed';
    changes.add('fault-changed', `${path}.faults.${fault}`, detail);
  }
}

function compareIO(
  context: DiffContext,
  path: string,
  direction: Direction,
  before: WsdlOperationIO,
  after: WsdlOperationIO,
): void {
  const { changes } = context;
  const body = (io: WsdlOperationIO) => io.bodyElements.map((element) => context.show(element)).join(', ');
  if (body(before) !== body(after)) {
    const kind = direction === 'request' ? 'operation-input-changed' : 'operation-output-changed';
    changes.add(kind, path, `body ${body(before)} -> ${body(after)}`);
  } else if (before.message !== after.message) {
    changes.add(
      'message-renamed',
      `${path}.message`,
      `${context.show(before.message)} -> ${context.show(after.message)}`,
    );
  }
  if (before.use !== after.use) changes.add('operation-style-changed', `${path}.use`, `${before.use} -> ${after.use}`);
  compareHeaders(context, `${path}.headers`, direction, before.headers, after.headers);
}

/** Headers are identified by the element they carry (what callers supply); message and part are names only. */
function compareHeaders(
  context: DiffContext,
  path: string,
  direction: Direction,
  before: WsdlHeader[],
  after: WsdlHeader[],
): void {
  const { changes } = context;
  const key = (header: WsdlHeader) => context.show(header.element ?? `${header.message}#${header.part}`);
  const beforeByKey = new Map(before.map((header) => [key(header), header]));
  const afterByKey = new Map(after.map((header) => [key(header), header]));
  const describe = (header: WsdlHeader) => `part ${header.part} of message ${context.show(header.message)}`;
  for (const [name, header] of beforeByKey) {
    const current = afterByKey.get(name);
    if (!current) {
      changes.add('header-removed', `${path}.${name}`, `header ${name} (${describe(header)}) removed`, [direction]);
    } else if (header.use !== current.use) {
      changes.add('header-changed', `${path}.${name}`, `use ${header.use} -> ${current.use}`, [direction]);
    } else if (header.message !== current.message || header.part !== current.part) {
      changes.add('header-message-renamed', `${path}.${name}`, `${describe(header)} -> ${describe(current)}`, [
        direction,
      ]);
    }
  }
  for (const [name, header] of afterByKey) {
    if (!beforeByKey.has(name)) {
      changes.add('header-added', `${path}.${name}`, `header ${name} (${describe(header)}) added`, [direction]);
    }
  }
}

/** Compares bindings (transport), the names of services, ports and bindings, and the endpoint addresses. */
export function compareServices(context: DiffContext): void {
  const { oldWsdl, newWsdl, changes } = context;
  for (const [name, binding] of Object.entries(oldWsdl.bindings)) {
    const current = newWsdl.bindings[name];
    if (current && current.transport !== binding.transport) {
      changes.add(
        'binding-transport-changed',
        `bindings.${name}.transport`,
        `${binding.transport} -> ${current.transport}`,
      );
    }
  }
  const names = (wsdl: WsdlModel) =>
    Object.entries(wsdl.services)
      .flatMap(([service, { ports }]) =>
        Object.entries(ports).map(([port, { binding }]) => `${service}.${port} (binding ${context.show(binding)})`),
      )
      .join(', ');
  if (names(oldWsdl) !== names(newWsdl)) {
    changes.add('service-names-changed', 'services', `${names(oldWsdl)} -> ${names(newWsdl)}`);
  }
  for (const [service, { ports }] of Object.entries(oldWsdl.services)) {
    for (const [port, { address }] of Object.entries(ports)) {
      const current = newWsdl.services[service]?.ports[port];
      if (current && current.address !== address) {
        changes.add(
          'endpoint-address-changed',
          `services.${service}.${port}.address`,
          `${address ?? '(none)'} -> ${current.address ?? '(none)'}`,
        );
      }
    }
  }
}
