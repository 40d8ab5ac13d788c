import { Module } from '@nestjs/common';
import { OpsAccessCheck } from './ops-access.js';
import { QueueBoard } from './queue-board.js';

@Module({ providers: [OpsAccessCheck, QueueBoard], exports: [QueueBoard] })
export class OpsModule {}
