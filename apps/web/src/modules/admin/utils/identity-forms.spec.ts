import { describe, expect, it } from 'vitest';
import { readSsoForm, type SsoFormValues } from './identity-forms';

const valid: SsoFormValues = {
  issuer: 'https://login.example.com',
  clientId: 'pulsewise',
  clientSecret: 's3cret',
  allowedDomains: 'Example.com, example.org',
  enabled: true,
  passwordSignInEnabled: false,
};

describe('readSsoForm', () => {
  it('turns the form into the API input, normalising domains', () => {
    expect(readSsoForm(valid, false)).toEqual({
      errors: {},
      input: { issuer: 'https://login.example.com', clientId: 'pulsewise', clientSecret: 's3cret', allowedDomains: ['example.com', 'example.org'], enabled: true, passwordSignInEnabled: false },
    });
  });

  it('keeps the stored secret when the field is left empty', () => {
    expect(readSsoForm({ ...valid, clientSecret: '' }, true).input).not.toHaveProperty('clientSecret');
    expect(readSsoForm({ ...valid, clientSecret: '' }, false).errors.clientSecret).toBeTruthy();
  });

  it('names every problem', () => {
    const { input, errors } = readSsoForm({ ...valid, issuer: 'login', clientId: ' ', allowedDomains: 'example, ok.com' }, true);
    expect(input).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['allowedDomains', 'clientId', 'issuer']);
    expect(errors.allowedDomains).toContain('example');
  });
});
