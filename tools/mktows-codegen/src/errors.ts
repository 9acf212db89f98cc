/**
 * An expected failure of the generator: bad input or an unwritable output.
 * The CLI prints `message` as one line (no stack trace) and exits non-zero.
 */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';

  /**
   * @param file - the file the problem is about, as shown to the user
   * @param problem - what is wrong with it, one sentence without a trailing period
   */
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
