// Instants written in scenarios (docs/simulation.md#running-a-scenario-svcpkg-simulate–8.3): a date means midnight UTC of that day; a
// date-time needs a zone. Both become epoch milliseconds, or NaN when they do not exist.
import { DAY_MS, daysFromCivil, daysInMonth } from '../evaluate/calendar.js';
import { parseIsoInstant } from '../evaluate/timestamp.js';

/** The shape of a date alone. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of a scenario date or date-time, or NaN when it is not a real instant. */
export function parseScenarioInstant(text: string): number {
  const date = DATE.exec(text);
  if (!date) return parseIsoInstant(text);
  const year = Number(date[1]);
  const month = Number(date[2]);
  const day = Number(date[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * DAY_MS;
}

/** Midnight UTC of the day after the one holding `t`: the default scenario end after the last event. */
export function nextDayStart(t: number): number {
  return (Math.floor(t / DAY_MS) + 1) * DAY_MS;
}
