const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a timestamp in the RFC 3339 profile AWS uses: `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`, uppercase `T`
 * and `Z`, any number of fraction digits (truncated to milliseconds). Returns epoch milliseconds, or `undefined`
 * when the text is not such a timestamp (including impossible dates such as month 13 or Feb 30).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 */
export function parseTimestamp(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const digits = (from: number, count: number): number | undefined => {
    const part = text.slice(from, from + count);
    if (part.length !== count) return undefined;
    for (const ch of part) if (ch < '0' || ch > '9') return undefined;
    return Number(part);
  };
  const year = digits(0, 4);
  const month = digits(5, 2);
  const day = digits(8, 2);
  const hour = digits(11, 2);
  const minute = digits(14, 2);
  const second = digits(17, 2);
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':'
  ) {
    return undefined;
  }
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let i = 19;
  let millis = 0;
  if (text[i] === '.') {
    const from = ++i;
    while (i < text.length && (text[i] as string) >= '0' && (text[i] as string) <= '9') i++;
    if (i === from) return undefined;
    millis = Number(text.slice(from, Math.min(i, from + 3)).padEnd(3, '0'));
  }
  let offsetMinutes = 0;
  if (text[i] === 'Z' && i + 1 === text.length) {
    offsetMinutes = 0;
  } else if ((text[i] === '+' || text[i] === '-') && i + 6 === text.length && text[i + 3] === ':') {
    const offsetHours = digits(i + 1, 2);
    const offsetMins = digits(i + 4, 2);
    if (offsetHours === undefined || offsetMins === undefined || offsetHours > 23 || offsetMins > 59)
      return undefined;
    offsetMinutes = (text[i] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return undefined;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offsetMinutes * 60_000;
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}
