// Reading a request body with a size cap, gunzipping it when the client compressed it.
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** The body was larger than the cap. */
export class RequestTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
    this.name = 'RequestTooLargeError';
  }
}

/** The request body as UTF-8 text (SOAP 1.1 over HTTP is UTF-8 here, as Marketo's was). */
export async function readRequestBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new RequestTooLargeError(limitBytes);
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  const encoding = req.headers['content-encoding'];
  const body =
    typeof encoding === 'string' && encoding.toLowerCase() === 'gzip'
      ? gunzipSync(raw, { maxOutputLength: limitBytes })
      : raw;
  return body.toString('utf8');
}
