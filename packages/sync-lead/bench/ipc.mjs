// Request/answer over a child's IPC channel.
import { once } from 'node:events';

/** Sends `message` to `child` and resolves with its next message. */
export async function ask(child, message) {
  const answer = once(child, 'message');
  child.send(message);
  const [reply] = await answer;
  return reply;
}
