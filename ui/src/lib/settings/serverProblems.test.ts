import { describe, expect, it } from 'vitest';
import { plainServerProblem } from './serverProblems';

describe('unknown settings and refusals', () => {
  it('puts the core’s refusal in plain words, without its key', () => {
    const plain = plainServerProblem(
      'exposure_bands',
      'Availability target by exposure',
      "setting exposure_bands: '7000=95,7000=99' is not valid; expected comma-separated BOUND=LEVEL pairs with distinct bounds, e.g. 7000=95.0,250000=99.0",
    );
    expect(plain).toBe(
      'That was not saved. Each band needs an upper bound of exposure per hour and an availability target above 0% and below 100%, and no two bands can share an upper bound.',
    );
    expect(plain).not.toContain('exposure_bands');
    const other = plainServerProblem('loss_threshold_high', 'High loss threshold', "setting loss_threshold_high: 'x' is not valid; expected an amount, e.g. 100000");
    expect(other).toBe('That was not saved. It should be an amount, e.g. 100000.');
    expect(plainServerProblem('callout_hours', 'Hours paid per callout', 'the workspace file is read-only')).toBe(
      'That was not saved: the workspace file is read-only',
    );
    expect(plainServerProblem('colour', 'Colour', "unknown setting 'colour'; the settings are: currency")).toBe(
      'This version of the planner does not know this setting, so it was not saved.',
    );
  });
});
