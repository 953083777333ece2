import { describe, expect, it } from 'vitest';
import type { ServiceView } from './bindings';
import { isBlock, nextSort, parseBlock, planPaste, visibleRows } from './servicesGrid';

const row = (name: string, extra: Partial<ServiceView> = {}): ServiceView =>
  ({
    id: name.length,
    name,
    kind: 'digital',
    team: `${name}-team`,
    domain: null,
    exposure_per_hour: '1000.00',
    feature_demand: 'High',
    availability_target: '95.0',
    tolerable_unavailability_seconds: 30240,
    deployment_target: 'weekly',
    operating_model: 'you_build_it_you_run_it',
    on_call_out_of_hours: 'none',
    ...extra,
  }) as ServiceView;

describe('parseBlock', () => {
  it('reads tab-separated rows as a spreadsheet copies them', () => {
    expect(parseBlock('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps quoted cells whole, with their tabs, line breaks and doubled quotes', () => {
    expect(parseBlock('"x\ty"\t"say ""hi"""\n"two\nlines"\tz')).toEqual([
      ['x\ty', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
  });

  it('keeps empty cells', () => {
    expect(parseBlock('a\t\tc\n\tb\t')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('tells a block from text for one field', () => {
    expect(isBlock('bedroom\n')).toBe(false);
    expect(isBlock('bedroom\t1000')).toBe(true);
    expect(isBlock('a\nb')).toBe(true);
  });
});

describe('planPaste', () => {
  const rows = [row('bedroom'), row('sofas')];

  it('maps a block that covers the Service column by name, dropping grouping from amounts', () => {
    const block = parseBlock('chairs\tdigital\tchairs-team\t\t"9,000"\tHigh\textra\n');
    const { paste, droppedColumns } = planPaste(block, rows, 0, 'name');
    expect(paste.columns).toEqual(['name', 'kind', 'team', 'domain', 'exposure_per_hour', 'feature_demand']);
    expect(paste.rows).toEqual([['chairs', 'digital', 'chairs-team', '', '9000', 'High']]);
    expect(droppedColumns).toBe(1);
  });

  it('updates the rows shown from the cell pasted into when the block has no names', () => {
    const { paste } = planPaste(parseBlock('2000\tLow\n3000\tHigh'), rows, 0, 'exposure_per_hour');
    expect(paste).toEqual({
      columns: ['name', 'exposure_per_hour', 'feature_demand'],
      rows: [
        ['bedroom', '2000', 'Low'],
        ['sofas', '3000', 'High'],
      ],
    });
  });

  it('leaves the name blank past the last row, so the check says which row has none', () => {
    const { paste } = planPaste(parseBlock('1\n2\n3'), rows, 1, 'exposure_per_hour');
    expect(paste.rows.map((r) => r[0])).toEqual(['sofas', '', '']);
  });
});

describe('visibleRows', () => {
  const services = [row('tables', { exposure_per_hour: '900.00', team: 'home' }), row('bedroom', { exposure_per_hour: '200000.00' }), row('sofas', { exposure_per_hour: '1000.00', domain: 'home-shopping' })];

  it('filters by words found in the name, team or domain', () => {
    expect(visibleRows(services, 'HOME', null).map((s) => s.name)).toEqual(['tables', 'sofas']);
    expect(visibleRows(services, 'home sofa', null).map((s) => s.name)).toEqual(['sofas']);
    expect(visibleRows(services, '  ', null)).toHaveLength(3);
  });

  it('sorts amounts as numbers, exactly, either way', () => {
    const by = (descending: boolean) => visibleRows(services, '', { column: 'exposure_per_hour', descending }).map((s) => s.name);
    expect(by(false)).toEqual(['tables', 'sofas', 'bedroom']);
    expect(by(true)).toEqual(['bedroom', 'sofas', 'tables']);
  });

  it('cycles a header through ascending, descending and the plan order', () => {
    let sort = nextSort(null, 'name');
    expect(sort).toEqual({ column: 'name', descending: false });
    sort = nextSort(sort, 'name');
    expect(sort).toEqual({ column: 'name', descending: true });
    expect(nextSort(sort, 'name')).toBeNull();
    expect(nextSort(sort, 'team')).toEqual({ column: 'team', descending: false });
  });
});
