// The floor of the per-call benchmark: a prebuilt syncLead envelope POSTed on a keep-alive agent, the
// answer read as bytes and not parsed. No SOAP client can be faster than this over HTTP.
import http from 'node:http';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';

/** A POST of a fixed body: `() => Promise<answer length>`. */
export function createFloorClient(endpoint, envelope) {
  const url = new URL(endpoint);
  const body = Buffer.from(envelope);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  const headers = {
    'content-type': 'text/xml; charset=utf-8',
    soapaction: `"${MKTOWS_NAMESPACE}syncLead"`,
    'content-length': body.length,
  };
  return {
    post: () =>
      new Promise((resolve, reject) => {
        const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers }, (response) => {
          let length = 0;
          response.on('data', (chunk) => (length += chunk.length));
          response.on('end', () => resolve(length));
          response.on('error', reject);
        });
        request.on('error', reject);
        request.end(body);
      }),
    close: () => agent.destroy(),
  };
}
