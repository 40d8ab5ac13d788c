// Single sign-on in the browser: the API's start endpoint (proxied under /api like the
// rest of the app's first-party API) sends the person to their identity provider and,
// on the way back, sets the same refresh cookie a password sign-in sets.

/** Where to send the browser to start SSO for what the person typed (organisation, email domain or email). */
export function ssoStartUrl(organization: string, returnTo: string | null): string {
  const params = new URLSearchParams({ organization: organization.trim() });
  if (returnTo) params.set('returnTo', returnTo);
  return `/api/auth/oidc/start?${params.toString()}`;
}

/** The sentence for a refusal the API reported with ?sso_error=<reason>. */
export function ssoErrorMessage(reason: string | null): string | null {
  switch (reason) {
    case null:
    case '':
      return null;
    case 'SSO_NOT_CONFIGURED':
      return 'We couldn’t find single sign-on for that organisation. Check the name or email domain, or sign in with your password.';
    case 'SSO_AMBIGUOUS':
      return 'That email domain belongs to more than one organisation. Enter your organisation’s short name instead.';
    case 'NOT_IN_DIRECTORY':
      return 'Your identity provider signed you in, but your email isn’t in this organisation’s Pulsewise directory. Ask your Pulsewise admin to add you.';
    case 'DOMAIN_NOT_ALLOWED':
      return 'Your email domain isn’t allowed to sign in to this organisation with single sign-on. Ask your Pulsewise admin.';
    case 'EMAIL_MISSING':
    case 'EMAIL_NOT_VERIFIED':
      return 'Your identity provider didn’t share a verified email address, so we couldn’t match you to the directory. Ask your IT team.';
    case 'INVALID_STATE':
      return 'That sign-in link has expired or was already used. Please start single sign-on again.';
    case 'TENANT_SUSPENDED':
      return 'This organisation is suspended. Contact your administrator.';
    case 'PROVIDER_ERROR':
      return 'Your identity provider didn’t complete the sign-in. Please try again.';
    case 'TOKEN_REJECTED':
      return 'We couldn’t verify the sign-in from your identity provider, so you weren’t signed in. Please try again, or ask your IT team if it keeps happening.';
    case 'SESSION_MISSING':
      return 'Single sign-on finished, but your browser didn’t keep the session. Please try again (cookies must be allowed for this site).';
    default:
      return 'Single sign-on didn’t work right now. Please try again in a moment.';
  }
}
