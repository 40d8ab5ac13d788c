import { Injectable } from '@nestjs/common';

/** The worker's notion of "now". Tests replace it to move time (quiet hours, fatigue, round windows). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
