//! `Exact`: the engine's computed amounts, a whole number of 10^-16
//! currency units, with checked integer arithmetic.

use std::iter::Sum;

use rust_decimal::{Decimal, RoundingStrategy};

use super::Money;

/// A computed amount, exact to 16 decimal places of a currency unit: a
/// whole number of 10^-16 units, so the engine's arithmetic is integer
/// arithmetic. Entered amounts (two places) convert exactly; a quotient (a
/// weekly rate per day, a share, a yearly rate per incident) is rounded half
/// away from zero at the 16th place, a ten-trillionth of a penny, once.
/// Checked: `None` on overflow, past about 10^22 units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exact(pub(in crate::money) i128);

impl Exact {
    pub const PLACES: u32 = 16;
    pub const ZERO: Exact = Exact(0);
    /// One minor unit (a penny, a cent).
    pub(in crate::money) const MINOR: i128 = 10_i128.pow(Exact::PLACES - 2);

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
pub(in crate::money) fn div_round(n: i128, d: i128) -> i128 {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> Exact {
        Exact::of(Money(s.parse().unwrap()))
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
}
