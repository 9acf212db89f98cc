// Runs a command in a child process (asynchronously, so an in-process server can answer it).
import { spawn } from 'node:child_process';

/** What a finished child process printed and returned. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command args` with `env` added to a minimal environment; resolves when it exits. With
 * `killAfterMs`, a child still running by then is killed (it then resolves with code `null`), so a test
 * whose child hangs fails instead of leaving a process behind.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  cwd?: string,
  options: { killAfterMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (options.killAfterMs !== undefined) {
      const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
      child.on('close', () => clearTimeout(timer));
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
