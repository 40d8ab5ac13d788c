export const MIN_PASSWORD_LENGTH = 12;

/** The problem with a new password, in words; null when it is acceptable. */
export function newPasswordProblem(password: string, confirmation: string): { field: 'password' | 'confirmation'; message: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { field: 'password', message: `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.` };
  }
  if (password.length > 256) return { field: 'password', message: 'Use at most 256 characters.' };
  if (password !== confirmation) return { field: 'confirmation', message: 'The two passwords are not the same.' };
  return null;
}
