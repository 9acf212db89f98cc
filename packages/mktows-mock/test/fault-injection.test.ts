// Seeded fault injection: the same seed gives the same faults call by call; injected faults never apply
// the write, except resetAfterCommit, whose whole point is a write the client never hears about.
import { afterEach, describe, expect, it } from 'vitest';

import type { FaultInjectionOptions, MockServer } from '../src/index.js';
import { leadRecordXml } from './support/raw-calls.js';
import { envelope, faultCodeOf, parseXml, postSoap, textOf } from './support/soap-http.js';
import { startTestServer } from './support/test-server.js';

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(faults: FaultInjectionOptions, seed?: number): Promise<MockServer> {
  const server = await startTestServer({ faults, seed });
  servers.push(server);
  return server;
}

function syncLeadXml(email: string): string {
  return envelope(
    `<ns1:paramsSyncLead>${leadRecordXml({ Email: email })}<returnLead>false</returnLead></ns1:paramsSyncLead>`,
  );
}

/** What one syncLead call looked like to the client. */
async function outcome(server: MockServer, email: string): Promise<string> {
  let answer;
  try {
    answer = await postSoap(server.url, 'syncLead', syncLeadXml(email));
  } catch {
    return 'reset';
  }
  if (answer.status === 503) return 'http503';
  if (answer.status === 500) return `fault:${faultCodeOf(answer)}`;
  try {
    return textOf(parseXml(answer.text), 'status') === 'CREATED' ? 'ok' : 'unexpected';
  } catch {
    return 'malformed';
  }
}

async function outcomes(server: MockServer, count: number, prefix = 'lead'): Promise<string[]> {
  const seen: string[] = [];
  for (let call = 0; call < count; call += 1) seen.push(await outcome(server, `${prefix}${call}@example.com`));
  return seen;
}

const MIXED: FaultInjectionOptions = {
  http503: 0.15,
  reset: 0.15,
  malformed: 0.15,
  marketo: [
    { code: 20011, rate: 0.1 },
    { code: 20023, rate: 0.1 },
  ],
};

describe('seeded fault injection', () => {
  it('injects the same faults in the same order for the same seed, and others for another seed', async () => {
    const [first, second, other] = await Promise.all([start(MIXED, 42), start(MIXED, 42), start(MIXED, 43)]);
    const sequence = await outcomes(first, 40);
    expect(await outcomes(second, 40)).toEqual(sequence);
    expect(await outcomes(other, 40)).not.toEqual(sequence);
    expect(new Set(sequence)).toEqual(new Set(['ok', 'http503', 'reset', 'malformed', 'fault:20011', 'fault:20023']));
  });

  it('restarts the sequence from the seed on reset()', async () => {
    const server = await start(MIXED, 7);
    const sequence = await outcomes(server, 20);
    server.reset();
    expect(await outcomes(server, 20)).toEqual(sequence);
  });

  it('never applies the write of a call it faults, and counts what it injected', async () => {
    const server = await start(MIXED, 99);
    const sequence = await outcomes(server, 60);
    const okEmails = sequence.flatMap((result, call) => (result === 'ok' ? [`lead${call}@example.com`] : []));
    expect(server.leads().map((lead) => lead.email)).toEqual(okEmails);
    const count = (label: string) => sequence.filter((result) => result === label).length;
    expect(server.stats()).toMatchObject({
      requests: 60,
      injected: {
        http503: count('http503'),
        reset: count('reset'),
        malformed: count('malformed'),
        marketo: { 20011: count('fault:20011'), 20023: count('fault:20023') },
      },
      faults: { 20011: count('fault:20011'), 20023: count('fault:20023') },
    });
  });

  it('resetAfterCommit applies the write, then resets the connection', async () => {
    const server = await start({ resetAfterCommit: 1 });
    expect(await outcome(server, 'lost-answer@example.com')).toBe('reset');
    expect(server.leads().map((lead) => lead.email)).toEqual(['lost-answer@example.com']);
    expect(server.stats().injected.resetAfterCommit).toBe(1);
  });

  it('answers injected Marketo faults in Marketo’s shape: Server for internal errors, Client otherwise', async () => {
    const internal = await start({ marketo: [{ code: 20011, rate: 1 }] });
    const answer = await postSoap(internal.url, 'syncLead', syncLeadXml('x@example.com'));
    expect(answer.status).toBe(500);
    expect(textOf(parseXml(answer.text), 'faultcode')).toBe('SOAP-ENV:Server');
    expect(textOf(parseXml(answer.text), 'message')).toBe('Internal Error: injected by mktows-mock (20011)');
    const limit = await start({ marketo: [{ code: 20024, rate: 1 }] });
    const limitAnswer = await postSoap(limit.url, 'syncLead', syncLeadXml('x@example.com'));
    expect(textOf(parseXml(limitAnswer.text), 'faultcode')).toBe('SOAP-ENV:Client');
  });

  it('checks authentication before an injected Marketo fault', async () => {
    const server = await start({ marketo: [{ code: 20011, rate: 1 }] });
    const answer = await postSoap(server.url, 'syncLead', envelope('<ns1:paramsSyncLead/>', ''));
    expect(faultCodeOf(answer)).toBe(20014);
    expect(server.stats().injected.marketo).toEqual({});
  });

  it('delays calls by injected latency and still answers them', async () => {
    const server = await start({ latency: { rate: 1, minMs: 1, maxMs: 5 } });
    expect(await outcomes(server, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(server.stats().injected.latency).toBe(3);
  });

  it('limits faults to the listed operations', async () => {
    const server = await start({ http503: 1, operations: ['getLead'] });
    expect(await outcomes(server, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    const answer = await postSoap(
      server.url,
      'getLead',
      envelope(
        '<ns1:paramsGetLead><leadKey><keyType>IDNUM</keyType><keyValue>1</keyValue></leadKey></ns1:paramsGetLead>',
      ),
    );
    expect(answer.status).toBe(503);
  });

  it('failNext queues faults for the next calls, ahead of the seeded sequence, which it leaves unchanged', async () => {
    const [queued, plain] = await Promise.all([start(MIXED, 5), start(MIXED, 5)]);
    queued.failNext(20016, 'reset', 'http503', 'malformed');
    expect(await outcomes(queued, 4, 'queued')).toEqual(['fault:20016', 'reset', 'http503', 'malformed']);
    expect(await outcomes(queued, 15)).toEqual(await outcomes(plain, 15));
    expect(() => queued.failNext(12345)).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'faults[0]' }),
    );
    expect(() => queued.failNext('explode' as never)).toThrow(expect.objectContaining({ field: 'faults[0]' }));
  });

  it('failNext works without any configured faults, and reset() drops what is still queued', async () => {
    const server = await start({});
    server.failNext(20024, 20024);
    expect(await outcomes(server, 2)).toEqual(['fault:20024', 'fault:20024']);
    expect(await outcomes(server, 1, 'after')).toEqual(['ok']);
    server.failNext('http503');
    server.reset();
    expect(await outcomes(server, 1)).toEqual(['ok']);
  });

  it.each([
    [{ http503: 1.5 }, 'faults.http503'],
    [{ reset: 0.6, malformed: 0.6 }, 'faults'],
    [{ marketo: [{ code: 12345, rate: 0.1 }] }, 'faults.marketo[0].code'],
    [{ latency: { rate: 0.5, minMs: 10, maxMs: 5 } }, 'faults.latency'],
  ] as const)('refuses bad options, naming the option (%j)', async (faults, field) => {
    await expect(start(faults as FaultInjectionOptions)).rejects.toMatchObject({ name: 'ValidationError', field });
  });
});
