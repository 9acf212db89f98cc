// Every request envelope of the documentation (../shared/fixtures/marketo-docs/*.request.xml), re-signed
// with the test key and sent as it is to a server seeded with what it references, is accepted; where the
// documentation shows the answer (*.response.xml), the mock's answer is that answer (nil elements aside:
// the mock leaves out what is nil). A new envelope without a seed below fails, naming its operation.
import { readdirSync } from 'node:fs';

import { OPERATION_NAMES, operations, schemaMetadata } from '@org/mktows-types';
import type { OperationName } from '@org/mktows-types';
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { MockServer, MockState } from '../src/index.js';
import { childElements, findElement, parseXml, postSoap, resign } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';
import { canonicalBody, type CanonicalElement, describeWithShared, docsFixture, docsFixturesDir, DOCUMENTED_LEAD, hasShared } from '@org/test-support';

/** What each documented request references, as the documentation's answers show it. */
const SEEDS: Partial<Record<OperationName, MockState>> = {
  // Answered UPDATED for lead 1089965.
  syncLead: { leads: [{ id: 1089965, email: 't@t.com' }] },
  // Answered UPDATED for leads 1090240 (em1000) and 1090239 (em1001).
  syncMultipleLeads: {
    leads: [
      { id: 1090239, email: 'em1001@etestd.marketo.net' },
      { id: 1090240, email: 'em1000@etestd.marketo.net' },
    ],
  },
  // The lead of the documented answer.
  getLead: {
    leads: [{ ...DOCUMENTED_LEAD }],
  },
};

const XSI_NIL = '{http://www.w3.org/2001/XMLSchema-instance}nil';

/** The element without its nil descendants. */
function withoutNil(element: CanonicalElement): CanonicalElement {
  if (!element.children) return element;
  const children = element.children.filter((child) => child.attributes?.[XSI_NIL] !== 'true').map(withoutNil);
  return { ...element, children };
}

/** The canonical body element of a SOAP envelope. */
function bodyElement(xml: string): CanonicalElement {
  return withoutNil(canonicalBody(xml));
}

function operationOf(requestXml: string): OperationName | undefined {
  const body = findElement(parseXml(requestXml), 'Body');
  const element = body && childElements(body)[0]?.localName;
  return OPERATION_NAMES.find((name) => operations[name].input.element === element);
}

const requests = hasShared
  ? readdirSync(docsFixturesDir)
      .filter((name) => name.endsWith('.request.xml'))
      .sort()
  : [];

describeWithShared('documentation request envelopes against a seeded instance', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('finds the documentation’s request envelopes', () => {
    expect(requests.length).toBeGreaterThan(0);
  });

  it.each(requests)('%s is accepted, with the documented answer', async (name) => {
    const request = docsFixture(name);
    const operation = operationOf(request);
    expect(operation, `the operation of ${name}`).toBeDefined();
    const seed = SEEDS[operation!];
    expect(seed, `a seed for ${operation} (what ${name} references) in SEEDS`).toBeDefined();
    server.reset(seed);
    const answer = await postSoap(server.url, operation!, resign(request));
    expect(answer.status).toBe(200);
    const responseName = name.replace('.request.xml', '.response.xml');
    if (readdirSync(docsFixturesDir).includes(responseName)) {
      expect(bodyElement(answer.text)).toEqual(bodyElement(docsFixture(responseName)));
    } else {
      expect(bodyElement(answer.text).name).toBe(
        `{${schemaMetadata.targetNamespace}}${operations[operation!].output.element}`,
      );
    }
  });
});
