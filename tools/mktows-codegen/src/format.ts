// Formats generated TypeScript with prettier, using the repository's style
// written out here so output never depends on where it is generated (a temp
// dir has no .prettierrc). A test keeps these equal to /.prettierrc.json.
import { format } from 'prettier';

/** The repository's prettier options (`.prettierrc.json`). */
export const PRETTIER_OPTIONS = { singleQuote: true, printWidth: 120, trailingComma: 'all' } as const;

/** Formats TypeScript source. */
export async function formatTypeScript(source: string): Promise<string> {
  return format(source, { ...PRETTIER_OPTIONS, parser: 'typescript' });
}
