// Second sources for HMAC-SHA1 that share no code with the package: the openssl command line and
// node:crypto in a separate process. Inputs travel as UTF-8 bytes, never through a shell.
import { execFileSync, spawnSync } from 'node:child_process';

import type { Vector } from './vectors.js';

/** True when an `openssl` binary is on PATH. */
export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

/**
 * `openssl dgst -sha1 -mac HMAC -macopt hexkey:...` over `timestamp + userId`. The key is given as hex of its
 * UTF-8 bytes so that non-ASCII keys reach openssl byte-exact (no argv or locale encoding involved).
 */
export function opensslSignature({ userId, secretKey, timestamp }: Vector): string {
  const keyHex = Buffer.from(secretKey, 'utf8').toString('hex');
  const output = execFileSync('openssl', ['dgst', '-sha1', '-mac', 'HMAC', '-macopt', `hexkey:${keyHex}`], {
    input: Buffer.from(timestamp + userId, 'utf8'),
    encoding: 'utf8',
  });
  // "HMAC-SHA1(stdin)= <hex>" or "SHA1(stdin)= <hex>" depending on the openssl version.
  const hex = output.trim().split(/\s+/).pop() ?? '';
  if (!/^[0-9a-f]{40}$/.test(hex)) throw new Error(`unexpected openssl output: ${output}`);
  return hex;
}

// Runs in the child: reads the vectors as JSON from stdin, writes one hex signature per vector.
const CHILD_SOURCE = `
const { createHmac } = require('node:crypto');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const vectors = JSON.parse(input);
  const signatures = vectors.map((v) => createHmac('sha1', Buffer.from(v.secretKey, 'utf8'))
    .update(Buffer.from(v.timestamp + v.userId, 'utf8')).digest('hex'));
  process.stdout.write(JSON.stringify(signatures));
});
`;

/** node:crypto's HMAC-SHA1 for each vector, computed in a separate node process. */
export function nodeChildSignatures(vectors: readonly Vector[]): string[] {
  const output = execFileSync(process.execPath, ['-e', CHILD_SOURCE], {
    input: JSON.stringify(vectors),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}
