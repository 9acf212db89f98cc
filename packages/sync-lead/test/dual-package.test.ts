// The package is published as an ESM and a CJS build; an application can load both (the dual-package
// hazard). Errors from one build must still pass `instanceof` checks written against the other.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as SyncLead from '../src/index.js';
import { describeWithShared, docsFixture, repoRoot, startRawServer } from '@org/test-support';

type ErrorsModule = typeof SyncLead;

const packageDir = path.join(repoRoot, 'packages/sync-lead');

async function loadBoth(): Promise<{ esm: ErrorsModule; cjs: ErrorsModule }> {
  const esm = (await import(path.join(packageDir, 'dist/esm/index.js'))) as ErrorsModule;
  const cjs = createRequire(path.join(packageDir, 'package.json'))('./dist/cjs/index.js') as ErrorsModule;
  return { esm, cjs };
}

describe('errors across the ESM and CJS builds', () => {
  it('are different classes but recognise each other\'s instances', async () => {
    const { esm, cjs } = await loadBoth();
    expect(esm.MarketoError).not.toBe(cjs.MarketoError);
    const fromCjs = new cjs.MarketoError({ code: 20023, faultString: '20023 - Rate Limit Exceeded', faultCode: 'SOAP-ENV:Client', retryable: true });
    expect(fromCjs).toBeInstanceOf(esm.MarketoError);
    expect(fromCjs).toBeInstanceOf(esm.SyncLeadError);
    expect(fromCjs).not.toBeInstanceOf(esm.TransportError);
    const timeout = new esm.TimeoutError(100);
    expect(timeout).toBeInstanceOf(cjs.TimeoutError);
    expect(timeout).toBeInstanceOf(cjs.TransportError);
    expect(new esm.TransportError({ message: 'x', retryable: false })).not.toBeInstanceOf(cjs.TimeoutError);
    expect(esm.isRetryableError(fromCjs)).toBe(true);
  });

  it('ValidationError is the one class of @org/mktows-auth', async () => {
    const { esm, cjs } = await loadBoth();
    expect(new cjs.ValidationError('id', 'must be positive')).toBeInstanceOf(esm.ValidationError);
  });

  it('classes derived by users keep the ordinary prototype check', async () => {
    const { esm } = await loadBoth();
    class AppError extends esm.MarketoError {}
    const plain = new esm.MarketoError({ code: 20014, faultString: '', faultCode: '', retryable: false });
    expect(new AppError({ code: 20014, faultString: '', faultCode: '', retryable: false })).toBeInstanceOf(AppError);
    expect(plain).not.toBeInstanceOf(AppError);
  });
});

describeWithShared('both builds work end to end', () => {
  it.each(['esm', 'cjs'] as const)('the %s build syncs a lead over HTTP', async (build) => {
    const server = await startRawServer(() => ({ body: docsFixture('synclead.response.xml') }));
    const module = (await loadBoth())[build];
    const client = module.createSyncLeadClient({ endpoint: server.url, userId: 'u', secretKey: 'k', rateLimit: false });
    try {
      await expect(client.syncLead({ email: 'both@example.com' })).resolves.toEqual({ leadId: 1089965, status: 'UPDATED' });
    } finally {
      client.close();
      await server.close();
    }
  });
});
