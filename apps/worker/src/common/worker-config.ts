import { Injectable } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@pulsewise/config';

@Injectable()
export class WorkerConfig {
  readonly values: AppConfig = loadConfig();
}
