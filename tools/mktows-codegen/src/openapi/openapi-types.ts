// Runs openapi-typescript on a parsed OpenAPI document and documents the top-level declarations it
// emits (paths, webhooks, components, $defs, operations), which it leaves without doc comments: the
// published package is checked by TypeDoc with every export documented.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { code } from '../emit/doc-comment.js';
import type { OpenApiDocument } from './read-openapi-file.js';

/** What each top-level declaration of openapi-typescript's output is, for its doc comment. */
function declarationDocs(source: string): Record<string, string> {
  return {
    paths: `Every path of ${source}: per HTTP method, the operation (a path item's unused methods are \`never\`).`,
    webhooks: `The webhooks of ${source} (none).`,
    components: `The reusable parts of ${source}; ${code("components['schemas']")} holds every schema.`,
    $defs: `The ${code('$defs')} of ${source} (none).`,
    operations: `Every operation of ${source} by operationId: its parameters, request body and responses.`,
  };
}

function nameOf(node: ts.Node): string | undefined {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return node.name.text;
  return undefined;
}

/** openapi-typescript's output for `document`, each top-level declaration with a doc comment (unformatted). */
export async function emitOpenApiTypes(document: OpenApiDocument, source: string): Promise<string> {
  const docs = declarationDocs(source);
  const nodes = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    silent: true,
  });
  for (const node of nodes) {
    const name = nameOf(node);
    const doc = name === undefined ? undefined : docs[name];
    if (doc) ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `*\n * ${doc}\n `, true);
  }
  return astToString(nodes);
}
