// The minimal server of the per-call benchmark: answers every POST with the same small successSyncLead
// envelope, at once, on keep-alive connections. It does no SOAP work, so what is measured is the client.
import http from 'node:http';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';

/** A successSyncLead answer, as small as the schema allows. */
export const SYNC_LEAD_ANSWER =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="${MKTOWS_NAMESPACE}">` +
  '<SOAP-ENV:Body><ns1:successSyncLead><result><leadId>1</leadId><syncStatus><leadId>1</leadId><status>UPDATED</status>' +
  '</syncStatus></result></ns1:successSyncLead></SOAP-ENV:Body></SOAP-ENV:Envelope>';

/** Starts the server on a free loopback port. */
export async function startMinimalServer() {
  const body = Buffer.from(SYNC_LEAD_ANSWER);
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/soap/mktows/2_2`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
