//! Exact numbers: a fraction of two `i128`s, always in lowest terms with a positive
//! denominator. Every decimal a person writes (`0.3`, `1,500`, `0.005`) is held exactly, so
//! `0.3 * 3 * 1000` is 900 and `46200 / 3850` is 12: a payback on a band's bound lands in
//! the band the bound names, never a hair off as in floating point. Results that do not fit
//! are reported (`None`), never rounded.

use std::cmp::Ordering;
use std::fmt;

/// An exact rational number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    numerator: i128,
    denominator: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

impl Number {
    /// Zero.
    pub const ZERO: Number = Number { numerator: 0, denominator: 1 };

    /// `numerator / denominator` in lowest terms; `None` for a zero denominator.
    pub fn ratio(numerator: i128, denominator: i128) -> Option<Number> {
        if denominator == 0 {
            return None;
        }
        let divisor = gcd(numerator, denominator).max(1);
        let (mut n, mut d) = (numerator / divisor, denominator / divisor);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Number { numerator: n, denominator: d })
    }

    /// A whole number.
    pub fn integer(value: i64) -> Number {
        Number { numerator: i128::from(value), denominator: 1 }
    }

    /// The decimal `text` (`1500`, `0.25`, `-3`, `1_000`, `2.5e3`) exactly; `None` when it is
    /// not a decimal or does not fit.
    pub fn parse_decimal(text: &str) -> Option<Number> {
        let text = text.trim();
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (negative, digits) = match mantissa.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let whole: String = whole.chars().filter(|&c| c != '_').collect();
        let fraction: String = fraction.chars().filter(|&c| c != '_').collect();
        if whole.is_empty() && fraction.is_empty() || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let mut numerator: i128 = 0;
        for digit in whole.chars().chain(fraction.chars()) {
            numerator = numerator.checked_mul(10)?.checked_add(i128::from(digit.to_digit(10)?))?;
        }
        let scale = i32::try_from(fraction.len()).ok()? - exponent;
        let ten = |power: i32| 10i128.checked_pow(u32::try_from(power).ok()?);
        let value = if scale >= 0 {
            Number::ratio(numerator, ten(scale)?)?
        } else {
            Number::ratio(numerator.checked_mul(ten(-scale)?)?, 1)?
        };
        if negative { value.checked_neg() } else { Some(value) }
    }

    /// The number a person meant by the float `value`: the shortest decimal that reads back
    /// as `value` (`0.3` for the float nearest 0.3), exactly. `None` when it is not finite or
    /// does not fit.
    pub fn from_f64(value: f64) -> Option<Number> {
        if !value.is_finite() {
            return None;
        }
        Number::parse_decimal(&format!("{value}"))
    }

    /// The nearest float, for display and JSON.
    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// Whether it is zero.
    pub fn is_zero(self) -> bool {
        self.numerator == 0
    }

    /// Whether it is below zero.
    pub fn is_negative(self) -> bool {
        self.numerator < 0
    }

    /// `-self`; `None` when it does not fit.
    pub fn checked_neg(self) -> Option<Number> {
        Some(Number { numerator: self.numerator.checked_neg()?, denominator: self.denominator })
    }

    /// `self + other`; `None` when it does not fit.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        let common = gcd(self.denominator, other.denominator).max(1);
        let left = self.numerator.checked_mul(other.denominator / common)?;
        let right = other.numerator.checked_mul(self.denominator / common)?;
        Number::ratio(left.checked_add(right)?, self.denominator.checked_mul(other.denominator / common)?)
    }

    /// `self - other`; `None` when it does not fit.
    pub fn checked_sub(self, other: Number) -> Option<Number> {
        self.checked_add(other.checked_neg()?)
    }

    /// `self * other`; `None` when it does not fit.
    pub fn checked_mul(self, other: Number) -> Option<Number> {
        let a = gcd(self.numerator, other.denominator).max(1);
        let b = gcd(other.numerator, self.denominator).max(1);
        let numerator = (self.numerator / a).checked_mul(other.numerator / b)?;
        let denominator = (self.denominator / b).checked_mul(other.denominator / a)?;
        Number::ratio(numerator, denominator)
    }

    /// `self / other`; `None` for a zero divisor or a result that does not fit.
    pub fn checked_div(self, other: Number) -> Option<Number> {
        if other.is_zero() {
            return None;
        }
        self.checked_mul(Number::ratio(other.denominator, other.numerator)?)
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Number) -> Ordering {
        // Cross-multiplying may not fit in i128; compare the whole parts first, then the
        // remainders, which are below their denominators.
        let (a, b) = (self.numerator.div_euclid(self.denominator), other.numerator.div_euclid(other.denominator));
        if a != b {
            return a.cmp(&b);
        }
        let (ra, rb) = (self.numerator.rem_euclid(self.denominator), other.numerator.rem_euclid(other.denominator));
        match (ra.checked_mul(other.denominator), rb.checked_mul(self.denominator)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => (ra as f64 / self.denominator as f64).total_cmp(&(rb as f64 / other.denominator as f64)),
        }
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Exactly when it is a terminating decimal (`0.25`, `1500`), else its float (`0.3867...`).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.denominator == 1 {
            return write!(f, "{}", self.numerator);
        }
        let mut rest = self.denominator;
        for factor in [2, 5] {
            while rest % factor == 0 {
                rest /= factor;
            }
        }
        if rest != 1 {
            return write!(f, "{}", self.to_f64());
        }
        let sign = if self.numerator < 0 { "-" } else { "" };
        let whole = (self.numerator / self.denominator).unsigned_abs();
        let mut remainder = (self.numerator % self.denominator).unsigned_abs();
        let denominator = self.denominator.unsigned_abs();
        let mut digits = String::new();
        while remainder != 0 {
            remainder *= 10;
            digits.push(char::from(b'0' + (remainder / denominator) as u8));
            remainder %= denominator;
        }
        write!(f, "{sign}{whole}.{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Number {
        Number::parse_decimal(text).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn decimals_are_exact() {
        assert_eq!(n("0.3").checked_mul(n("3")).unwrap().checked_mul(n("1000")).unwrap(), n("900"));
        assert_eq!(n("46200").checked_div(n("3850")).unwrap(), n("12"));
        assert_eq!(n("0.1").checked_add(n("0.2")).unwrap(), n("0.3"));
        assert_eq!(Number::from_f64(0.3).unwrap(), n("0.3"));
        assert_eq!(Number::from_f64(0.1 + 0.2).unwrap().to_string(), "0.30000000000000004");
        assert_eq!(n("1_000").to_string(), "1000");
        assert_eq!(n("2.5e3"), n("2500"));
        assert_eq!(n("-0.005").to_string(), "-0.005");
        assert_eq!(n("1e-3").to_string(), "0.001");
        assert_eq!(n("7000").checked_div(n("18100")).unwrap().to_string(), format!("{}", 7000.0 / 18100.0));
    }

    #[test]
    fn order_is_exact_at_the_bound() {
        let twelve = n("46200").checked_div(n("3850")).unwrap();
        assert!(twelve <= n("12") && twelve >= n("12"));
        let third = n("1").checked_div(n("3")).unwrap();
        assert!(third < n("0.3334") && third > n("0.3333"));
        assert!(n("-1") < n("-0.5"));
        assert!(n("-0.5") < n("0"));
    }

    #[test]
    fn what_does_not_fit_is_none_never_wrong() {
        assert_eq!(Number::parse_decimal("1e40"), None);
        assert_eq!(Number::from_f64(f64::NAN), None);
        assert_eq!(Number::from_f64(1e308), None);
        let big = n("1e37");
        assert_eq!(big.checked_mul(big), None);
        assert_eq!(n("1").checked_div(Number::ZERO), None);
        for bad in ["", ".", "1.2.3", "abc", "1e", "--1"] {
            assert_eq!(Number::parse_decimal(bad), None, "{bad}");
        }
    }
}
