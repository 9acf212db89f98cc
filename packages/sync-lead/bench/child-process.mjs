// Child processes of the benchmark: one that reports over IPC, and one run to completion.
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Forks `script` and waits for its first IPC message. */
export async function forkWithMessage(script, args = [], options = {}) {
  const child = fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...options });
  const [message] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${script} exited with ${code} before it was ready`);
    }),
  ]);
  return { child, message };
}

/** Runs `node script args` to the end; resolves with its stdout, wall time and exit code. */
export function runNode(script, args = [], env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, wallMs: performance.now() - started }));
  });
}
