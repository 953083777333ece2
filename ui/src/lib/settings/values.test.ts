import { describe, expect, it } from 'vitest';
import { composeSetting, describeSetting } from './fields';
import { change, messages } from './testing';
import { currencyField } from './values';

describe('numbers with a unit', () => {
  it('normalises what is typed', () => {
    const { value } = change('callout_hours', 'quantity', (d) => {
      d.text = ' 1.50 ';
    });
    expect(value).toBe('1.5');
    expect(change('ops_run_it_time_to_restore_minutes', 'quantity', (d) => (d.text = '1,440')).value).toBe('1440');
  });

  it.each([
    ['callout_hours', '25', 'Choose a number of hours from 0 to 24'],
    ['callout_hours', '1.00001', 'Use at most four decimal places'],
    ['callout_hours', 'two', 'Type a number of hours such as 2 or 1.5'],
    ['callout_people', '1001', 'Choose a number of people from 0 to 1,000'],
    ['ops_run_it_time_to_restore_minutes', '-5', 'Choose a number of minutes from 0 to 100,000'],
    ['ops_run_it_time_to_acknowledge_minutes', '', 'Type a number of minutes such as 20'],
    ['setup_amortisation_years', '0', 'Choose a number of years from 1 to 100'],
  ])('%s refuses %j: %s', (key, typed, message) => {
    expect(messages(key, { kind: 'quantity', text: typed })).toEqual([message]);
  });

  it('checks setup costs as amounts', () => {
    expect(messages('you_build_it_you_run_it_setup_cost', { kind: 'amount', text: '1.234' })).toEqual([
      'Use at most two decimal places, as in 250000.50',
    ]);
    expect(messages('you_build_it_you_run_it_setup_cost', { kind: 'amount', text: 'lots' })).toEqual([
      'Type an amount such as 10000',
    ]);
    expect(composeSetting('ops_run_it_setup_cost', { kind: 'amount', text: '£2,000.00' })).toBe('2000');
    expect(describeSetting('ops_run_it_setup_cost', '12500.5')).toBe('12,500.50');
  });
});

describe('date and currency', () => {
  it('reads a currency code in any case, or its symbol', () => {
    expect(currencyField.compose({ kind: 'currency', text: ' usd ' })).toBe('USD');
    expect(currencyField.compose({ kind: 'currency', text: '€' })).toBe('EUR');
    expect(currencyField.check({ kind: 'currency', text: 'pounds' })).toEqual([
      { message: 'Type a three-letter currency code such as GBP, USD or EUR' },
    ]);
  });
});
