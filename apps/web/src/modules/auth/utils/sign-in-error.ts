import { type ApiError, formatWaitMinutes, isApiError, toUserMessage } from '../../../lib/api-error';

export interface OrganizationChoice {
  slug: string;
  name: string;
}

export interface SignInErrorView {
  message: string;
  /** The API needs to know which organisation: show the organisation field. */
  needsOrganization: boolean;
  /** The organisations to choose from, when the API lists them (`extensions.organizations`). */
  organizations: OrganizationChoice[];
  /** The organisation signs in through single sign-on only (SSO_REQUIRED): its slug, to start SSO with. */
  ssoOrganization?: string;
}

/** Sign-in has its own wording: here UNAUTHENTICATED means "wrong email or password". */
export function describeSignInError(error: unknown, organizationWasAsked: boolean): SignInErrorView {
  if (!isApiError(error)) return { message: toUserMessage(error), needsOrganization: false, organizations: [] };
  const needsOrganization = error.code === 'TENANT_CHOICE_REQUIRED';
  const sso = error.code === 'SSO_REQUIRED' && typeof error.extensions.organization === 'string' ? error.extensions.organization : undefined;
  return {
    message: messageFor(error, organizationWasAsked),
    needsOrganization,
    organizations: needsOrganization ? organizationsOf(error) : [],
    ...(sso ? { ssoOrganization: sso } : {}),
  };
}

function messageFor(error: ApiError, organizationWasAsked: boolean): string {
  switch (error.code) {
    case 'TENANT_CHOICE_REQUIRED':
      return organizationWasAsked
        ? 'Choose the organisation you want to sign in to.'
        : 'This email is used in more than one organisation. Choose the one you want below, then sign in again.';
    case 'UNAUTHENTICATED':
      return organizationWasAsked
        ? 'That email, password and organisation don’t match. Check them and try again.'
        : 'That email and password don’t match. Check them and try again.';
    case 'TOO_MANY_REQUESTS':
      return error.retryAfterSeconds !== undefined
        ? `Too many sign-in attempts. Please try again in ${formatWaitMinutes(error.retryAfterSeconds)}.`
        : 'Too many sign-in attempts. Please wait a few minutes and try again.';
    case 'SSO_REQUIRED':
      return 'Your organisation signs in with single sign-on. Continue with your organisation’s SSO below.';
    case 'FORBIDDEN':
      return 'You can’t sign in to this organisation right now. Contact your organisation’s Pulsewise admin.';
    default:
      return error.userMessage;
  }
}

function organizationsOf(error: ApiError): OrganizationChoice[] {
  const list = error.extensions.organizations;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { slug, name } = item as Record<string, unknown>;
    return typeof slug === 'string' && slug ? [{ slug, name: typeof name === 'string' && name ? name : slug }] : [];
  });
}
