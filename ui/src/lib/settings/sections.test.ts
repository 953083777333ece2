import { describe, expect, it } from 'vitest';
import { groupSettings } from './sections';
import { DEFAULTS } from './testing';

describe('unknown settings and refusals', () => {
  it('puts the settings in sections, unknown ones last', () => {
    const settings = [...DEFAULTS.map(([key]) => ({ key })), { key: 'loss_threshold_high' }];
    const groups = groupSettings(settings);
    expect(groups.map((g) => g.title)).toEqual([
      'Availability targets',
      'Deployment targets',
      'On-call pay',
      'Working week and planning year',
      'Cost split',
      'Premium assumptions',
      'Currency',
      'Other settings',
    ]);
    expect(groups.flatMap((g) => g.settings).length).toBe(settings.length);
    expect(groups[0].settings.map((s) => s.key)).toEqual(['exposure_bands', 'out_of_hours_levels']);
    expect(groupSettings([{ key: 'currency' }]).map((g) => g.id)).toEqual(['currency']);
  });
});
