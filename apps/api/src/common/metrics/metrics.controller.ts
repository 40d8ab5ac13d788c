// GET /metrics for Prometheus. Not public: it answers only a scraper presenting
// `Authorization: Bearer <METRICS_TOKEN>`, and not at all (404) when no token is configured.
import { timingSafeEqual, createHash } from 'node:crypto';
import { Controller, Get, Headers, HttpException, HttpStatus, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator.js';
import { AppConfigService } from '../config/app-config.service.js';
import { MetricsService } from './metrics.service.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerMatches(header: string | undefined, expected: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(expected));
}

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfigService,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const token = this.config.values.METRICS_TOKEN;
    if (!token) throw new NotFoundException();
    if (!bearerMatches(authorization, token)) {
      res.setHeader('www-authenticate', 'Bearer');
      throw new HttpException('A valid metrics token is required', HttpStatus.UNAUTHORIZED);
    }
    res.setHeader('content-type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
