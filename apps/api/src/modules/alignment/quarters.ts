// Quarters as "YYYY-Qn" (UTC calendar quarters).
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: string): boolean {
  const m = QUARTER.exec(value);
  return Boolean(m) && Number(m![1]) >= 2000 && Number(m![1]) <= 2200;
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}
