// Looking for secrets in everything a value lets out: util.inspect (hidden properties included),
// JSON.stringify, String(), the stack, every cause, and a failed sync's reason.
import { inspect } from 'node:util';

/** Every text `value` can be turned into, joined. */
export function everythingAbout(value: unknown): string {
  const parts = [inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? '', String(value)];
  for (let cause = (value as Error | undefined)?.cause; cause !== undefined; cause = (cause as Error).cause) {
    parts.push(inspect(cause, { depth: Infinity, showHidden: true }), String((cause as Error).stack));
  }
  if (value instanceof Error) parts.push(value.stack ?? '');
  if (value instanceof Error && 'reason' in value) parts.push(String(value.reason));
  return parts.join('\n');
}

/** The secrets of `secrets` that occur in `text` (empty strings are never looked for). */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret !== '' && text.includes(secret));
}
