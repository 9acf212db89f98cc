import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createCredentials, signRequest } from '../src/index.js';
import { MARKETO_DOC_EXAMPLE, PINNED_VECTORS } from './fixed-vectors.js';
import { hasOpenssl, nodeChildSignatures, opensslSignature } from './support/independent-hmac.js';
import { generateVectors } from './support/vectors.js';

const GENERATED = generateVectors(160);
const NON_ASCII = /[^\x20-\x7e]/;

describe('signRequest', () => {
  it.each(PINNED_VECTORS)('matches the pinned signature: $title', ({ userId, secretKey, timestamp, signature }) => {
    expect(signRequest({ userId, secretKey, timestamp })).toBe(signature);
  });

  it('returns 40 lowercase hex characters', () => {
    for (const vector of GENERATED.slice(0, 20)) expect(signRequest(vector)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('generates a vector set that really includes non-ASCII user ids and keys', () => {
    expect(GENERATED.filter((v) => NON_ASCII.test(v.userId)).length).toBeGreaterThan(60);
    expect(GENERATED.filter((v) => NON_ASCII.test(v.secretKey)).length).toBeGreaterThan(60);
    expect(GENERATED.filter((v) => Buffer.byteLength(v.secretKey) > 64).length).toBeGreaterThan(20);
  });

  it('agrees with node:crypto in a separate process on 160 generated vectors', () => {
    const expected = nodeChildSignatures(GENERATED);
    expect(GENERATED.map((vector) => signRequest(vector))).toEqual(expected);
  });

  it.skipIf(!hasOpenssl())('agrees with `openssl dgst -sha1 -hmac` on 160 generated vectors', () => {
    const mismatches = GENERATED.filter((vector) => signRequest(vector) !== opensslSignature(vector));
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!hasOpenssl())('agrees with openssl on the pinned vectors (the pins are not stale)', () => {
    for (const vector of PINNED_VECTORS) expect(opensslSignature(vector)).toBe(vector.signature);
  });

  it('signs exactly the bytes of timestamp + userId (changing either changes the signature)', () => {
    const base = signRequest(MARKETO_DOC_EXAMPLE);
    expect(signRequest({ ...MARKETO_DOC_EXAMPLE, userId: `${MARKETO_DOC_EXAMPLE.userId} ` })).not.toBe(base);
    expect(signRequest({ ...MARKETO_DOC_EXAMPLE, timestamp: '2013-07-31T12:38:48-07:00' })).not.toBe(base);
    expect(signRequest({ ...MARKETO_DOC_EXAMPLE, secretKey: MARKETO_DOC_EXAMPLE.secretKey.toLowerCase() })).not.toBe(
      base,
    );
  });

  it('does not normalise Unicode: composed and decomposed forms sign differently', () => {
    const composed = signRequest({ ...MARKETO_DOC_EXAMPLE, userId: 'caf\u00e9' });
    const decomposed = signRequest({ ...MARKETO_DOC_EXAMPLE, userId: 'cafe\u0301' });
    expect(composed).not.toBe(decomposed);
  });

  it('accepts credentials from createCredentials with the same result', () => {
    const credentials = createCredentials(MARKETO_DOC_EXAMPLE);
    expect(signRequest({ credentials, timestamp: MARKETO_DOC_EXAMPLE.timestamp })).toBe(MARKETO_DOC_EXAMPLE.signature);
  });

  it('accepts W3C timestamps with Z and fractional seconds, signing the text as given', () => {
    const timestamp = '2013-07-31T19:38:47.120Z';
    const vector = { ...MARKETO_DOC_EXAMPLE, timestamp };
    expect([signRequest(vector)]).toEqual(nodeChildSignatures([vector]));
  });
});

// Marketo's Java sample (HmacSHA1, hex), as the README shows it: a third implementation, when a JDK is present.
const JAVA_SAMPLE = `
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
public class MarketoSignature {
  public static void main(String[] args) throws Exception {
    String requestTimestamp = args[0], userId = args[1], secretKey = args[2];
    String encryptString = requestTimestamp + userId;
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    byte[] rawHmac = mac.doFinal(encryptString.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : rawHmac) hex.append(String.format("%02x", b));
    System.out.println(hex);
  }
}
`;

const hasJava = spawnSync('java', ['-version']).status === 0;

describe("Marketo's sample code", () => {
  it("the README's worked example is the pinned vector, and signRequest computes it", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const { userId, secretKey, timestamp, signature } = MARKETO_DOC_EXAMPLE;
    for (const text of [userId, secretKey, timestamp, `${timestamp}${userId}`, `**\`${signature}\`**`]) {
      expect(readme).toContain(text);
    }
    // Every 40-hex value in the README is this one signature (no stale example elsewhere).
    expect(new Set(readme.match(/\b[0-9a-f]{40}\b/g))).toEqual(new Set([signature]));
    expect(signRequest({ userId, secretKey, timestamp })).toBe(signature);
  });

  it.skipIf(!hasJava)("Java's HmacSHA1 sample computes the README's worked example", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mktows-java-'));
    try {
      const source = join(dir, 'MarketoSignature.java');
      writeFileSync(source, JAVA_SAMPLE);
      const { userId, secretKey, timestamp, signature } = MARKETO_DOC_EXAMPLE;
      const run = spawnSync('java', [source, timestamp, userId, secretKey], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe(signature);
      expect(signRequest({ userId, secretKey, timestamp })).toBe(signature);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
