import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { ReleasesResolver } from './releases.resolver.js';
import { ReleasesService } from './releases.service.js';

@Module({ imports: [DirectoryModule], providers: [ReleasesService, ReleasesResolver] })
export class ReleasesModule {}
