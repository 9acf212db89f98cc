// Builds JSDoc blocks from documentation texts, safely (a `*/` in a WSDL
// comment must not end the block early).

/** A `/** ... *\/` block from paragraphs (undefined/empty ones skipped); '' when there is nothing to say. */
export function docComment(...paragraphs: Array<string | undefined>): string {
  const text = paragraphs.filter((paragraph): paragraph is string => !!paragraph && paragraph.trim().length > 0);
  if (text.length === 0) return '';
  const lines = text
    .join('\n\n')
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .map((line) => (line.length > 0 ? ` * ${line}` : ' *'));
  return `/**\n${lines.join('\n')}\n */\n`;
}

/** Inline code in a doc comment. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
