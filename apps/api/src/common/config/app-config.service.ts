import { Injectable } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@pulsewise/config';

@Injectable()
export class AppConfigService {
  readonly values: AppConfig;
  constructor() {
    this.values = loadConfig();
  }
}
