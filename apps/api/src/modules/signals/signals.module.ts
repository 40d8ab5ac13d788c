import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { KpisModule } from '../kpis/kpis.module.js';
import { CultureOverviewService } from './culture-overview.service.js';
import { OverviewCache } from './overview-cache.js';
import { SignalImportController } from './signal-import.controller.js';
import { SignalsRepository } from './signals.repository.js';
import { SignalsResolver } from './signals.resolver.js';
import { SignalsService } from './signals.service.js';

@Module({
  imports: [DirectoryModule, KpisModule],
  controllers: [SignalImportController],
  providers: [SignalsRepository, SignalsService, CultureOverviewService, OverviewCache, SignalsResolver],
  exports: [SignalsService],
})
export class SignalsModule {}
