// Endpoint policy: credentials and signatures only travel over HTTPS, except to this machine.
import { isIP } from 'node:net';
import { ValidationError } from './errors.js';

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

/**
 * Parses and checks the mktows endpoint URL.
 *
 * @param endpoint - e.g. `https://123-ABC-456.mktoapi.com/soap/mktows/2_2`
 * @param allowInsecureHttp - allow `http:` to hosts other than loopback
 * @returns the parsed URL
 * @throws {@link ValidationError} (field `endpoint`) for a malformed URL, a protocol other than http(s),
 *   or `http:` to a non-loopback host without `allowInsecureHttp`
 */
export function checkEndpoint(endpoint: unknown, allowInsecureHttp: boolean): URL {
  const url = parseUrlOption(endpoint, 'endpoint', 'must be a non-empty URL string', 'must be an absolute http(s) URL');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError('endpoint', `must use https: (got ${url.protocol})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError('endpoint', 'must not contain credentials (user:password@)');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw new ValidationError(
      'endpoint',
      'must use https: unless the host is loopback (127.0.0.1, ::1, localhost) or allowInsecureHttp is true',
    );
  }
  return url;
}

/**
 * The URL option `field` as a URL.
 * @throws ValidationError at `field`: `empty` when it is not a non-blank string, `invalid` when it does not parse
 */
export function parseUrlOption(value: unknown, field: string, empty: string, invalid: string): URL {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, empty);
  try {
    return new URL(value);
  } catch {
    throw new ValidationError(field, invalid);
  }
}
