import { describe, expect, it } from 'vitest';
import { ApiError, formatWaitMinutes, parseRetryAfterSeconds, toUserMessage, userMessageFor } from './api-error';

describe('userMessageFor', () => {
  it.each([
    ['UNAUTHENTICATED', 'Your session ended. Please sign in again.'],
    ['FORBIDDEN', 'You don’t have access to this. If you think you should, ask your organisation’s Pulsewise admin.'],
    ['NOT_FOUND', 'We couldn’t find what you were looking for. It may have been removed, or the link may be wrong.'],
    ['SERVICE_UNAVAILABLE', 'Pulsewise isn’t available right now. Please try again in a few minutes.'],
    ['NETWORK_ERROR', 'We couldn’t reach Pulsewise. Check your internet connection and try again.'],
    ['TIMEOUT', 'Pulsewise took too long to answer. Please try again.'],
    ['GRAPHQL_VALIDATION_FAILED', 'This page is out of date. Please reload the page.'],
  ])('%s has a message written for people', (code, message) => {
    expect(userMessageFor(code)).toBe(message);
  });

  it('never shows the server message of an internal error', () => {
    const message = userMessageFor('INTERNAL_SERVER_ERROR', { serverMessage: 'relation "people" does not exist' });
    expect(message).not.toContain('relation');
    expect(message).toMatch(/Something went wrong on our side/);
  });

  it('gives unknown codes the generic message instead of the raw server text', () => {
    expect(userMessageFor('SOMETHING_NEW', { serverMessage: 'TypeError: x is undefined' })).toMatch(
      /Something went wrong on our side/,
    );
  });

  it('uses the API’s own wording for input validation, but not GraphQL internals', () => {
    expect(userMessageFor('BAD_USER_INPUT', { serverMessage: 'The threshold cannot be lower than 3.' })).toBe(
      'The threshold cannot be lower than 3.',
    );
    expect(
      userMessageFor('BAD_USER_INPUT', { serverMessage: 'Variable "$input" got invalid value 2 at "input.k".' }),
    ).toBe('Some of the information you entered isn’t valid. Please check it and try again.');
    expect(userMessageFor('BAD_USER_INPUT', { serverMessage: 'Bad Request Exception' })).toMatch(/isn’t valid/);
  });

  it('shows the API’s explanation of an anonymity-threshold refusal, and words a closed pulse', () => {
    const message = 'The anonymity threshold cannot be lowered below 5: rounds answered under that threshold keep it. It can always be raised.';
    expect(userMessageFor('ANONYMITY_THRESHOLD', { serverMessage: message })).toBe(message);
    expect(userMessageFor('ANONYMITY_THRESHOLD')).toMatch(/anonymity/);
    expect(userMessageFor('PULSE_CLOSED')).toBe('This pulse has closed, so answers are no longer collected.');
  });

  it('says how long to wait when rate limited', () => {
    expect(userMessageFor('TOO_MANY_REQUESTS', { retryAfterSeconds: 900 })).toBe(
      'Too many attempts. Please try again in 15 minutes.',
    );
    expect(userMessageFor('TOO_MANY_REQUESTS')).toBe('Too many attempts. Please wait a few minutes and try again.');
  });
});

describe('formatWaitMinutes', () => {
  it('rounds up and never says zero', () => {
    expect(formatWaitMinutes(0)).toBe('1 minute');
    expect(formatWaitMinutes(59)).toBe('1 minute');
    expect(formatWaitMinutes(61)).toBe('2 minutes');
    expect(formatWaitMinutes(14 * 60 + 1)).toBe('15 minutes');
  });
});

describe('parseRetryAfterSeconds', () => {
  it('reads extensions first, then the Retry-After header (seconds or HTTP date)', () => {
    expect(parseRetryAfterSeconds({ retryAfterSeconds: 120 }, '5')).toBe(120);
    expect(parseRetryAfterSeconds({ retryAfter: '60' }, null)).toBe(60);
    expect(parseRetryAfterSeconds({}, '30')).toBe(30);
    const now = Date.parse('2025-01-01T10:00:00Z');
    expect(parseRetryAfterSeconds(undefined, 'Wed, 01 Jan 2025 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfterSeconds({ retryAfterSeconds: 'soon' }, 'later')).toBeUndefined();
  });
});

describe('toUserMessage', () => {
  it('prefers the ApiError message and hides anything else', () => {
    expect(toUserMessage(new ApiError({ code: 'NOT_FOUND' }))).toMatch(/couldn’t find/);
    expect(toUserMessage(new TypeError('Cannot read properties of undefined'))).toMatch(/Something went wrong/);
  });
});
