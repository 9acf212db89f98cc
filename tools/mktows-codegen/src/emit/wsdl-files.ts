// Emits the shipped copy of the WSDL and `wsdl-document.ts`, which holds the
// same text as a string so the package never reads files at run time.
import { docComment } from './doc-comment.js';
import { headerText, tsHeader } from './header.js';

const XML_DECLARATION = /^\uFEFF?<\?xml[^>]*\?>/;

/** The WSDL copy: the source with an XML comment header after the XML declaration. */
export function emitWsdlCopy(wsdlText: string, source: string): string {
  const comment = `<!-- ${headerText(source)} -->`;
  const declaration = XML_DECLARATION.exec(wsdlText);
  if (!declaration) return `${comment}\n${wsdlText}`;
  return `${declaration[0]}\n${comment}${wsdlText.slice(declaration[0].length)}`;
}

/** `wsdl-document.ts`: `wsdlDocument`, the exact text of the shipped WSDL copy. */
export function emitWsdlDocumentFile(wsdlCopy: string, source: string, copyFileName: string): string {
  return [
    tsHeader(source),
    docComment(
      `The WSDL this package was generated from: the same text as the file \`@org/mktows-types/${copyFileName}\`.`,
      'The client parses it once per process, on first use; servers (e.g. `soap.listen`) can serve it as is.',
    ),
    `export const wsdlDocument: string = \`${escapeTemplate(wsdlCopy)}\`;\n`,
  ].join('\n');
}

/** Escapes text for a template literal so it evaluates to exactly `text` (CR kept, `${` inert). */
function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r');
}
