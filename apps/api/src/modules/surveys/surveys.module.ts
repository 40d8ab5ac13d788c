import { Module } from '@nestjs/common';
import { SurveyScheduler } from './survey-scheduler.js';
import { SurveysRepository } from './surveys.repository.js';
import { SurveysResolver } from './surveys.resolver.js';
import { SurveysService } from './surveys.service.js';

@Module({ providers: [SurveysRepository, SurveysService, SurveysResolver, SurveyScheduler] })
export class SurveysModule {}
