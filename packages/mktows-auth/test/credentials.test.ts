import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import { createCredentials, Credentials, ValidationError } from '../src/index.js';

const SECRET = 'S3cr3t-K3y-\u00e9-\u{1F511}';

describe('createCredentials', () => {
  const credentials = createCredentials({ userId: 'bigcorp1_461839624B16E06BA2D663', secretKey: SECRET });

  it('exposes the user id', () => {
    expect(credentials.userId).toBe('bigcorp1_461839624B16E06BA2D663');
    expect(credentials).toBeInstanceOf(Credentials);
    expect(Credentials.isCredentials(credentials)).toBe(true);
    expect(Credentials.isCredentials({ userId: 'x', secretKey: 'y' })).toBe(false);
  });

  it('never shows the key through toString, toJSON, JSON.stringify, util.inspect or template strings', () => {
    const renderings = [
      String(credentials),
      `${String(credentials)}`,
      credentials.toString(),
      JSON.stringify(credentials),
      JSON.stringify({ nested: [credentials] }),
      inspect(credentials),
      inspect(credentials, { showHidden: true, depth: Infinity }),
      inspect(credentials, { customInspect: false, showHidden: true, depth: Infinity }),
      inspect({ nested: credentials }),
    ];
    for (const text of renderings) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('S3cr3t');
    }
    expect(String(credentials)).toBe('Credentials(userId=bigcorp1_461839624B16E06BA2D663, secretKey=[redacted])');
    expect(JSON.parse(JSON.stringify(credentials))).toEqual({
      userId: 'bigcorp1_461839624B16E06BA2D663',
      secretKey: '[redacted]',
    });
    expect(inspect(credentials)).toBe(
      `Credentials { userId: "bigcorp1_461839624B16E06BA2D663", secretKey: "[redacted]" }`,
    );
  });

  it('has no own property holding the key (spread, keys, structuredClone, Object.entries)', () => {
    expect(Object.keys(credentials)).toEqual(['userId']);
    expect(Reflect.ownKeys(credentials)).toEqual(['userId']);
    expect({ ...credentials }).toEqual({ userId: 'bigcorp1_461839624B16E06BA2D663' });
    expect(JSON.stringify(structuredClone(credentials))).not.toContain('S3cr3t');
    expect(JSON.stringify(Object.entries(Object.getOwnPropertyDescriptors(credentials)))).not.toContain('S3cr3t');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(credentials)).toBe(true);
    expect(() => {
      (credentials as { userId: string }).userId = 'other';
    }).toThrow(TypeError);
  });

  it('validates both fields', () => {
    expect(() => createCredentials({ userId: '', secretKey: SECRET })).toThrow(
      expect.objectContaining({ field: 'userId', rule: 'must not be empty' }),
    );
    expect(() => createCredentials({ userId: 'u', secretKey: '   ' })).toThrow(
      expect.objectContaining({ field: 'secretKey' }),
    );
    expect(() => createCredentials(null as never)).toThrow(ValidationError);
  });
});
