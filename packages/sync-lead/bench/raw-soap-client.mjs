// What a user of plain soap writes for the same syncLead call: soap's client on the WSDL file that
// @org/mktows-types ships, a signed AuthenticationHeader per call, a keep-alive agent.
import http from 'node:http';
import { createRequire } from 'node:module';
import { createAuthenticationHeader, createCredentials } from '@org/mktows-auth';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';
import soap from 'soap';

const require = createRequire(import.meta.url);

/** The WSDL file the types package ships. */
export const wsdlPath = require.resolve('@org/mktows-types/mktows.wsdl');

function headerXml(credentials) {
  const { mktowsUserId, requestSignature, requestTimestamp } = createAuthenticationHeader({ credentials });
  return (
    `<ns1:AuthenticationHeader xmlns:ns1="${MKTOWS_NAMESPACE}"><mktowsUserId>${mktowsUserId}</mktowsUserId>` +
    `<requestSignature>${requestSignature}</requestSignature><requestTimestamp>${requestTimestamp}</requestTimestamp>` +
    '</ns1:AuthenticationHeader>'
  );
}

/** A syncLead function on plain soap: `(email, attributes) => Promise<result>`. */
export async function createRawSoapSyncLead({ endpoint, userId, secretKey }) {
  const credentials = createCredentials({ userId, secretKey });
  const client = await soap.createClientAsync(wsdlPath, {});
  client.setEndpoint(endpoint);
  client.addSoapHeader(() => headerXml(credentials));
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  return {
    async syncLead(email, attributes) {
      const attribute = Object.entries(attributes).map(([attrName, attrValue]) => ({ attrName, attrValue: String(attrValue) }));
      const [result] = await client.syncLeadAsync(
        { leadRecord: { Email: email, leadAttributeList: { attribute } }, returnLead: false },
        { httpAgent },
      );
      return result;
    },
    /** The last envelope sent (soap's lastRequest; fine here: calls are never concurrent). */
    lastRequest: () => client.lastRequest,
    close: () => httpAgent.destroy(),
  };
}
