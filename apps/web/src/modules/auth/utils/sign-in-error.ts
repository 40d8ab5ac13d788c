import { type ApiError, formatWaitMinutes, isApiError, toUserMessage } from '../../../lib/api-error';

export interface SignInErrorView {
  message: string;
  /** The API needs to know which organisation: show the organisation field. */
  needsOrganization: boolean;
}

/** Sign-in has its own wording: here UNAUTHENTICATED means "wrong email or password". */
export function describeSignInError(error: unknown, organizationWasAsked: boolean): SignInErrorView {
  if (!isApiError(error)) return { message: toUserMessage(error), needsOrganization: false };
  return { message: messageFor(error, organizationWasAsked), needsOrganization: error.code === 'TENANT_CHOICE_REQUIRED' };
}

function messageFor(error: ApiError, organizationWasAsked: boolean): string {
  switch (error.code) {
    case 'TENANT_CHOICE_REQUIRED':
      return organizationWasAsked
        ? 'Enter the organisation you want to sign in to.'
        : 'This email is used in more than one organisation. Enter the one you want below, then sign in again.';
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return organizationWasAsked
        ? 'That email, password and organisation don’t match. Check them and try again.'
        : 'That email and password don’t match. Check them and try again.';
    case 'TOO_MANY_REQUESTS':
      return error.retryAfterSeconds !== undefined
        ? `Too many sign-in attempts. Please try again in ${formatWaitMinutes(error.retryAfterSeconds)}.`
        : 'Too many sign-in attempts. Please wait a few minutes and try again.';
    case 'FORBIDDEN':
      return 'You can’t sign in to this organisation right now. Contact your organisation’s Pulsewise admin.';
    default:
      return error.userMessage;
  }
}
