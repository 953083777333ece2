//! Presenting exact amounts in whole minor units so that the parts a
//! report shows add up to the totals it shows.

use super::{Exact, Money};

/// Presents exact amounts so that they add up exactly to the presented
/// whole: each is floored to minor units, then the pennies left over go to
/// the largest remainders (ties to the earlier amount). Every presented part
/// differs from its exact amount by less than one minor unit.
pub fn allocate_largest_remainder(exact: &[Exact]) -> Vec<Money> {
    allocate_minor_units(exact).into_iter().map(Money::from_minor_units).collect()
}

/// [`allocate_largest_remainder`] in whole minor units.
pub fn allocate_minor_units(exact: &[Exact]) -> Vec<i128> {
    allocate_whole(presented_minor_units(exact), exact)
}

/// The presented sum of exact amounts in whole minor units: the sum rounded
/// half away from zero. Each amount is within half a unit of the 16th
/// place of its true value, so a sum within n such halves of a half penny
/// is a half penny (twelve twelfths of half a penny, each rounded down,
/// still make a half that rounds up).
pub fn presented_minor_units(exact: &[Exact]) -> i128 {
    let sum = exact.iter().copied().sum::<Exact>().0;
    let (floor, rem, slack) = (sum.div_euclid(Exact::MINOR), sum.rem_euclid(Exact::MINOR), exact.len() as i128);
    floor + i128::from(if sum >= 0 { 2 * rem + slack >= Exact::MINOR } else { 2 * rem - slack > Exact::MINOR })
}

/// Splits a presented whole (minor units, within a penny of the exact
/// amounts' sum) into presented parts: each exact amount floored, then the
/// pennies left over to the largest remainders (ties to the earlier
/// amount). The parts add up to the whole, and each is within a penny of
/// its exact amount.
pub fn allocate_whole(whole: i128, exact: &[Exact]) -> Vec<i128> {
    let mut floors: Vec<i128> = exact.iter().map(|e| e.0.div_euclid(Exact::MINOR)).collect();
    // The whole is within a penny of the exact sum, so between the sum of
    // the floors and one penny more per amount.
    let left = usize::try_from(whole - floors.iter().sum::<i128>()).expect("a whole below its parts' floors");
    assert!(left <= exact.len(), "a whole more than a penny a part above its parts");
    if left > 0 {
        // Largest remainder first, then the earlier amount; only the first `left` need finding.
        let mut remainders: Vec<(i128, usize)> = exact.iter().zip(&floors).enumerate().map(|(i, (e, f))| (e.0 - f * Exact::MINOR, i)).collect();
        remainders.select_nth_unstable_by(left - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in &remainders[..left] {
            floors[i] += 1;
        }
    }
    floors
}

/// Presents a small table of exact amounts (rows × columns) so that every
/// figure adds up: each cell, row total, column total and the grand total is
/// its exact value's floor or ceiling in minor units, the grand total is the
/// exact total rounded, and the cells add up to the row and column totals.
/// Such a rounding always exists (a two-way table is a network flow with
/// integral bounds); among them the one closest to the exact cells is taken,
/// ties to the earlier. Returns the cells in minor units.
pub fn round_table(exact: &[Vec<Exact>]) -> Vec<Vec<i128>> {
    let cols = exact.first().map_or(0, Vec::len);
    let floor = |e: Exact| e.0.div_euclid(Exact::MINOR);
    let within = |presented: i128, e: Exact| presented == floor(e) || presented == floor(e) + i128::from(e.0.rem_euclid(Exact::MINOR) != 0);
    let cells: Vec<(usize, usize)> = (0..exact.len()).flat_map(|r| (0..cols).map(move |c| (r, c))).collect();
    let fractional: Vec<usize> = (0..cells.len()).filter(|k| exact[cells[*k].0][cells[*k].1].0.rem_euclid(Exact::MINOR) != 0).collect();
    assert!(fractional.len() <= 16, "a table to round has at most 16 cells with a fraction of a penny");
    let all: Vec<Exact> = exact.iter().flatten().copied().collect();
    let whole = presented_minor_units(&all);
    let row_sums: Vec<Exact> = exact.iter().map(|r| r.iter().copied().sum()).collect();
    let col_sums: Vec<Exact> = (0..cols).map(|c| exact.iter().map(|r| r[c]).sum()).collect();
    let mut best: Option<(i128, Vec<Vec<i128>>)> = None;
    for up in 0u32..(1 << fractional.len()) {
        let mut t: Vec<Vec<i128>> = exact.iter().map(|r| r.iter().map(|e| floor(*e)).collect()).collect();
        for (bit, k) in fractional.iter().enumerate() {
            if up & (1 << bit) != 0 {
                t[cells[*k].0][cells[*k].1] += 1;
            }
        }
        let adds_up = t.iter().flatten().sum::<i128>() == whole
            && t.iter().zip(&row_sums).all(|(r, e)| within(r.iter().sum(), *e))
            && (0..cols).all(|c| within(t.iter().map(|r| r[c]).sum(), col_sums[c]));
        if adds_up {
            let distance: i128 = cells.iter().map(|&(r, c)| (t[r][c] * Exact::MINOR - exact[r][c].0).abs()).sum();
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, t));
            }
        }
    }
    best.expect("a two-way table always has a controlled rounding").1
}

/// Presents an exact amount that is `whole` minor units in all as two
/// parts that add up to it, each within a penny of its exact part (`first`
/// and the rest): the first part's floor or ceiling, whichever keeps the
/// second within a penny too.
pub fn split_presented(whole: i128, total: Exact, first: Exact) -> (i128, i128) {
    let floor = first.0.div_euclid(Exact::MINOR);
    // Where the whole stands against the exact total, plus the first part's
    // fraction: below one penny, the floor leaves the second within a penny.
    let over = whole * Exact::MINOR - total.0 + first.0.rem_euclid(Exact::MINOR);
    let first = if over < Exact::MINOR { floor } else { floor + 1 };
    (first, whole - first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> Exact {
        Exact::of(Money(s.parse().unwrap()))
    }

    #[test]
    fn a_small_table_rounds_so_rows_columns_and_total_add_up() {
        let third = x("100").checked_mul_div(1, 3).unwrap();
        let two_thirds = x("100").checked_mul_div(2, 3).unwrap();
        // Rows 33.33… + 66.66… = 100 each; columns 66.66… and 133.33…: 200 in all.
        let t = round_table(&[vec![third, two_thirds], vec![third, two_thirds]]);
        let sum = |v: &[i128]| v.iter().sum::<i128>();
        assert_eq!(sum(&t[0]) + sum(&t[1]), 20_000);
        assert_eq!((sum(&t[0]), sum(&t[1])), (10_000, 10_000));
        for c in 0..2 {
            let col = t[0][c] + t[1][c];
            assert!([6_666, 6_667, 13_333, 13_334].contains(&col), "{t:?}");
        }
        assert_eq!(round_table(&[vec![x("1.25"), Exact::ZERO]]), [[125, 0]]);
    }

    #[test]
    fn a_presented_amount_splits_into_two_parts_each_within_a_penny() {
        // 10.004 + 0.004 = 10.008, presented 10.01: the first part 10.00 leaves 0.01 (within a penny of 0.004).
        let (first, second) = (x("10.004"), x("0.004"));
        let total = first.checked_add(second).unwrap();
        assert_eq!(split_presented(1001, total, first), (1000, 1));
        // 10.006 + 0.002 = 10.008 presented 10.00 (allocated down): 10.00 and 0.00.
        let (first, second) = (x("10.006"), x("0.002"));
        assert_eq!(split_presented(1000, first.checked_add(second).unwrap(), first), (1000, 0));
        // 0.009 + 0.009 = 0.018, presented 0.02: 0.01 each.
        let nine = x("0.009");
        assert_eq!(split_presented(2, nine.checked_add(nine).unwrap(), nine), (1, 1));
    }

    #[test]
    fn largest_remainder_parts_add_up_to_the_presented_whole() {
        let third = x("100").checked_mul_div(1, 3).unwrap();
        let parts = allocate_largest_remainder(&[third, third, third]);
        assert_eq!(parts.iter().map(|p| p.plain()).collect::<Vec<_>>(), ["33.34", "33.33", "33.33"]);
        let tenth_of_a_penny = x("0.01").checked_mul_div(4, 10).unwrap();
        let parts = allocate_largest_remainder(&[tenth_of_a_penny; 3]);
        assert_eq!(parts.iter().copied().sum::<Money>().plain(), "0.01");
        assert_eq!(allocate_largest_remainder(&[]), Vec::<Money>::new());
        // Negative amounts round half away from zero too.
        let half_penny = Exact::ZERO.checked_sub(x("0.01").checked_mul_div(1, 2).unwrap()).unwrap();
        assert_eq!(allocate_largest_remainder(&[half_penny])[0].plain(), "-0.01");
        let parts = allocate_largest_remainder(&[Exact::ZERO.checked_sub(x("1.004")).unwrap(), x("0.5")]);
        assert_eq!(parts.iter().copied().sum::<Money>().plain(), "-0.50");
        // Six twelfths of a penny, each rounded down at the 16th place, are
        // still the half penny they add up to, and it rounds up.
        let twelfth = x("0.01").checked_mul_div(1, 12).unwrap();
        assert_eq!(twelfth.money().decimal().to_string(), "0.0008333333333333");
        assert_eq!(allocate_largest_remainder(&[twelfth; 6]).iter().copied().sum::<Money>().plain(), "0.01");
    }
}
