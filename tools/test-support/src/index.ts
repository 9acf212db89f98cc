// Test support shared by every workspace's tests (see README.md).
export * from './canonical-xml.js';
export * from './docs-facts.js';
export * from './hooks.js';
export * from './paths.js';
export * from './raw-server.js';
export * from './run-process.js';
export * from './secret-scan.js';
