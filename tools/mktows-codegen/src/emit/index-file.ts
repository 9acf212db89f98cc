// Emits the generated folder's index.ts.
import { tsHeader } from './header.js';

/** The source of `index.ts`, re-exporting the given modules (without extension). */
export function emitIndexFile(modules: readonly string[], source: string): string {
  return `${tsHeader(source)}${modules.map((name) => `export * from './${name}.js';`).join('\n')}\n`;
}
