// The failed leads of a bulk run, written in the input's own format so the file can be fed back in.
// The file is opened before the first call, so a path that cannot be written is a usage error before
// anything is sent, and it is compared with the input by identity (device and inode, once opened): a
// symlink or a hard link to the input is refused before a byte of the input is touched. Its content is
// replaced only at the first failure, and a file this run created is removed again when nothing
// failed: a clean run leaves no file behind, and an existing file is left as it was.
import {
  closeSync,
  constants,
  createReadStream,
  createWriteStream,
  fstatSync,
  ftruncateSync,
  openSync,
  statSync,
  unlinkSync,
  type WriteStream,
} from 'node:fs';
import { finished } from 'node:stream/promises';
import { ValidationError } from '../errors.js';

/** Where failed records go. */
export interface FailedLeadsFile {
  /** Appends one record (the header, if any, goes first). */
  write(text: string): void;
  /** Appends the bytes of `file` from `fromByte` to its end, as they are (the unreadable rest of an input). */
  writeRest(file: string, fromByte: number): Promise<void>;
  /** Records written so far. */
  readonly count: number;
  /** Flushes and closes the file, removing it when this run created it and nothing was written. */
  close(): Promise<void>;
}

/** A file's identity: the same device and inode are the same file, whatever the path. */
interface FileIdentity {
  dev: number;
  ino: number;
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Opens `path` for writing without emptying it: created when missing (and then known to be new). */
function openForWriting(path: string): { fd: number; created: boolean } {
  try {
    return { fd: openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { fd: openSync(path, constants.O_WRONLY), created: false };
  }
}

/**
 * Opens the failed-leads file of a run over `input`.
 *
 * @param header - what starts the file (the CSV header) when known at the first write
 * @throws {@link ValidationError} (field `--failed-file`) when the path cannot be written, or is the input
 */
export function openFailedLeadsFile(path: string, input: string, header: () => string | undefined): FailedLeadsFile {
  let opened: { fd: number; created: boolean };
  try {
    opened = openForWriting(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ValidationError('--failed-file', `cannot be written: ${path} (${code})`);
  }
  const { fd, created } = opened;
  if (sameFile(fstatSync(fd), statSync(input))) {
    closeSync(fd);
    throw new ValidationError(
      '--failed-file',
      `must not be the input file: ${path} is ${input} (it would be overwritten while it is read)`,
    );
  }
  let stream: WriteStream | undefined;
  let writeError: Error | undefined;
  let count = 0;

  const started = (): WriteStream => {
    if (stream) return stream;
    // The file's old content, if any, goes only now that there is something to replace it with.
    if (!created) ftruncateSync(fd, 0);
    stream = createWriteStream(path, { fd, encoding: 'utf8' });
    stream.on('error', (error) => (writeError ??= error));
    const first = header();
    if (first !== undefined) stream.write(`${first}\n`);
    return stream;
  };

  return {
    write(text) {
      started().write(`${text}\n`);
      count += 1;
    },
    async writeRest(file, fromByte) {
      const out = started();
      for await (const chunk of createReadStream(file, { start: fromByte })) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      count += 1;
    },
    get count() {
      return count;
    },
    async close() {
      if (!stream) {
        closeSync(fd);
        if (created) unlinkSync(path);
        return;
      }
      stream.end();
      await finished(stream).catch((error: unknown) => (writeError ??= error as Error));
      if (writeError)
        throw new Error(
          `The failed-leads file ${path} could not be written (${(writeError as NodeJS.ErrnoException).code ?? writeError.message})`,
        );
    },
  };
}
