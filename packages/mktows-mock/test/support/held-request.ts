// A SOAP request held open mid-body: the server has its headers (it counts in `stats().requests`, and its
// arrival time is taken) but not the call, which is not in flight until the test finishes sending it.
import { request } from 'node:http';

import type { MockServer } from '../../src/index.js';
import type { SoapAnswer } from './soap-http.js';
import { MKTOWS_NS } from './soap-http.js';

/** A request in flight. */
export interface HeldRequest {
  /** Sends the rest of the body and resolves with the answer. */
  finish(): Promise<SoapAnswer>;
}

/** Resolves once `server` has received `count` requests in total (polling its stats, no timers). */
export async function untilRequestsReceived(server: MockServer, count: number): Promise<void> {
  while (server.stats().requests < count) await new Promise((resolve) => setImmediate(resolve));
}

/** Starts POSTing `xml` as `operation`, sending only its first half. */
export function holdRequest(url: string, operation: string, xml: string): HeldRequest {
  const half = Math.floor(xml.length / 2);
  const outgoing = request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${MKTOWS_NS}${operation}"` },
    agent: false,
  });
  const answer = new Promise<SoapAnswer>((resolve, reject) => {
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (typeof value === 'string') headers.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
  });
  outgoing.write(xml.slice(0, half));
  return {
    finish: () => {
      outgoing.end(xml.slice(half));
      return answer;
    },
  };
}
