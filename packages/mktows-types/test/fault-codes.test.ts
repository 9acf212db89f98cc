import { itWithShared, readShared } from '@org/test-support';
import { describe, expect, it } from 'vitest';
import { findMarketoFaultCode, marketoFaultCodes } from '../src/fault-codes.js';

describe('marketoFaultCodes', () => {
  itWithShared("equals Marketo's documented error-code table", () => {
    const documented: unknown = JSON.parse(readShared('fixtures/marketo-docs/error-codes.json'));
    expect(marketoFaultCodes).toEqual(documented);
  });

  it('is frozen, so no caller can change what a code means for everyone else', () => {
    expect(Object.isFrozen(marketoFaultCodes)).toBe(true);
    expect(Object.isFrozen(marketoFaultCodes[0])).toBe(true);
  });
});

describe('findMarketoFaultCode', () => {
  it('finds a code given as a number', () => {
    expect(findMarketoFaultCode(20014)).toMatchObject({ message: 'Authentication failed', retryable: false });
  });

  it('finds a code given as the string soap parses from a fault detail', () => {
    expect(findMarketoFaultCode('20023')).toMatchObject({ message: 'Rate Limit Exceeded', retryable: true });
    expect(findMarketoFaultCode(' 20016 ')?.code).toBe(20016);
  });

  it('returns undefined for undocumented or malformed codes', () => {
    expect(findMarketoFaultCode(99999)).toBeUndefined();
    expect(findMarketoFaultCode('abc')).toBeUndefined();
    expect(findMarketoFaultCode('')).toBeUndefined();
    expect(findMarketoFaultCode(20014.5)).toBeUndefined();
  });
});
