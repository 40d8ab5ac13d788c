import { Module } from '@nestjs/common';
import { KpisRepository } from './kpis.repository.js';
import { KpisResolver } from './kpis.resolver.js';
import { KpisService } from './kpis.service.js';

@Module({ providers: [KpisRepository, KpisService, KpisResolver], exports: [KpisService] })
export class KpisModule {}
