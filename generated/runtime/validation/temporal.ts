/**
 * Date and time literals of OData ABNF (OData 4.01 Part 2, ABNF rules `dateValue`,
 * `dateTimeOffsetValue`, `timeOfDayValue`, `durationValue`), as written in JSON payloads
 * (OData JSON 4.01, section 7.1). Regexes give the shape; the ranges (month, day of month,
 * hour, leap years) are checked in code. ABNF literal strings are case-insensitive
 * (RFC 5234, section 2.3), hence `T`/`t` and `Z`/`z`.
 */

// year = [ "-" ] ( "0" 3DIGIT / oneToNine 3*DIGIT )
const DATE = '(-?(?:0\\d{3}|[1-9]\\d{3,}))-(\\d{2})-(\\d{2})';
// hour ":" minute [ ":" second [ "." fractionalSeconds ] ], fractionalSeconds = 1*12DIGIT
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,12}))?)?';
const DATE_RE = new RegExp(`^${DATE}$`);
const TIME_RE = new RegExp(`^${TIME}$`);
const DATE_TIME_RE = new RegExp(`^${DATE}[Tt]${TIME}(?:[Zz]|[+-](\\d{2}):(\\d{2}))$`);
// [ SIGN ] "P" [ 1*DIGIT "D" ] [ "T" [ 1*DIGIT "H" ] [ 1*DIGIT "M" ] [ 1*DIGIT [ "." 1*DIGIT ] "S" ] ]
const DURATION_RE = /^[+-]?[Pp](?:(\d+)[Dd])?(?:[Tt](?:(\d+)[Hh])?(?:(\d+)[Mm])?(?:(\d+(?:\.\d+)?)[Ss])?)?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return false;
  if (m === 2 && d === 29) {
    const y = Math.abs(Number(year));
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }
  return true;
}

function validTime(hour: string, minute: string, second: string | undefined): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);
}

export function isDate(text: string): boolean {
  const match = DATE_RE.exec(text);
  return match !== null && validDate(match[1]!, match[2]!, match[3]!);
}

export function isTimeOfDay(text: string): boolean {
  const match = TIME_RE.exec(text);
  return match !== null && validTime(match[1]!, match[2]!, match[3]);
}

/** Fractional-second digits of a time or date-time literal (for the Precision facet). */
export function fractionDigits(text: string): number {
  const match = /\.(\d+)/.exec(text);
  return match ? match[1]!.length : 0;
}

export function isDateTimeOffset(text: string): boolean {
  const match = DATE_TIME_RE.exec(text);
  if (match === null || !validDate(match[1]!, match[2]!, match[3]!) || !validTime(match[4]!, match[5]!, match[6])) return false;
  return match[8] === undefined || validTime(match[8], match[9]!, undefined);
}

/** A duration needs at least one component, and a `T` needs one after it (`P`, `PT` are invalid). */
export function isDuration(text: string): boolean {
  const match = DURATION_RE.exec(text);
  if (match === null) return false;
  const hasTime = match[2] !== undefined || match[3] !== undefined || match[4] !== undefined;
  if (/[Tt]/.test(text) && !hasTime) return false;
  return match[1] !== undefined || hasTime;
}
