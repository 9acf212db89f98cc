// openapi/marketo-rest.yaml describes the same five calls as Marketo's published Swagger 2.0 documents
// (../shared/openapi): same paths, methods, operationIds, parameters, schemas and enumerations. The few
// deliberate differences are listed here, each with its reason, so any other difference fails.
import { expect, it } from 'vitest';
import { diffOperations, openApiOperations, swaggerOperations } from './support/api-shape.js';
import { describeWithShared } from '@org/test-support';
import { readProjectSpec, readReference } from './support/specs.js';

/** The subset the SDK uses, by `METHOD path`. */
const SUBSET = [
  'GET /identity/oauth/token',
  'GET /rest/v1/lead/{leadId}.json',
  'GET /rest/v1/leads.json',
  'GET /rest/v1/leads/describe.json',
  'POST /rest/v1/leads.json',
];

/** Every intended difference, and why (also in packages/marketo-rest-types/README.md). */
const INTENDED_DIFFERENCES: Record<string, string[]> = {
  // The identity service's 401 answer (unknown client, wrong secret) is what the token provider maps.
  'GET /identity/oauth/token': ['GET /identity/oauth/token response 401: added'],
  'GET /rest/v1/lead/{leadId}.json': [
    // Marketo's documentation and the parameter's own description: comma-separated.
    'GET /rest/v1/lead/{leadId}.json parameter fields: collectionFormat multi -> csv',
    ...envelopeDifferences('GET /rest/v1/lead/{leadId}.json response 200'),
  ],
  'GET /rest/v1/leads.json': [
    'GET /rest/v1/leads.json parameter fields: collectionFormat multi -> csv',
    'GET /rest/v1/leads.json parameter filterValues: collectionFormat multi -> csv',
    ...envelopeDifferences('GET /rest/v1/leads.json response 200'),
  ],
  'GET /rest/v1/leads/describe.json': [
    'GET /rest/v1/leads/describe.json response 200: required ["errors","requestId","result","success","warnings"] -> ["requestId","success"]',
    'GET /rest/v1/leads/describe.json response 200.errors[]: named Error -> RequestError',
  ],
  'POST /rest/v1/leads.json': [
    // A lead record holds any field of the instance by its REST name.
    'POST /rest/v1/leads.json body.input[]: additionalProperties false -> true',
    'POST /rest/v1/leads.json body.input[].reasons: added',
    ...envelopeDifferences('POST /rest/v1/leads.json response 200'),
  ],
};

/**
 * ResponseOfLead: Marketo leaves out `result` on failure and `errors` on success; a lead record holds any
 * field; a skipped sync record carries `reasons` (a list) where the Swagger names one `reason`; the
 * `Error` schema is `RequestError`, so the type does not hide JavaScript's `Error`.
 */
function envelopeDifferences(where: string): string[] {
  return [
    `${where}: required ["errors","requestId","result","success","warnings"] -> ["requestId","success"]`,
    `${where}.errors[]: named Error -> RequestError`,
    `${where}.result[]: additionalProperties false -> true`,
    `${where}.result[].reasons: added`,
  ];
}

describeWithShared("openapi/marketo-rest.yaml against Marketo's Swagger documents", () => {
  const ours = openApiOperations(readProjectSpec());
  const reference = {
    ...swaggerOperations(readReference('marketo-rest-identity.swagger.json'), SUBSET),
    ...swaggerOperations(readReference('marketo-rest-mapi.swagger.json'), SUBSET),
  };

  it('describes exactly the subset the SDK uses, each call present in the reference', () => {
    expect(Object.keys(ours).sort()).toEqual(SUBSET);
    for (const call of SUBSET) expect(reference[call], call).toBeDefined();
  });

  it.each(SUBSET)('%s: same operationId, parameters, schemas and enums, apart from the listed differences', (call) => {
    expect(diffOperations(call, reference[call]!, ours[call]!)).toEqual(INTENDED_DIFFERENCES[call]);
  });

  it('the comparison sees a difference in an enum, a parameter and a nested schema', () => {
    const sync = structuredClone(ours['POST /rest/v1/leads.json']!);
    sync.body!.properties!.action!.enum = ['createOnly'];
    sync.body!.properties!.input!.items!.properties!.id!.format = 'int64';
    expect(diffOperations('POST', reference['POST /rest/v1/leads.json']!, sync)).toEqual(
      expect.arrayContaining([
        'POST body.action: enum ["createOnly","updateOnly","createOrUpdate","createDuplicate"] -> ["createOnly"]',
        'POST body.input[].id: format "int32" -> "int64"',
      ]),
    );
    const token = structuredClone(ours['GET /identity/oauth/token']!);
    token.parameters.grant_type!.required = false;
    delete token.parameters.client_secret;
    expect(diffOperations('GET', reference['GET /identity/oauth/token']!, token)).toEqual([
      'GET parameter client_secret: missing',
      'GET parameter grant_type: required true -> false',
      'GET response 401: added',
    ]);
  });
});
