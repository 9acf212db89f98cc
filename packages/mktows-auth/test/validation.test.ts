import { describe, expect, it } from 'vitest';

import {
  createAuthenticationHeader,
  createAuthenticationHeaderAsync,
  createContextHeader,
  createCredentials,
  signRequest,
  signRequestAsync,
  ValidationError,
} from '../src/index.js';
import * as webcryptoEntry from '../src/webcrypto.js';

const valid = { userId: 'bigcorp1_461839624B16E06BA2D663', secretKey: 'k3y', timestamp: '2013-07-31T12:38:47-07:00' };

// [title, input overrides, field the error must name, text the rule must contain]
const BAD_SIGNING_INPUTS: [string, Record<string, unknown>, string, string][] = [
  ['empty userId', { userId: '' }, 'userId', 'must not be empty'],
  ['blank userId', { userId: ' \t ' }, 'userId', 'blank'],
  ['numeric userId', { userId: 42 }, 'userId', 'must be a string (got number)'],
  ['null userId', { userId: null }, 'userId', 'got null'],
  ['missing userId', { userId: undefined }, 'userId', 'got undefined'],
  ['userId with a control character', { userId: 'bigcorp\u0001' }, 'userId', 'XML 1.0'],
  ['userId with U+FFFF', { userId: 'bigcorp\uFFFF' }, 'userId', 'XML 1.0'],
  ['userId with a lone surrogate', { userId: 'bigcorp\uD800' }, 'userId', 'lone surrogate'],
  ['empty secretKey', { secretKey: '' }, 'secretKey', 'must not be empty'],
  ['blank secretKey', { secretKey: '\n' }, 'secretKey', 'blank'],
  ['Buffer secretKey', { secretKey: Buffer.from('k3y') }, 'secretKey', 'must be a string (got object)'],
  ['array secretKey', { secretKey: ['k3y'] }, 'secretKey', 'got array'],
  ['secretKey with a lone low surrogate', { secretKey: 'k\uDC00y' }, 'secretKey', 'lone surrogate'],
  ['missing timestamp', { timestamp: undefined }, 'timestamp', 'must be a string'],
  ['Date timestamp', { timestamp: new Date() }, 'timestamp', 'formatTimestamp'],
  ['timestamp without zone', { timestamp: '2013-07-31T12:38:47' }, 'timestamp', 'W3C date-time'],
  ['timestamp with impossible date', { timestamp: '2013-02-30T12:38:47-07:00' }, 'timestamp', 'W3C date-time'],
  ['timestamp as epoch text', { timestamp: '1375299527' }, 'timestamp', 'W3C date-time'],
  [
    'credentials that are not from createCredentials',
    { userId: undefined, secretKey: undefined, credentials: { userId: 'u', secretKey: 'k' } },
    'credentials',
    'createCredentials',
  ],
];

describe('signRequest and signRequestAsync validation', () => {
  it.each(BAD_SIGNING_INPUTS)('%s -> ValidationError on %s', async (_title, overrides, field, ruleText) => {
    const input = { ...valid, ...overrides } as Parameters<typeof signRequest>[0];
    const check = (error: unknown): void => {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ name: 'ValidationError', field });
      const { rule, message } = error as ValidationError;
      expect(rule).toContain(ruleText);
      expect(message).toBe(`Invalid ${field}: ${rule}`);
    };
    expect(() => signRequest(input)).toThrow(ValidationError);
    try {
      signRequest(input);
    } catch (error) {
      check(error);
    }
    await signRequestAsync(input).then(
      () => expect.unreachable('signRequestAsync should reject'),
      (error: unknown) => check(error),
    );
  });

  it('rejects credentials combined with userId/secretKey', () => {
    const credentials = createCredentials({ userId: 'u', secretKey: 'k' });
    expect(() => signRequest({ credentials, userId: 'v', timestamp: valid.timestamp })).toThrow(
      expect.objectContaining({ field: 'credentials', rule: expect.stringContaining('not be combined') }),
    );
  });

  it('rejects a non-object input, naming options', () => {
    for (const input of [null, undefined, 'userId', 7]) {
      expect(() => signRequest(input as never)).toThrow(expect.objectContaining({ field: 'options' }));
    }
  });
});

describe('createAuthenticationHeader validation', () => {
  const BAD_HEADER_OPTIONS: [string, Record<string, unknown>, string][] = [
    ['now that is not a function', { now: new Date() }, 'now'],
    ['now returning an invalid Date', { now: () => new Date('nope') }, 'now'],
    ['now returning a number', { now: () => Date.now() }, 'now'],
    ['clockOffsetMs NaN', { clockOffsetMs: Number.NaN }, 'clockOffsetMs'],
    ['clockOffsetMs as text', { clockOffsetMs: '1000' }, 'clockOffsetMs'],
    ['offsetMinutes 15.5', { offsetMinutes: 15.5 }, 'offsetMinutes'],
    ['offsetMinutes beyond +14:00', { offsetMinutes: 900 }, 'offsetMinutes'],
    [
      'clock pushed beyond year 9999',
      { now: () => new Date('9999-12-31T23:59:59Z'), clockOffsetMs: 86_400_000 },
      'date',
    ],
    ['empty userId', { userId: '' }, 'userId'],
    ['numeric secretKey', { secretKey: 1234 }, 'secretKey'],
  ];

  it.each(BAD_HEADER_OPTIONS)('%s -> ValidationError on %s', async (_title, overrides, field) => {
    const options = { userId: valid.userId, secretKey: valid.secretKey, ...overrides } as never;
    expect(() => createAuthenticationHeader(options)).toThrow(
      expect.objectContaining({ name: 'ValidationError', field }),
    );
    await expect(createAuthenticationHeaderAsync(options)).rejects.toMatchObject({ name: 'ValidationError', field });
  });
});

describe('createContextHeader validation', () => {
  it.each([[''], ['  '], [undefined], [null], [3], ['ws\u0000'], ['ws\uDBFF']])(
    'rejects %j naming targetWorkspace',
    (value) => {
      expect(() => createContextHeader(value as never)).toThrow(
        expect.objectContaining({ name: 'ValidationError', field: 'targetWorkspace' }),
      );
    },
  );
});

describe('ValidationError', () => {
  it('is an Error with name, field, rule, and a stack that starts with its name', () => {
    const error = new ValidationError('userId', 'must not be empty');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Invalid userId: must not be empty');
    expect(error.stack?.split('\n')[0]).toBe('ValidationError: Invalid userId: must not be empty');
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
  });

  it('is the same class from both entry points', () => {
    expect(webcryptoEntry.ValidationError).toBe(ValidationError);
  });

  it('recognises instances from another copy of the package (ESM and CJS builds)', () => {
    // What a ValidationError made by the other build looks like to this one: same brand, other class.
    const OtherCopy = class ValidationError extends Error {};
    Object.defineProperty(OtherCopy.prototype, Symbol.for('@org/mktows-auth.ValidationError'), { value: true });
    expect(new OtherCopy('x')).toBeInstanceOf(ValidationError);
    expect(new Error('x')).not.toBeInstanceOf(ValidationError);
    expect({ field: 'x', rule: 'y' }).not.toBeInstanceOf(ValidationError);
  });

  it('keeps the ordinary prototype check for subclasses', () => {
    class StricterError extends ValidationError {}
    expect(new StricterError('f', 'r')).toBeInstanceOf(StricterError);
    expect(new StricterError('f', 'r')).toBeInstanceOf(ValidationError);
    expect(new ValidationError('f', 'r')).not.toBeInstanceOf(StricterError);
  });
});
