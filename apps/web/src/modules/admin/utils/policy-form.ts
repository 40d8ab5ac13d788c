import type { UpdateTenantPolicyInput } from '../../../gql/graphql';

export const DIMENSION_OPTIONS = [
  { key: 'location', label: 'Location', hint: 'The office or country a person works in.' },
  { key: 'tenure', label: 'Tenure', hint: 'How long a person has worked here, in broad bands.' },
] as const;

export const MIN_THRESHOLD = 3;

export interface PolicyValues {
  anonymityThreshold: number;
  quietHoursStart: string;
  quietHoursEnd: string;
  maxPulsesPerMonth: number;
  responseRetentionMonths: number;
  allowedDimensions: string[];
}

export interface PolicyDraft {
  anonymityThreshold: string;
  quietHoursStart: string;
  quietHoursEnd: string;
  maxPulsesPerMonth: string;
  responseRetentionMonths: string;
  allowedDimensions: string[];
}

export function toDraft(policy: PolicyValues): PolicyDraft {
  return {
    anonymityThreshold: String(policy.anonymityThreshold),
    quietHoursStart: policy.quietHoursStart,
    quietHoursEnd: policy.quietHoursEnd,
    maxPulsesPerMonth: String(policy.maxPulsesPerMonth),
    responseRetentionMonths: String(policy.responseRetentionMonths),
    allowedDimensions: [...policy.allowedDimensions],
  };
}

export type PolicyErrors = Partial<Record<keyof PolicyDraft, string>>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function wholeNumber(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * Validates the form and returns only what changed (the API records every change in the
 * audit log, so unchanged fields are not sent).
 */
export function diffPolicy(current: PolicyValues, draft: PolicyDraft): { input: UpdateTenantPolicyInput; errors: PolicyErrors } {
  const errors: PolicyErrors = {};
  const input: UpdateTenantPolicyInput = {};

  const k = wholeNumber(draft.anonymityThreshold);
  if (k === null) errors.anonymityThreshold = 'Enter a whole number.';
  else if (k < MIN_THRESHOLD) errors.anonymityThreshold = `The threshold can never be below ${MIN_THRESHOLD}.`;
  else if (k > 50) errors.anonymityThreshold = 'The threshold can be at most 50.';
  else if (k !== current.anonymityThreshold) input.anonymityThreshold = k;

  for (const key of ['quietHoursStart', 'quietHoursEnd'] as const) {
    const value = draft[key].trim();
    if (!HHMM.test(value)) errors[key] = 'Enter a time as HH:MM, for example 20:00.';
    else if (value !== current[key]) input[key] = value;
  }

  const pulses = wholeNumber(draft.maxPulsesPerMonth);
  if (pulses === null || pulses < 1 || pulses > 31) errors.maxPulsesPerMonth = 'Enter a whole number from 1 to 31.';
  else if (pulses !== current.maxPulsesPerMonth) input.maxPulsesPerMonth = pulses;

  const months = wholeNumber(draft.responseRetentionMonths);
  if (months === null || months < 1 || months > 120) errors.responseRetentionMonths = 'Enter a whole number of months from 1 to 120.';
  else if (months !== current.responseRetentionMonths) input.responseRetentionMonths = months;

  if (draft.allowedDimensions.length > 2) errors.allowedDimensions = 'Choose at most two.';
  else {
    const same =
      draft.allowedDimensions.length === current.allowedDimensions.length &&
      draft.allowedDimensions.every((d) => current.allowedDimensions.includes(d));
    if (!same) input.allowedDimensions = [...draft.allowedDimensions];
  }
  return { input, errors };
}
