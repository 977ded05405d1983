/**
 * JSON Schema format of a date that may be given to the month: YYYY-MM-DD or YYYY-MM. techfile's
 * validator knows it (src/data/validate.ts); editors ignore formats they do not know.
 */
export const DATE_OR_MONTH_FORMAT = 'date-or-month';

/** True for a real calendar date YYYY-MM-DD or a month YYYY-MM. */
export function isDateOrMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
