// Programmatic API of the generator (the CLI is a thin layer over it).
export { main, DEFAULT_OUT, DEFAULT_WSDL, type CliIo } from './cli.js';
export { CodegenError } from './errors.js';
export { loadModel, renderGeneratedFiles, WSDL_COPY_NAME, type GeneratedFile, type RenderInput } from './generate.js';
export { findStaleFiles, writeGeneratedFolder, type StaleFile, type StaleReason } from './output-dir.js';
export type * from './api-model.js';
export { PRETTIER_OPTIONS } from './format.js';
export { readWsdl, readWsdlFile, type WsdlSource } from './wsdl/read-wsdl.js';
export type * from './wsdl/model.js';
export * from './diff/index.js';
export { renderOpenApiFiles, type OpenApiRenderInput } from './openapi/render-openapi.js';
export { DEFAULT_OPENAPI_OUT, DEFAULT_OPENAPI_SPEC } from './openapi/openapi-command.js';
