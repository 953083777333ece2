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
    #[error("an amount small enough to compute with")]
    Overflow,
}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn new(d: Decimal) -> Money {
        Money(d)
    }

    /// Whole units, e.g. `Money::units(7000)` is 7,000.00.
    pub fn units(n: i64) -> Money {
        Money(Decimal::new(n * 100, 2))
    }

    /// An amount from integer minor units (pence, cents), as stored.
    pub fn from_minor(minor: i64) -> Money {
        Money(Decimal::new(minor, 2))
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

    /// Rounded (half away from zero) or padded to `places` decimal places.
    pub fn at_scale(self, places: u32) -> Money {
        let mut d = self.0.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
        d.rescale(places);
        Money(d)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
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
        if d.abs() >= Decimal::from(10_i64.pow(15)) {
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

    /// Multiplies by an exact quantity (days, hours, a count, a fraction).
    pub fn checked_mul(self, factor: Decimal) -> Option<Money> {
        self.0.checked_mul(factor).map(Money)
    }

    pub fn checked_div(self, divisor: Decimal) -> Option<Money> {
        self.0.checked_div(divisor).map(Money)
    }

    /// Rounded to whole minor units, half away from zero: the presented value.
    pub fn rounded(self) -> Money {
        Money(self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// The presented amount in minor units.
    pub fn rounded_minor(self) -> i128 {
        let r = self.rounded().0 * Decimal::ONE_HUNDRED;
        r.mantissa() / 10_i128.pow(r.scale())
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
/// budget reaches (inputs are capped at 10^15).
impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a.checked_add(b).expect("money sum overflow"))
    }
}

/// Splits presented amounts so that they add up exactly to the presented
/// whole: each exact share is floored to minor units, then the pennies left
/// over go to the largest remainders (ties to the earlier share). Every
/// presented part differs from its exact share by less than one minor unit.
pub fn allocate_largest_remainder(exact: &[Money]) -> Vec<Money> {
    // In integers, exactly: an amount is mantissa / 10^scale, so in minor
    // units its floor and its remainder (kept at 26 places, one scale for
    // all, since a decimal has at most 28) need no decimal arithmetic.
    const PLACES: u32 = 26;
    let unit = 10_i128.pow(PLACES);
    let mut floors: Vec<i128> = Vec::with_capacity(exact.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(exact.len());
    let mut remainder_sum: i128 = 0;
    for (i, m) in exact.iter().enumerate() {
        let (mantissa, scale) = (m.0.mantissa(), m.0.scale());
        let (floor, rem) = if scale <= 2 {
            (mantissa * 10_i128.pow(2 - scale), 0)
        } else {
            let d = 10_i128.pow(scale - 2);
            (mantissa.div_euclid(d), mantissa.rem_euclid(d) * 10_i128.pow(PLACES + 2 - scale))
        };
        floors.push(floor);
        remainders.push((rem, i));
        remainder_sum += rem;
    }
    // The presented whole: the sum rounded half away from zero. Its fraction
    // is first rounded to 18 places of a minor unit: a 28-digit division
    // leaves noise far below that (1/12 + … + 1/12 can add up to a hair
    // under an exact half), and a half must round as a half.
    let noise = 10_i128.pow(PLACES - 18);
    let fraction = (remainder_sum.rem_euclid(unit) + noise / 2) / noise * noise;
    let whole = floors.iter().sum::<i128>() + remainder_sum.div_euclid(unit) + fraction / unit;
    let twice_fraction = 2 * (fraction % unit);
    let round_up = if whole >= 0 { twice_fraction >= unit } else { twice_fraction > unit };
    let mut left = whole + i128::from(round_up) - floors.iter().sum::<i128>();
    if left > 0 {
        remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in remainders.iter().cycle() {
            if left == 0 {
                break;
            }
            floors[*i] += 1;
            left -= 1;
        }
    }
    floors.into_iter().map(|minor| Money(Decimal::from_i128_with_scale(minor, 2))).collect()
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
        assert_eq!(Money::parse_input("9999999999999999"), Err(MoneyError::Overflow));
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

    #[test]
    fn a_weekly_rate_accrued_per_day_for_a_year_is_exact() {
        // 300 a week is 300/7 a day; over 364 days that is exactly 15,600.00.
        let per_day = m("300").checked_div(Decimal::from(7)).unwrap();
        let year: Money = (0..364).map(|_| per_day).sum();
        assert_eq!(year.plain(), "15600.00");
    }

    #[test]
    fn largest_remainder_parts_add_up_to_the_presented_whole() {
        let third = m("100").checked_div(Decimal::from(3)).unwrap();
        let parts = allocate_largest_remainder(&[third, third, third]);
        assert_eq!(parts.iter().map(|p| p.plain()).collect::<Vec<_>>(), ["33.34", "33.33", "33.33"]);
        let parts = allocate_largest_remainder(&[m("0.004"), m("0.004"), m("0.004")]);
        assert_eq!(parts.iter().copied().sum::<Money>().plain(), "0.01");
        assert_eq!(allocate_largest_remainder(&[]), Vec::<Money>::new());
        // Negative amounts round half away from zero too.
        let parts = allocate_largest_remainder(&[m("-0.005")]);
        assert_eq!(parts[0].plain(), "-0.01");
        let parts = allocate_largest_remainder(&[m("-1.004"), m("0.5")]);
        assert_eq!(parts.iter().copied().sum::<Money>().plain(), "-0.50");
    }
}
