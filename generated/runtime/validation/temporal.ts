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

/**
 * The canonical shapes services send (`2024-05-01`, `2024-05-01T10:20:30.123Z`, a four-digit
 * year, with or without seconds, `Z` or an offset), checked by character codes without a
 * regex match. True only for values the full checks above accept; false means "ask them".
 */
export function quickDate(text: string): boolean {
  return text.length === 10 && quickDateAt(text);
}

export function quickDateTimeOffset(text: string): boolean {
  const length = text.length;
  if (length < 17 || !quickDateAt(text)) return false;
  const t = text.charCodeAt(10);
  if ((t !== 84 && t !== 116) /* T t */ || text.charCodeAt(13) !== 58 /* : */) return false;
  if (twoDigits(text, 11) > 23 || twoDigits(text, 14) > 59) return false;
  let index = 16;
  if (text.charCodeAt(index) === 58 /* : */) {
    if (twoDigits(text, 17) > 59) return false;
    index = 19;
    if (text.charCodeAt(index) === 46 /* . */) {
      const start = ++index;
      while (index < length && isDigit(text.charCodeAt(index))) index++;
      if (index === start || index - start > 12) return false;
    }
  }
  const zone = text.charCodeAt(index);
  if (zone === 90 || zone === 122 /* Z z */) return index + 1 === length;
  if (zone !== 43 && zone !== 45 /* + - */) return false;
  return index + 6 === length && text.charCodeAt(index + 3) === 58 && twoDigits(text, index + 1) <= 23 && twoDigits(text, index + 4) <= 59;
}

/** `YYYY-MM-DD` at the start of `text`, a real calendar day. */
function quickDateAt(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 /* - */) return false;
  const high = twoDigits(text, 0);
  const low = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (high > 99 || low > 99 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month !== 2 || day !== 29) return true;
  const year = high * 100 + low;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The two digits at `index` as a number, or 100 when they are not two digits. */
function twoDigits(text: string, index: number): number {
  const high = text.charCodeAt(index) - 48;
  const low = text.charCodeAt(index + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : 100;
}
