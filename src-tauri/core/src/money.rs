//! Exact money: a decimal amount in the workspace currency, never binary
//! floating point. Arithmetic is checked; rounding happens only when an
//! amount is presented (half away from zero, two places).

use std::fmt;
use std::iter::Sum;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

mod exact;
mod present;

pub use exact::{fraction, Exact};
use exact::div_round;
pub use present::{allocate_largest_remainder, allocate_minor_units, allocate_whole, presented_minor_units, round_table, split_presented};

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
}
