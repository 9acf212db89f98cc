// A raw HTTP server on loopback that answers with scripted responses and records every request,
// for tests that need exact bytes on the wire (documentation envelopes, broken bodies, resets) and for
// hostile servers (bodies that never end, silence, bytes that are not HTTP).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request. */
export interface RecordedRequest {
  /** HTTP method, e.g. `POST`. */
  method: string;
  /** The request target: path and query, e.g. `/rest/v1/leads.json`. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the server does with one request. */
export type RawReply =
  | { status?: number; body: string | Buffer; headers?: Record<string, string> }
  | { reset: true }
  /** Reads the request and says nothing, ever (until the client gives up or the server closes). */
  | { hang: true }
  /** Sends the headers, then `chunk` every `everyMs` ms for as long as the client reads. */
  | { status?: number; endless: { chunk: string | Buffer; everyMs: number }; headers?: Record<string, string> }
  /** Writes these bytes on the socket instead of an HTTP response, then closes it. */
  | { rawSocket: string | Buffer };

/** A running raw server. */
export interface RawServer {
  url: string;
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

/** What a raw server answers the n-th request (0-based) with, or a promise of it (replies a test holds back). */
export type RawScript = (index: number, request: RecordedRequest) => RawReply | Promise<RawReply>;

/**
 * Starts a server on 127.0.0.1 (a free port) answering the n-th request with `reply(n, request)`; its
 * `url` ends with `path` (the SOAP endpoint's path unless given).
 */
export async function startRawServer(reply: RawScript, path = '/soap/mktows/2_2'): Promise<RawServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void answer());
    const answer = async (): Promise<void> => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = requests.push(recorded) - 1;
      for (const waiter of waiters.filter((candidate) => candidate.count <= requests.length)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const scripted = await reply(index, recorded);
      if ('reset' in scripted) {
        req.socket.resetAndDestroy();
        return;
      }
      if ('hang' in scripted) {
        hanging.add(res);
        return;
      }
      if ('rawSocket' in scripted) {
        req.socket.end(scripted.rawSocket);
        return;
      }
      res.writeHead(scripted.status ?? 200, { 'content-type': 'text/xml; charset=utf-8', ...scripted.headers });
      if ('endless' in scripted) {
        hanging.add(res);
        const { chunk, everyMs } = scripted.endless;
        const timer = setInterval(() => res.write(chunk), everyMs);
        res.on('close', () => clearInterval(timer));
        return;
      }
      res.end(scripted.body);
    };
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    connections: () => connections,
    waitForRequests: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request's SOAPAction header without quotes. */
export function soapActionOf(request: RecordedRequest): string {
  return String(request.headers.soapaction ?? '').replace(/"/g, '');
}

/** A Marketo-shaped SOAP fault envelope for `code`, made from the documentation's fault-20014 sample. */
export function faultEnvelope(fault20014: string, code: number, message: string): string {
  return fault20014
    .replace('<faultstring>20014 - Authentication failed</faultstring>', `<faultstring>${code} - ${message}</faultstring>`)
    .replace('<message>Authentication failed (20014)</message>', `<message>${message} (${code})</message>`)
    .replace('<code>20014</code>', `<code>${code}</code>`);
}
