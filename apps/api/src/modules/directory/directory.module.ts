import { Module } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryResolver } from './directory.resolver.js';
import { DirectoryService } from './directory.service.js';

@Module({ providers: [DirectoryRepository, DirectoryService, DirectoryResolver], exports: [DirectoryService, DirectoryRepository] })
export class DirectoryModule {}
