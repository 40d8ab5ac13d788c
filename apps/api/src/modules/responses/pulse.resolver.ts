import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/roles.decorator.js';
import { PULSE_LIMITS, RateLimit } from '../../common/rate-limit/rate-limit.decorator.js';
import { badInput } from '../../common/errors/domain-error.js';
import { PulseAnswerInput, PulseFormModel, PulseReceiptModel } from './models/pulse.models.js';
import { PulseService } from './pulse.service.js';

const MAX_ANSWERS = 20;

/** Token-authenticated: the answer link is the credential. No sign-in, no person in any response. */
@Resolver()
export class PulseResolver {
  constructor(private readonly pulses: PulseService) {}

  @Public()
  @RateLimit(PULSE_LIMITS)
  @Query(() => PulseFormModel, { description: 'The questions behind an answer link, and where the answer will count.' })
  pulse(@Args('token') token: string): Promise<PulseFormModel> {
    return this.pulses.form(token);
  }

  @Public()
  @RateLimit(PULSE_LIMITS)
  @Mutation(() => PulseReceiptModel, { description: 'Answers a pulse once. A second submission with the same link is refused (CONFLICT).' })
  submitPulse(@Args('token') token: string, @Args('answers', { type: () => [PulseAnswerInput] }) answers: PulseAnswerInput[]): Promise<PulseReceiptModel> {
    if (answers.length > MAX_ANSWERS) throw badInput(`A pulse has at most ${MAX_ANSWERS} answers.`);
    return this.pulses.submit(token, answers);
  }
}
