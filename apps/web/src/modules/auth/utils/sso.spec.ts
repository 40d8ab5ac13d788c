import { describe, expect, it } from 'vitest';
import { ssoErrorMessage, ssoStartUrl } from './sso';

describe('ssoStartUrl', () => {
  it('asks the API to start SSO for the organisation, keeping where the person was going', () => {
    expect(ssoStartUrl(' acme.example ', '/my-success')).toBe('/api/auth/oidc/start?organization=acme.example&returnTo=%2Fmy-success');
    expect(ssoStartUrl('acme', null)).toBe('/api/auth/oidc/start?organization=acme');
  });
});

describe('ssoErrorMessage', () => {
  it('explains a person missing from the directory, and says nothing without an error', () => {
    expect(ssoErrorMessage('NOT_IN_DIRECTORY')).toMatch(/isn’t in this organisation’s Pulsewise directory/);
    expect(ssoErrorMessage(null)).toBeNull();
    expect(ssoErrorMessage('SOMETHING_NEW')).toMatch(/didn’t work/);
  });
});
