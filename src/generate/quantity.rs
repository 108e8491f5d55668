//! Numbers as a reader expects them in prose: `1,500`, `100K`, `1M`, `0.5`.

/// Formats a quantity: millions in tenths as `1M` or `2.5M`, whole thousands from 10,000 as
/// `100K`, other
/// whole numbers with thousands separators, fractions with at most two decimals.
pub fn format_quantity(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    if magnitude.fract() != 0.0 {
        let text = format!("{magnitude:.2}");
        return format!("{sign}{}", text.trim_end_matches('0').trim_end_matches('.'));
    }
    let whole = magnitude as u64;
    if whole >= 1_000_000 && whole.is_multiple_of(100_000) {
        let tenths = whole / 100_000;
        let shown = if tenths.is_multiple_of(10) {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        return format!("{sign}{shown}M");
    }
    if (10_000..1_000_000).contains(&whole) && whole.is_multiple_of(1_000) {
        return format!("{sign}{}K", whole / 1_000);
    }
    format!("{sign}{}", crate::text::thousands(whole))
}

/// Formats a figure of a calculation exactly enough to follow the arithmetic: whole numbers
/// with thousands separators (`20,000`), others with two decimals or three significant
/// digits, whichever shows more (`17.78`, `0.387`, `0.005`).
pub fn format_figure(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    let decimals = if magnitude == 0.0 { 0 } else { (2 - magnitude.log10().floor() as i32).clamp(2, 9) as usize };
    let text = format!("{magnitude:.decimals$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let whole: u64 = whole.parse().unwrap_or(u64::MAX);
    let shown = if fraction.is_empty() {
        crate::text::thousands(whole)
    } else {
        format!("{}.{fraction}", crate::text::thousands(whole))
    };
    if shown.chars().all(|c| c == '0' || c == '.') { "0".to_string() } else { format!("{sign}{shown}") }
}

#[cfg(test)]
mod tests {
    use super::format_quantity;

    #[test]
    fn formats_like_prose() {
        let cases = [
            (3.0, "3"),
            (12.0, "12"),
            (1500.0, "1,500"),
            (100_000.0, "100K"),
            (1_000_000.0, "1M"),
            (2_500_000.0, "2.5M"),
            (1_234_567.0, "1,234,567"),
            (0.5, "0.5"),
            (0.126, "0.13"),
            (-4.0, "-4"),
        ];
        for (value, shown) in cases {
            assert_eq!(format_quantity(value), shown, "{value}");
        }
    }

    #[test]
    fn figures_keep_enough_digits_to_follow_the_arithmetic() {
        use super::format_figure;
        let cases = [
            (20_000.0, "20,000"),
            (18_100.0, "18,100"),
            (7_000.0 / 18_100.0, "0.387"),
            (17.777_7, "17.78"),
            (0.005, "0.005"),
            (0.25, "0.25"),
            (1_234_567.891, "1,234,567.89"),
            (-1_500.0, "-1,500"),
            (0.0, "0"),
            (400_000.0, "400,000"),
        ];
        for (value, shown) in cases {
            assert_eq!(format_figure(value), shown, "{value}");
        }
    }
}
