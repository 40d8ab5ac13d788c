import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { describeSignInError } from './sign-in-error';

describe('describeSignInError', () => {
  it('explains a wrong password without blaming the session', () => {
    const view = describeSignInError(new ApiError({ code: 'UNAUTHENTICATED' }), false);
    expect(view).toEqual({
      message: 'That email and password don’t match. Check them and try again.',
      needsOrganization: false,
      organizations: [],
    });
  });

  it('asks for the organisation on TENANT_CHOICE_REQUIRED', () => {
    const view = describeSignInError(new ApiError({ code: 'TENANT_CHOICE_REQUIRED' }), false);
    expect(view.needsOrganization).toBe(true);
    expect(view.message).toMatch(/more than one organisation/);
  });

  it('offers the organisations the API lists, ignoring malformed entries', () => {
    const error = new ApiError({
      code: 'TENANT_CHOICE_REQUIRED',
      extensions: {
        code: 'TENANT_CHOICE_REQUIRED',
        organizations: [{ slug: 'acme-robotics', name: 'Acme Robotics' }, { slug: 'beta' }, { name: 'no slug' }, 'junk'],
      },
    });
    expect(describeSignInError(error, false).organizations).toEqual([
      { slug: 'acme-robotics', name: 'Acme Robotics' },
      { slug: 'beta', name: 'beta' },
    ]);
  });

  it('explains a suspended organisation', () => {
    expect(describeSignInError(new ApiError({ code: 'TENANT_SUSPENDED' }), false).message).toMatch(/suspended/);
  });

  it('tells a locked-out person how many minutes to wait', () => {
    const view = describeSignInError(new ApiError({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 14 * 60 + 10 }), false);
    expect(view.message).toBe('Too many sign-in attempts. Please try again in 15 minutes.');
  });

  it('falls back to the generic message for connection problems', () => {
    expect(describeSignInError(new ApiError({ code: 'NETWORK_ERROR' }), false).message).toMatch(/couldn’t reach Pulsewise/);
    expect(describeSignInError(new Error('boom'), false).message).toMatch(/Something went wrong/);
  });
});
