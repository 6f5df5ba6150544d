import type { PropertyFacets } from './types.js';

/**
 * Numeric Edm types in JSON (OData JSON 4.01, section 7.1): JSON numbers, except NaN, INF and
 * -INF, written as strings; Int64 and Decimal as strings under IEEE754Compatible=true
 * (section 4.5.8). Ranges from OData CSDL 4.01, section 4.4 (Primitive Types).
 */
export type NumberProblem = { code: 'type' | 'format' | 'facet'; expected: string; message: string };

const SPECIAL = new Set(['NaN', 'INF', '-INF']);
const INT64_TEXT = /^[+-]?\d{1,19}$/;
const DECIMAL_TEXT = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const SINGLE_MAX = 3.4028234663852886e38;

function problem(code: NumberProblem['code'], expected: string, message: string): NumberProblem {
  return { code, expected, message };
}

export function checkInteger(value: unknown, type: string, min: number, max: number): NumberProblem | undefined {
  const expected = `${type} (an integer from ${min} to ${max})`;
  if (typeof value !== 'number') return problem('type', expected, `expected a JSON number for ${type}`);
  if (!Number.isInteger(value) || value < min || value > max) return problem('format', expected, `${value} is not a valid ${type}`);
  return undefined;
}

export function checkInt64(value: unknown, ieee754: boolean): NumberProblem | undefined {
  const expected = ieee754 ? 'Edm.Int64 as a string (IEEE754Compatible)' : 'Edm.Int64 as a JSON number';
  if (typeof value === 'number') {
    if (ieee754) return problem('type', expected, 'Int64 values are strings under IEEE754Compatible=true');
    // Beyond 2^53 a JSON number has already lost digits; only the range can still be checked.
    return Number.isInteger(value) && Math.abs(value) <= 2 ** 63 ? undefined : problem('format', expected, `${value} is not a valid Edm.Int64`);
  }
  if (typeof value === 'string') {
    if (!ieee754) return problem('type', expected, 'Int64 values are JSON numbers unless IEEE754Compatible=true');
    if (!INT64_TEXT.test(value)) return problem('format', expected, 'not an integer literal');
    const big = BigInt(value);
    return big < INT64_MIN || big > INT64_MAX ? problem('format', expected, 'outside the Edm.Int64 range') : undefined;
  }
  return problem('type', expected, 'expected an Edm.Int64');
}

export function checkFloat(value: unknown, type: 'Edm.Double' | 'Edm.Single'): NumberProblem | undefined {
  const expected = `${type} (a JSON number, or "NaN", "INF", "-INF")`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return problem('format', expected, 'NaN and infinities are written as the strings "NaN", "INF", "-INF"');
    if (type === 'Edm.Single' && Math.abs(value) > SINGLE_MAX) return problem('format', expected, `${value} is outside the Edm.Single range`);
    return undefined;
  }
  if (typeof value === 'string') return SPECIAL.has(value) ? undefined : problem('format', expected, 'only "NaN", "INF" and "-INF" may be strings');
  return problem('type', expected, `expected a JSON number for ${type}`);
}

export function checkDecimal(value: unknown, facets: PropertyFacets | undefined, ieee754: boolean): NumberProblem | undefined {
  const expected = ieee754 ? 'Edm.Decimal as a string (IEEE754Compatible)' : 'Edm.Decimal as a JSON number';
  let text: string;
  if (typeof value === 'number') {
    if (ieee754) return problem('type', expected, 'Decimal values are strings under IEEE754Compatible=true');
    if (!Number.isFinite(value)) return problem('format', expected, 'NaN and infinities are written as strings');
    text = String(value);
  } else if (typeof value === 'string') {
    if (SPECIAL.has(value)) return undefined;
    if (!ieee754) return problem('type', expected, 'Decimal values are JSON numbers unless IEEE754Compatible=true');
    if (!DECIMAL_TEXT.test(value)) return problem('format', expected, 'not a decimal literal');
    text = value;
  } else {
    return problem('type', expected, 'expected an Edm.Decimal');
  }
  return facets && (facets.precision !== undefined || typeof facets.scale === 'number') ? checkDigits(text, facets) : undefined;
}

/**
 * Precision is the total number of significant digits, Scale the most digits after the
 * point (OData CSDL 4.01, sections 7.2.3 and 7.2.4).
 */
function checkDigits(text: string, facets: PropertyFacets): NumberProblem | undefined {
  const [mantissa = '', exponentText] = text.replace(/^[+-]/, '').toLowerCase().split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  // Where the decimal point sits in `digits` once the exponent is applied.
  const point = whole.length + Number(exponentText ?? 0);
  const leadingZeros = digits.length - digits.replace(/^0+/, '').length;
  const integerDigits = Math.max(0, point - leadingZeros);
  const fractionDigits = Math.max(0, digits.replace(/0+$/, '').length - point);
  const expected = `Edm.Decimal(${facets.precision ?? '*'}, ${facets.scale ?? '*'})`;
  if (typeof facets.scale === 'number') {
    if (fractionDigits > facets.scale) return problem('facet', expected, `more than ${facets.scale} digits after the decimal point`);
    if (facets.precision !== undefined && integerDigits > facets.precision - facets.scale) {
      return problem('facet', expected, `more than ${facets.precision - facets.scale} digits before the decimal point`);
    }
  } else if (facets.precision !== undefined && integerDigits + fractionDigits > facets.precision) {
    return problem('facet', expected, `more than ${facets.precision} significant digits`);
  }
  return undefined;
}
