// Reads the WSDL file and proves it is well-formed XML before anything else
// looks at it, so a bad input fails with one line naming the file and the spot.
import { readFile } from 'node:fs/promises';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { CodegenError } from './errors.js';

/** A WSDL file's text and its DOM (used for documentation and well-formedness). */
export interface WsdlSource {
  /** The path as shown in messages and in generated headers. */
  readonly displayPath: string;
  readonly text: string;
  readonly document: Document;
}

/** Reads `path` and parses it as XML; `displayPath` names the file in errors. */
export async function readWsdlFile(path: string, displayPath: string): Promise<WsdlSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CodegenError(displayPath, 'file not found');
    if (code === 'EISDIR') throw new CodegenError(displayPath, 'is a directory, not a WSDL file');
    throw new CodegenError(displayPath, `cannot be read (${code ?? String(error)})`);
  }
  return { displayPath, text, document: parseXml(text, displayPath) };
}

/** Parses `text` as XML, rejecting anything that is not a well-formed document. */
export function parseXml(text: string, displayPath: string): Document {
  let firstProblem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: unknown) => {
      if (level === 'warning') return;
      firstProblem ??= `${oneLine(message)}${describeLocation(context)}`;
      throw new Error(firstProblem);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch {
    throw new CodegenError(displayPath, `not well-formed XML: ${firstProblem ?? 'parse failed'}`);
  }
  if (!document.documentElement) throw new CodegenError(displayPath, 'not XML: no root element');
  return document;
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

function describeLocation(context: unknown): string {
  const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
  return locator?.lineNumber === undefined ? '' : ` (line ${locator.lineNumber}, column ${locator.columnNumber ?? 0})`;
}
