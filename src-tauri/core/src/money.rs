//! Exact money: a decimal amount in the workspace currency, never binary
//! floating point. Arithmetic is checked; rounding happens only when an
//! amount is presented (half away from zero, two places).

use std::fmt;
use std::iter::Sum;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// An exact amount of money. Inputs carry at most two decimal places;
/// computed amounts (a weekly rate divided into days, a share of a schedule)
/// keep full precision until they are presented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(#[serde(with = "rust_decimal::serde::str")] Decimal);

/// Why a text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("a plain decimal amount such as 810000 or 810000.00")]
    NotADecimal,
    #[error("at most two decimal places")]
    TooPrecise,
    #[error("an amount that is not negative")]
    Negative,
    #[error("an amount below 1,000,000,000,000")]
    Overflow,
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Whole units, e.g. `Money::units(7000)` is 7,000.00.
    pub fn units(n: i64) -> Money {
        Money(Decimal::new(n * 100, 2))
    }

    /// An amount from integer minor units (pence, cents), as stored.
    pub fn from_minor(minor: i64) -> Money {
        Money(Decimal::new(minor, 2))
    }

    /// An amount from computed minor units.
    pub fn from_minor_units(minor: i128) -> Money {
        Money(Decimal::from_i128_with_scale(minor, 2))
    }

    /// The amount in minor units, if it has no fraction of a minor unit.
    pub fn to_minor(self) -> Option<i64> {
        let scaled = self.0.checked_mul(Decimal::ONE_HUNDRED)?;
        if scaled.fract().is_zero() {
            i64::try_from(scaled).ok()
        } else {
            None
        }
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Parses an entered amount: a plain decimal (no currency sign, no
    /// thousands separator), not negative, at most two decimal places.
    pub fn parse_input(text: &str) -> Result<Money, MoneyError> {
        let t = text.trim();
        if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') || t.starts_with('.') {
            return Err(if t.starts_with('-') { MoneyError::Negative } else { MoneyError::NotADecimal });
        }
        let d = Decimal::from_str(t).map_err(|_| MoneyError::NotADecimal)?;
        if d.scale() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        // Far beyond any real rate or exposure, and it keeps every figure the
        // engine derives well inside `Exact`'s range.
        if d.abs() >= Decimal::from(10_i64.pow(12)) {
            return Err(MoneyError::Overflow);
        }
        // One scale for every entered amount, so comparing two is cheap.
        let mut d = d;
        d.rescale(2);
        Ok(Money(d))
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// Whole minor units, rounded half away from zero (exact for an entered amount).
    pub fn to_minor_units(self) -> i128 {
        match self.0.scale() {
            // An entered amount: its mantissa, scaled, with nothing to round.
            scale @ 0..=2 => self.0.mantissa() * 10_i128.pow(2 - scale),
            _ => div_round(Exact::of(self).0, Exact::MINOR),
        }
    }

    /// Rounded to whole minor units, half away from zero: the presented value.
    pub fn rounded(self) -> Money {
        Money(self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// Plain two-place decimal for JSON and CSV: `15600.00`.
    pub fn plain(self) -> String {
        let mut r = self.rounded().0;
        r.rescale(2);
        r.to_string()
    }

    /// Two places with thousands separators for people: `15,600.00`.
    pub fn grouped(self) -> String {
        group_thousands(&self.plain())
    }
}

/// Inserts commas into the integer part of a plain decimal string.
pub fn group_thousands(plain: &str) -> String {
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

/// Sums exactly; panics only on overflow of 28 significant digits, which no
/// budget reaches (inputs are capped at 10^12).
impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a.checked_add(b).expect("money sum overflow"))
    }
}

/// A computed amount, exact to 16 decimal places of a currency unit: a
/// whole number of 10^-16 units, so the engine's arithmetic is integer
/// arithmetic. Entered amounts (two places) convert exactly; a quotient (a
/// weekly rate per day, a share, a yearly rate per incident) is rounded half
/// away from zero at the 16th place, a ten-trillionth of a penny, once.
/// Checked: `None` on overflow, past about 10^22 units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exact(i128);

impl Exact {
    pub const PLACES: u32 = 16;
    pub const ZERO: Exact = Exact(0);
    /// One minor unit (a penny, a cent).
    const MINOR: i128 = 10_i128.pow(Exact::PLACES - 2);

    /// An entered or stored amount (at most two places, so exactly).
    pub fn of(m: Money) -> Exact {
        // Rounding is only needed past 16 places, which no entered amount has.
        let d = if m.0.scale() <= Exact::PLACES { m.0 } else { m.0.round_dp_with_strategy(Exact::PLACES, RoundingStrategy::MidpointAwayFromZero) };
        Exact(d.mantissa() * 10_i128.pow(Exact::PLACES - d.scale()))
    }

    /// The amount × `numerator` ÷ `denominator` (positive), rounded half away from zero.
    pub fn checked_mul_div(self, numerator: i128, denominator: i128) -> Option<Exact> {
        Division::of(self.0, denominator).times(numerator)
    }

    /// The amount × a whole number (of days, of teams).
    pub fn checked_mul(self, n: i128) -> Option<Exact> {
        self.0.checked_mul(n).map(Exact)
    }

    /// The amount × an exact decimal quantity (hours, people, incidents).
    pub fn checked_mul_decimal(self, quantity: Decimal) -> Option<Exact> {
        let (numerator, denominator) = fraction(quantity);
        self.checked_mul_div(numerator, denominator)
    }

    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        self.0.checked_add(other.0).map(Exact)
    }

    pub fn checked_sub(self, other: Exact) -> Option<Exact> {
        self.0.checked_sub(other.0).map(Exact)
    }

    /// Splits the amount by weights: each part is amount × weight ÷ total
    /// weight, rounded, and the last takes what is left, so the parts add up
    /// to the amount exactly. Equal parts when every weight is zero.
    pub fn split(self, weights: &[i128]) -> Vec<Exact> {
        if weights.is_empty() {
            return Vec::new();
        }
        let total: i128 = weights.iter().sum();
        let equal = total == 0;
        // One division by the total serves every part.
        let per = Division::of(self.0, if equal { weights.len() as i128 } else { total });
        let mut left = self;
        let mut parts: Vec<Exact> = weights[..weights.len() - 1]
            .iter()
            .map(|&w| {
                let part = per.times(if equal { 1 } else { w }).expect("share overflow");
                left = left.checked_sub(part).expect("share overflow");
                part
            })
            .collect();
        parts.push(left);
        parts
    }

    /// The exact amount as money, to 16 places (fewer only past 10^12 units,
    /// where a decimal holds fewer places).
    pub fn money(self) -> Money {
        let (mut units, mut places) = (self.0, Exact::PLACES);
        loop {
            if let Ok(d) = Decimal::try_from_i128_with_scale(units, places) {
                return Money(d);
            }
            units = div_round(units, 10);
            places -= 1;
        }
    }

    /// Rounded to whole minor units, half away from zero: the presented value.
    pub fn rounded(self) -> Money {
        Money::from_minor_units(div_round(self.0, Exact::MINOR))
    }

    /// Plain two-place decimal of the presented value: `15600.00`.
    pub fn plain(self) -> String {
        self.rounded().plain()
    }
}

/// v ÷ d (d positive) kept as a whole part and a remainder, so that
/// v × n ÷ d = whole × n + rest × n ÷ d: no product is larger than it must
/// be, and many n can share the one division.
struct Division {
    whole: i128,
    rest: i128,
    by: i128,
}

impl Division {
    fn of(v: i128, by: i128) -> Division {
        Division { whole: v / by, rest: v % by, by }
    }

    /// v × n ÷ d, rounded half away from zero; `None` on overflow.
    fn times(&self, n: i128) -> Option<Exact> {
        Some(Exact(self.whole.checked_mul(n)?.checked_add(div_round(self.rest.checked_mul(n)?, self.by))?))
    }
}

/// A decimal quantity as the fraction mantissa ÷ 10^scale, for
/// [`Exact::checked_mul_div`].
pub fn fraction(d: Decimal) -> (i128, i128) {
    (d.mantissa(), 10_i128.pow(d.scale()))
}

/// n ÷ d (d positive), rounded half away from zero.
fn div_round(n: i128, d: i128) -> i128 {
    let (q, r) = (n / d, n % d);
    if 2 * r.abs() >= d {
        q + n.signum()
    } else {
        q
    }
}

impl Sum for Exact {
    fn sum<I: Iterator<Item = Exact>>(iter: I) -> Exact {
        iter.fold(Exact::ZERO, |a, b| a.checked_add(b).expect("money sum overflow"))
    }
}

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

    fn m(s: &str) -> Money {
        Money(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(Money::parse_input("810000").unwrap(), Money::units(810_000));
        assert_eq!(Money::parse_input(" 810000.50 ").unwrap().to_minor(), Some(81_000_050));
        assert_eq!(Money::parse_input("1.234"), Err(MoneyError::TooPrecise));
        assert_eq!(Money::parse_input("-5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse_input("£5"), Err(MoneyError::NotADecimal));
        assert_eq!(Money::parse_input("5,000"), Err(MoneyError::NotADecimal));
        assert_eq!(Money::parse_input("1e5"), Err(MoneyError::NotADecimal));
        assert_eq!(Money::parse_input(""), Err(MoneyError::NotADecimal));
        assert_eq!(Money::parse_input("999999999999.99").unwrap().to_minor(), Some(99_999_999_999_999));
        assert_eq!(Money::parse_input("1000000000000"), Err(MoneyError::Overflow));
    }

    #[test]
    fn rounds_half_away_from_zero_only_when_presented() {
        assert_eq!(m("0.005").plain(), "0.01");
        assert_eq!(m("0.004999").plain(), "0.00");
        assert_eq!(m("-0.005").plain(), "-0.01");
        assert_eq!(m("2.5").plain(), "2.50");
        assert_eq!(m("1234567.891").grouped(), "1,234,567.89");
        assert_eq!(m("-1234.5").grouped(), "-1,234.50");
        assert_eq!(m("999").grouped(), "999.00");
    }

    fn x(s: &str) -> Exact {
        Exact::of(m(s))
    }

    #[test]
    fn a_weekly_rate_accrued_per_day_for_a_year_is_exact() {
        // 300 a week is 300/7 a day; over 364 days that is exactly 15,600.00.
        assert_eq!(x("300").checked_mul_div(364, 7), Some(x("15600")));
        let per_day = x("300").checked_mul_div(1, 7).unwrap();
        assert_eq!(per_day.money().decimal().to_string(), "42.8571428571428571");
        let year: Exact = (0..364).map(|_| per_day).sum();
        assert_eq!(year.plain(), "15600.00");
    }

    #[test]
    fn exact_amounts_round_half_away_from_zero_once() {
        assert_eq!(x("0.01").checked_mul_div(1, 2).unwrap().plain(), "0.01");
        assert_eq!(x("0.01").checked_mul_div(1, 3).unwrap().money().decimal().to_string(), "0.0033333333333333");
        assert_eq!(x("0.02").checked_mul_div(1, 3).unwrap().money().decimal().to_string(), "0.0066666666666667");
        assert_eq!(x("2.50").checked_mul_decimal(Decimal::new(15, 1)).unwrap(), x("3.75"));
        assert_eq!(Exact::ZERO.checked_sub(x("0.005")).unwrap().plain(), "-0.01");
        assert_eq!(x("1").checked_mul_div(i128::MAX, 1), None);
        // Past 28 digits a decimal keeps fewer places, never wrong ones.
        assert_eq!(x("123456789012345").money().decimal().to_string(), "123456789012345.00000000000000");
    }

    #[test]
    fn a_split_adds_up_exactly() {
        let parts = x("100").split(&[1, 1, 1]);
        assert_eq!(parts.iter().map(|p| p.money().decimal().to_string()).collect::<Vec<_>>(), ["33.3333333333333333", "33.3333333333333333", "33.3333333333333334"]);
        assert_eq!(parts.iter().copied().sum::<Exact>(), x("100"));
        assert_eq!(x("10").split(&[0, 0]), [x("5"), x("5")]);
        assert_eq!(x("10").split(&[300, 100]), [x("7.5"), x("2.5")]);
        assert_eq!(x("10").split(&[]), []);
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
