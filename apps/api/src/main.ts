import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap-app.js';
import { AppConfigService } from './common/config/app-config.service.js';

const app = await createApp();
const port = app.get(AppConfigService).values.API_PORT;
await app.listen(port, '0.0.0.0');
new Logger('Pulsewise').log(`API listening on http://localhost:${port}/graphql`);
