import { createServer } from 'node:net';

/** A port on 127.0.0.1 nobody listens on right now: the OS picks it, we let it go. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
