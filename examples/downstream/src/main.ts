// A downstream program using the published packages as an ES module. The
// release test compiles this same file twice, with `NodeNext` and with
// `bundler` module resolution, then runs both outputs with node.
import { createHmac, randomBytes } from 'node:crypto';
import { SYNC_ACTION_VALUES, type SyncLeadRequest } from '@org/marketo-rest-types';
import { signRequest } from '@org/mktows-auth';
import { startMockServer } from '@org/mktows-mock';
import { wsdlDocument, type ParamsSyncLead, type SyncStatus } from '@org/mktows-types';
import { createSyncLeadClient, LimitStoreUnavailableError } from '@org/sync-lead';
import { createRedisLimitStore } from '@org/sync-lead/redis';

/** Throws when a check fails, so the process exits non-zero with the reason. */
function expectEqual<T>(what: string, actual: T, expected: T): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

async function main(): Promise<void> {
  const userId = 'downstream_esm';
  const secretKey = randomBytes(24).toString('hex');

  // The signature a hand-written integration would compute, checked against Marketo's algorithm.
  const timestamp = '2013-07-31T12:38:47-07:00';
  const expectedSignature = createHmac('sha1', secretKey)
    .update(timestamp + userId)
    .digest('hex');
  expectEqual('signRequest', signRequest({ userId, secretKey, timestamp }), expectedSignature);
  expectEqual('wsdlDocument names syncLead', wsdlDocument.includes('syncLead'), true);

  const rest = { clientId: `${userId}_client`, clientSecret: randomBytes(24).toString('hex') };
  const server = await startMockServer({ userId, secretKey, rest });
  const client = createSyncLeadClient({ endpoint: server.url, userId, secretKey });
  const restClient = createSyncLeadClient({ rest: { endpoint: server.restUrl, ...rest } });
  try {
    const email = 'george@jungle.example';
    const created = await client.syncLead({ email, attributes: { FirstName: 'George' } });
    const updated = await client.syncLead({ email, attributes: { LastName: 'of the Jungle' } });

    // The generated wire types and the helper's results agree on the status vocabulary.
    const statuses: SyncStatus['status'][] = [created.status, updated.status];
    const returnLead: ParamsSyncLead['returnLead'] = false;
    expectEqual('first sync', statuses[0], 'CREATED');
    expectEqual('second sync', statuses[1], 'UPDATED');
    expectEqual('same lead', updated.leadId, created.leadId);

    // The generated REST types: the same lead as Marketo's REST Sync Leads body.
    const restBody: SyncLeadRequest = { action: 'createOrUpdate', lookupField: 'email', input: [{ email, firstName: 'George' }] };
    expectEqual('REST action is a generated SyncAction', SYNC_ACTION_VALUES.includes(restBody.action!), true);

    // The migration path: the same lead, synced over the mock's REST side.
    const overRest = await restClient.syncLead({ email, attributes: { Title: 'King' } });
    expectEqual('REST sync', overRest.status, 'UPDATED');
    expectEqual('same lead over REST', overRest.leadId, created.leadId);

    // The Redis entry point: a store whose Redis is not there fails the call with the typed error, and
    // nothing reaches the server (no call goes out without the shared limits).
    const shared = createSyncLeadClient({
      endpoint: server.url,
      userId,
      secretKey,
      limitStore: createRedisLimitStore({ url: 'redis://127.0.0.1:1', whenUnavailable: 'fail' }),
    });
    const refused = await shared.syncLead({ email }).then(() => undefined, (error: unknown) => error);
    shared.close();
    expectEqual('no Redis: LimitStoreUnavailableError', refused instanceof LimitStoreUnavailableError, true);
    expectEqual('no Redis: nothing sent', server.stats().calls.syncLead, 2);
    console.log(JSON.stringify({ module: 'esm', leadId: created.leadId, statuses, returnLead }));
  } finally {
    client.close(); // the client keeps a keep-alive agent; close it so the process can exit
    restClient.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
