import type { Command } from 'commander';
import { DEFAULT_PORT } from '../../server/defaults.js';
import { globals, openCliSession } from '../runtime.js';
import { positiveInt } from '../values.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(`serve the HTTP JSON API on 127.0.0.1 (port from --port, else PORT, else ${DEFAULT_PORT})`)
    .option('--port <port>', 'the port to listen on', positiveInt('--port'))
    .option('--source-maps', 'serve the web app\'s source maps too (or WAGGLE_SOURCE_MAPS=1)')
    .action(async (flags: { port?: number; sourceMaps?: boolean }, command: Command) => {
      const envPort = process.env.PORT ? positiveInt('PORT')(process.env.PORT) : undefined;
      const session = await openCliSession(globals(command));
      // The server and its libraries load only for `serve`, to keep other commands quick to start.
      const { startServer } = await import('../../server/serve.js');
      const server = await startServer(session, { port: flags.port ?? envPort ?? DEFAULT_PORT, sourceMaps: flags.sourceMaps === true || process.env.WAGGLE_SOURCE_MAPS === '1' });
      process.stdout.write(`Waggle is serving ${session.store.kind} data (${session.store.location}) at ${server.url}\nAPI description: ${server.url}/api/openapi.json\nStop with Ctrl+C.\n`);
      const stop = async () => {
        await server.close();
        await session.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
