// Emits operations.ts: the operation table, per-operation params/results/headers
// maps and the typed client interface (one async method per operation).
import type { OperationModel } from '../api-model.js';
import { toPropertyKey, toTypeName } from '../naming.js';
import { code, docComment } from './doc-comment.js';
import { tsHeader } from './header.js';
import type { SchemaView } from './schema-view.js';

const DESCRIPTOR_TYPES = `${docComment('A SOAP header part an operation declares.')}export interface OperationHeaderDescriptor {
  ${docComment('Global element sent inside soap:Header.')}readonly element: string;
  ${docComment('Schema type of that element.')}readonly type: string;
  ${docComment('wsdl:message holding the part.')}readonly message: string;
  ${docComment('Part name within the message.')}readonly part: string;
}

${docComment('One operation of the SOAP binding, as the runtime needs it.')}export interface OperationDescriptor {
  ${docComment('Operation name (also the client method name).')}readonly name: string;
  ${docComment('Value of the SOAPAction HTTP header.')}readonly soapAction: string;
  ${docComment('Body element of the request and its schema type.')}readonly input: { readonly element: string; readonly type: string };
  ${docComment('Body element of the response and its schema type.')}readonly output: { readonly element: string; readonly type: string };
  ${docComment('SOAP headers of the request, in binding order.')}readonly headers: readonly OperationHeaderDescriptor[];
}

${docComment('Options of one call, passed through to soap and its HTTP client.')}export interface MktowsCallOptions {
  ${docComment('Abort the HTTP request after this many milliseconds.')}timeout?: number;
  ${docComment('Abort the HTTP request when this signal aborts.')}signal?: AbortSignal;
  ${docComment("Id given to soap's `request`/`response` events of this call (a random UUID otherwise).")}exchangeId?: string;
  ${docComment('Extra HTTP headers for this call.')}httpHeaders?: Record<string, string>;
  ${docComment('Node agent for this call when the endpoint is an http URL (e.g. a keep-alive agent shared by many calls).')}httpAgent?: http.Agent;
  ${docComment("Node agent for this call when the endpoint is an https URL: an `https.Agent` (typed `http.Agent`, like the `agent` of Node's `https.request`).")}httpsAgent?: http.Agent;
}
`;

/** The source of `operations.ts`. */
export function emitOperationsFile(view: SchemaView, source: string): string {
  const { model } = view;
  const usedTypes = new Set<string>();
  const use = (schemaName: string): string => {
    const name = toTypeName(schemaName);
    usedTypes.add(name);
    return name;
  };
  const headerTypes = new Map<string, string>();
  for (const operation of model.operations) {
    for (const header of operation.headers) headerTypes.set(header.element, header.type);
  }
  const headerNames = [...headerTypes.keys()].sort();
  const binding = code(model.service.binding);

  const table = model.operations.map((operation) => `${toPropertyKey(operation.name)}: ${descriptorLiteral(operation)},`);
  const paramsMap = model.operations.map((operation) => `${toPropertyKey(operation.name)}: ${use(operation.input.type)};`);
  const resultsMap = model.operations.map((operation) => `${toPropertyKey(operation.name)}: ${use(operation.output.type)};`);
  const headersMap = model.operations.map(
    (operation) => `${toPropertyKey(operation.name)}: ${operation.headers.map((header) => JSON.stringify(header.element)).join(' | ') || 'never'};`,
  );
  const soapHeaders = headerNames.map((element) => `${JSON.stringify(element)}: ${use(headerTypes.get(element)!)};`);
  const methods = model.operations.map(
    (operation) =>
      `${methodDoc(operation)}${toPropertyKey(operation.name)}(params: ${toTypeName(operation.input.type)}, options?: MktowsCallOptions): Promise<${toTypeName(operation.output.type)}>;`,
  );

  return [
    tsHeader(source),
    "import type * as http from 'node:http';",
    `import type { ${[...usedTypes].sort().join(', ')} } from './types.js';\n`,
    DESCRIPTOR_TYPES,
    docComment(`Every operation of the ${binding} binding, by name.`),
    `export const operations = {\n${table.join('\n')}\n} as const satisfies Readonly<Record<string, OperationDescriptor>>;\n`,
    docComment('Name of an operation (a method of {@link MktowsClient}).'),
    'export type OperationName = keyof typeof operations;\n',
    docComment('Every operation name, sorted.'),
    `export const OPERATION_NAMES = [${model.operations.map((operation) => JSON.stringify(operation.name)).join(', ')}] as const satisfies readonly OperationName[];\n`,
    docComment('The SOAP header elements of the API and their types.'),
    `export interface SoapHeaders {\n${soapHeaders.join('\n')}\n}\n`,
    docComment('Name of a SOAP header element.'),
    'export type SoapHeaderName = keyof SoapHeaders;\n',
    docComment('The request (`Params*`) type of each operation.'),
    `export interface OperationParams {\n${paramsMap.join('\n')}\n}\n`,
    docComment('The response (`Success*`) type of each operation.'),
    `export interface OperationResults {\n${resultsMap.join('\n')}\n}\n`,
    docComment('The SOAP headers each operation declares; the client sends only these.'),
    `export interface OperationHeaders {\n${headersMap.join('\n')}\n}\n`,
    docComment(
      `A typed client of the ${code(model.service.name)} service: one async method per operation,`,
      'taking its `Params*` type and resolving to its `Success*` type. Lists come back as arrays, even with one element.',
    ),
    `export interface MktowsClient {\n${methods.join('\n')}\n}\n`,
  ].join('\n');
}

function descriptorLiteral(operation: OperationModel): string {
  const headers = operation.headers.map(
    (header) =>
      `{ element: ${JSON.stringify(header.element)}, type: ${JSON.stringify(header.type)}, message: ${JSON.stringify(header.message)}, part: ${JSON.stringify(header.part)} }`,
  );
  return `{
    name: ${JSON.stringify(operation.name)},
    soapAction: ${JSON.stringify(operation.soapAction)},
    input: { element: ${JSON.stringify(operation.input.element)}, type: ${JSON.stringify(operation.input.type)} },
    output: { element: ${JSON.stringify(operation.output.element)}, type: ${JSON.stringify(operation.output.type)} },
    headers: [${headers.join(', ')}],
  }`;
}

function methodDoc(operation: OperationModel): string {
  const headers = operation.headers.map((header) => code(header.element)).join(', ') || 'none';
  return docComment(
    operation.documentation,
    [
      `SOAPAction ${code(operation.soapAction)}.`,
      `Request element ${code(operation.input.element)}, response element ${code(operation.output.element)}.`,
      `SOAP headers: ${headers}.`,
    ].join('\n'),
  );
}
