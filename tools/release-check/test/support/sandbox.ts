// The release test's temporary world: one temp folder holding the repository
// copy, the registry's storage and the downstream project, plus the running
// registry. Closing it stops the registry and deletes the folder, whatever failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type Registry } from './verdaccio.js';

/** A temp folder and the registry running from it. */
export interface ReleaseSandbox {
  /** The temp folder; gone after `close()`. */
  dir: string;
  registry: Registry;
  /** Stops the registry, then removes `dir`. */
  close(): Promise<void>;
}

/** Creates the temp folder and starts Verdaccio in it (cleaning up if the start fails). */
export async function openReleaseSandbox(launcher: string): Promise<ReleaseSandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'mktows-release-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  try {
    const registry = await startRegistry(join(dir, 'verdaccio'), launcher);
    return {
      dir,
      registry,
      close: async () => {
        try {
          await registry.stop();
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Runs `steps` in a fresh sandbox and always closes it, passing through the steps' result or error. */
export async function withReleaseSandbox<T>(
  launcher: string,
  steps: (sandbox: ReleaseSandbox) => Promise<T>,
): Promise<T> {
  const sandbox = await openReleaseSandbox(launcher);
  try {
    return await steps(sandbox);
  } finally {
    await sandbox.close();
  }
}
