import { loadConfig } from '@pulsewise/config';
import { startTracing } from './common/tracing/tracing.js';

// Tracing (when configured) must patch http, express, graphql, pg and ioredis before they load.
await startTracing(loadConfig());
const { Logger } = await import('@nestjs/common');
const { createApp } = await import('./bootstrap-app.js');
const { AppConfigService } = await import('./common/config/app-config.service.js');
const { shutDownGracefully } = await import('./modules/ops/graceful-shutdown.js');

const app = await createApp();
const port = app.get(AppConfigService).values.API_PORT;
await app.listen(port, '0.0.0.0');
shutDownGracefully(app, new Logger('Shutdown'));
new Logger('Pulsewise').log(`API listening on http://localhost:${port}/graphql`);
