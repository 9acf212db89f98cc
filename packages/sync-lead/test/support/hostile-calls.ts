// What hostile servers answer: Marketo-shaped envelopes written here (no ../shared needed) that carry
// oversized text, echoes of the request's secrets, or bytes that are not what they claim, and the runner
// that calls such a server from a child process (test/support/hostile-client.mjs) and reads its report.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MKTOWS_NAMESPACE } from '@org/mktows-types';
import { elementTexts, type RawReply, type RawServer, type RecordedRequest, runProcess, startRawServer } from '@org/test-support';
import { afterAll, beforeAll } from 'vitest';

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"' +
  ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns1="${MKTOWS_NAMESPACE}"><SOAP-ENV:Body>`;
const ENVELOPE_CLOSE = '</SOAP-ENV:Body></SOAP-ENV:Envelope>';

/** `text` escaped as XML character data. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A successSyncLead answer whose syncStatus is `status`, with `error` text when given. */
export function syncLeadAnswer(status: 'CREATED' | 'UPDATED' | 'FAILED', error?: string, leadId = '1089965'): string {
  const errorElement = error === undefined ? '<error xsi:nil="true" />' : `<error>${error}</error>`;
  return (
    `${ENVELOPE_OPEN}<ns1:successSyncLead><result><leadId>${leadId}</leadId><syncStatus><leadId>${leadId}</leadId>` +
    `<status>${status}</status>${errorElement}</syncStatus><leadRecord xsi:nil="true" /></result></ns1:successSyncLead>${ENVELOPE_CLOSE}`
  );
}

/** A successSyncMultipleLeads answer creating `count` leads. */
export function syncMultipleLeadsAnswer(count: number): string {
  const statuses = Array.from(
    { length: count },
    (_, index) => `<syncStatus><leadId>${100 + index}</leadId><status>CREATED</status></syncStatus>`,
  );
  return `${ENVELOPE_OPEN}<ns1:successSyncMultipleLeads><result><syncStatusList>${statuses.join('')}</syncStatusList></result></ns1:successSyncMultipleLeads>${ENVELOPE_CLOSE}`;
}

/** A SOAP fault with `faultcode` and `faultstring` (already XML text), and Marketo's detail when `code` is given. */
export function faultAnswer(faultCode: string, faultString: string, code?: number): string {
  const detail =
    code === undefined
      ? ''
      : `<detail><ns1:serviceException><name>mktServiceException</name><message>fault (${code})</message><code>${code}</code></ns1:serviceException></detail>`;
  return `${ENVELOPE_OPEN}<SOAP-ENV:Fault><faultcode>${faultCode}</faultcode><faultstring>${faultString}</faultstring>${detail}</SOAP-ENV:Fault>${ENVELOPE_CLOSE}`;
}

/** The signature in a recorded request. */
export function signatureOf(request: RecordedRequest): string {
  return elementTexts(request.body, 'requestSignature')[0] ?? '';
}

/** How a call in the child process ended, as it reported it. */
export interface HostileReport {
  settled: 'resolved' | 'rejected';
  error?: PrintedError;
  result?: unknown;
  durationMs: number;
  /** Peak RSS after the call minus RSS before it, in MiB. */
  growthMb: number;
  /** The trace events of the client, as JSON. */
  traces: string;
}

/** An error as the child printed it. */
export interface PrintedError {
  name: string;
  message: string;
  details: Record<string, unknown>;
  causeNames: string[];
  /** util.inspect, JSON, String and stack of the error and of each cause. */
  printed: string;
}

/** What the child is asked to do. */
export interface HostileRun {
  mode: 'sync-lead' | 'bulk' | 'raw';
  userId: string;
  secretKey: string;
  timeoutMs: number;
  /** The answer to the first request (the ordinary warm-up call). */
  warmUp: RawReply;
  /** The answer to every later request. */
  hostile: (request: RecordedRequest) => RawReply;
}

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostile-client.mjs');

/** Runs the child against a fresh hostile server; resolves with its report and every signature it sent. */
export async function runHostileClient(
  run: HostileRun,
): Promise<{ report: HostileReport; signatures: string[]; requests: number }> {
  const server = await startRawServer((index, request) => (index === 0 ? run.warmUp : run.hostile(request)));
  try {
    const { mode, userId, secretKey, timeoutMs } = run;
    const child = await runProcess(
      process.execPath,
      [childScript, JSON.stringify({ mode, endpoint: server.url, userId, secretKey, timeoutMs })],
      {},
      undefined,
      {
        killAfterMs: timeoutMs + 30_000,
      },
    );
    if (child.code !== 0 || child.stderr !== '')
      throw new Error(`hostile client failed (${child.code}): ${child.stderr.slice(0, 2000)}`);
    const report = JSON.parse(child.stdout) as HostileReport;
    return { report, signatures: server.requests.map(signatureOf), requests: server.requests.length };
  } finally {
    await server.close();
  }
}

/** Each call's timeout in the hostile tests. */
export const TIMEOUT_MS = 2000;
/** "Within its deadline": the attempt's timeout plus room for a slow, shared machine. */
export const DEADLINE_MS = TIMEOUT_MS + 3000;
/** How much a child process may grow while a hostile server answers it. */
export const MAX_GROWTH_MB = 64;
export const MEGABYTE = 1024 * 1024;

/** What the hostile tests of a file share: a gzip bomb and a server elsewhere (the target of redirects). */
export interface HostileFixtures {
  /** 1 GiB of zeros in ~1 MB: what the issue measured at +2.09 GB of RSS. */
  readonly gzipBomb: Buffer;
  /** A well-behaved server on another port, answering syncLead with CREATED. */
  readonly elsewhere: RawServer;
}

/** Makes the HostileFixtures before the tests of a file and closes the server after them. */
export function useHostileFixtures(): HostileFixtures {
  let fixtures: HostileFixtures | undefined;
  beforeAll(async () => {
    fixtures = {
      gzipBomb: gzipSync(Buffer.alloc(1024 * MEGABYTE), { level: 9 }),
      elsewhere: await startRawServer(() => ({ body: syncLeadAnswer('CREATED') })),
    };
  });
  afterAll(() => fixtures?.elsewhere.close());
  return {
    get gzipBomb() {
      return fixtures!.gzipBomb;
    },
    get elsewhere() {
      return fixtures!.elsewhere;
    },
  };
}
