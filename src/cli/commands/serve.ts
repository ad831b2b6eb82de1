import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/defaults.js';
import { globals, openCliSession } from '../runtime.js';
import { positiveInt } from '../values.js';
import { about } from '../command-list.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(about('serve'))
    .option('--port <port>', 'the port to listen on', positiveInt('--port'))
    .option('--listen <address>', `the address to listen on (default ${DEFAULT_HOST}, or WAGGLE_LISTEN); anything but loopback is server mode and needs --public-url`)
    .option('--public-url <url>', 'server mode: the address people reach Waggle at, e.g. https://waggle.example.org (or WAGGLE_PUBLIC_URL); accounts are then required')
    .option('--trust-proxy', 'server mode behind a reverse proxy you run: take the client address from X-Forwarded-For (or WAGGLE_TRUST_PROXY=1)')
    .option('--source-maps', 'serve the web app\'s source maps too (or WAGGLE_SOURCE_MAPS=1)')
    .action(async (flags: { port?: number; listen?: string; publicUrl?: string; trustProxy?: boolean; sourceMaps?: boolean }, command: Command) => {
      const envPort = process.env.PORT ? positiveInt('PORT')(process.env.PORT) : undefined;
      const publicUrl = flags.publicUrl ?? (process.env.WAGGLE_PUBLIC_URL || undefined);
      const host = flags.listen ?? (process.env.WAGGLE_LISTEN || DEFAULT_HOST);
      // A server's SQLite checkpoints in a worker thread, never inside a request's commit.
      const session = await openCliSession(globals(command), { checkpointsOffThread: true });
      // The server and its libraries load only for `serve`, to keep other commands quick to start.
      const { startServer, ServerModeError, growHeapSlowly, allocateYoungFirst, capYoungGeneration, youngGenerationCapped } = await import('../../server/serve.js');
      // A long-lived server's heap near what it holds, not four times that, and its answers' objects
      // born young rather than pretenured into the old space (server/heap-growth.ts), on SQLite in a
      // young generation of half V8's size; on PostgreSQL in V8's own (youngGenerationCapped).
      growHeapSlowly();
      allocateYoungFirst();
      if (youngGenerationCapped(session.store.kind)) capYoungGeneration();
      let server;
      try {
        server = await startServer(session, {
          port: flags.port ?? envPort ?? DEFAULT_PORT,
          host,
          ...(publicUrl ? { publicUrl } : {}),
          trustProxy: flags.trustProxy === true || process.env.WAGGLE_TRUST_PROXY === '1',
          sourceMaps: flags.sourceMaps === true || process.env.WAGGLE_SOURCE_MAPS === '1',
        });
      } catch (error) {
        await session.close();
        if (error instanceof ServerModeError) throw new ValidationError(flags.publicUrl ? '--public-url' : '--listen', error.message, { cause: error });
        throw error;
      }
      const where = server.publicUrl ? `${server.url}, reached at ${server.publicUrl} (server mode: accounts required)` : server.url;
      process.stdout.write(`Waggle is serving ${session.store.kind} data (${session.store.location}) at ${where}\nAPI description: ${server.publicUrl ?? server.url}/api/openapi.json\n`);
      if (server.needsOwner) {
        process.stdout.write(`No account yet. Make the owner's: open ${server.publicUrl}/setup and give the code ${server.setupCode ?? ''} (good until the owner exists),\nor run \`waggle user add EMAIL --name NAME\` (the password is read from standard input).\n`);
      }
      process.stdout.write('Stop with Ctrl+C.\n');
      const stop = async () => {
        await server.close();
        await session.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
