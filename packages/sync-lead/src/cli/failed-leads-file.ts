// The failed leads of a bulk run, written in the input's own format so the file can be fed back in.
// Created on the first failure only: a clean run leaves no file behind.
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** Where failed records go. */
export interface FailedLeadsFile {
  /** Appends one record (the header, if any, goes first). */
  write(text: string): void;
  /** Records written so far. */
  readonly count: number;
  /** Flushes and closes the file (if it was created). */
  close(): Promise<void>;
}

/**
 * @param path - the file to create (replaced if it exists, once there is a first failure)
 * @param header - what starts the file (the CSV header) when known at the first write
 */
export function createFailedLeadsFile(path: string, header: () => string | undefined): FailedLeadsFile {
  let stream: WriteStream | undefined;
  let count = 0;
  return {
    write(text) {
      if (!stream) {
        stream = createWriteStream(path, { encoding: 'utf8' });
        const first = header();
        if (first !== undefined) stream.write(`${first}\n`);
      }
      stream.write(`${text}\n`);
      count += 1;
    },
    get count() {
      return count;
    },
    async close() {
      if (!stream) return;
      stream.end();
      await finished(stream);
    },
  };
}
