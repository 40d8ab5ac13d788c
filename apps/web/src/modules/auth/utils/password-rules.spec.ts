import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './password-rules';

describe('newPasswordProblem', () => {
  it('asks for 12 characters and a matching confirmation', () => {
    expect(newPasswordProblem('short', 'short')).toMatchObject({ field: 'password' });
    expect(newPasswordProblem('correct horse battery', 'correct horse')).toEqual({ field: 'confirmation', message: 'The two passwords are not the same.' });
    expect(newPasswordProblem('correct horse battery', 'correct horse battery')).toBeNull();
  });
});
