// Reading a request body with a size cap and a deadline, gunzipping it when the client compressed it,
// and checking that it is UTF-8 (invalid bytes are refused, not read as U+FFFD).
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** What was wrong with a body: the REST side answers each with its own HTTP status (413, 408, 400). */
type RequestBodyProblem = 'tooLarge' | 'tooSlow' | 'unreadable';

/** Why a request body could not be read; the SOAP endpoint answers fault 20012 with this message. */
export class RequestBodyError extends Error {
  constructor(
    message: string,
    readonly problem: RequestBodyProblem = 'unreadable',
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}

/**
 * The request body as UTF-8 text (SOAP 1.1 over HTTP is UTF-8 here, as Marketo's was).
 *
 * @param limitBytes - the largest body accepted (after decompression too)
 * @param deadlineMs - how long the whole body may take to arrive, from now
 * @throws {@link RequestBodyError} for a body too large, too slow, cut off, not gzip when it says so, or not UTF-8
 */
export function readRequestBody(req: IncomingMessage, limitBytes: number, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (message: string, problem?: RequestBodyProblem): void => {
      cleanUp();
      // Stop reading: the endpoint answers, then closes the connection rather than read the rest.
      req.pause();
      reject(new RequestBodyError(message, problem));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) fail(`the request body is larger than ${limitBytes} bytes`, 'tooLarge');
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanUp();
      try {
        resolve(decode(Buffer.concat(chunks), req.headers['content-encoding'], limitBytes));
      } catch (error) {
        reject(error instanceof RequestBodyError ? error : new RequestBodyError('the request body could not be read'));
      }
    };
    const onAborted = (): void => fail('the request body was cut off');
    const timer = setTimeout(
      () => fail(`the request body did not arrive within ${deadlineMs} ms`, 'tooSlow'),
      deadlineMs,
    );
    function cleanUp(): void {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onClose);
    }
    // 'close' before 'end': the client went away in the middle of the body.
    const onClose = (): void => {
      if (!req.complete) onAborted();
    };
    req.on('data', onData).on('end', onEnd).on('error', onAborted).on('close', onClose);
  });
}

function decode(raw: Buffer, encoding: string | string[] | undefined, limitBytes: number): string {
  let body = raw;
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'gzip') {
    try {
      body = gunzipSync(raw, { maxOutputLength: limitBytes });
    } catch {
      throw new RequestBodyError(`the request body is not gzip data of at most ${limitBytes} bytes`, 'tooLarge');
    }
  }
  if (!isUtf8(body)) throw new RequestBodyError('the request body is not valid UTF-8');
  return body.toString('utf8');
}
