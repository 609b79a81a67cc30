//! The salary family: pay stated where the law requires it, readable, sane, and written in one
//! style per language. Jurisdictions are data in `rules/salary/jurisdictions.toml`.

mod salary_implausible;
mod salary_locale_mismatch;
mod salary_missing;
mod salary_no_period;
mod salary_open_ended;
mod salary_range_inverted;
mod salary_range_too_wide;
mod salary_style;
mod salary_unreadable;
mod salary_vague;

use std::sync::LazyLock;

use jiff::civil::Date;

use crate::posting::facts::Found;
use crate::posting::salary::{Amount, Pay, PayText, Period};
use crate::posting::{Lang, Posting};
use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &salary_implausible::SALARY_IMPLAUSIBLE,
    &salary_locale_mismatch::SALARY_LOCALE_MISMATCH,
    &salary_missing::SALARY_MISSING,
    &salary_no_period::SALARY_NO_PERIOD,
    &salary_open_ended::SALARY_OPEN_ENDED,
    &salary_range_inverted::SALARY_RANGE_INVERTED,
    &salary_range_too_wide::SALARY_RANGE_TOO_WIDE,
    &salary_style::SALARY_STYLE,
    &salary_unreadable::SALARY_UNREADABLE,
    &salary_vague::SALARY_VAGUE,
];

/// A pay-transparency law, as data.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Jurisdiction {
    pub code: String,
    pub name: String,
    in_force: String,
    pub min_employees: u32,
    pub max_range_width: Option<f64>,
    pub range_limit_exempt_above: Option<f64>,
    pub open_ended_allowed: bool,
    pub source: String,
}

#[derive(serde::Deserialize)]
struct Table {
    jurisdiction: Vec<Jurisdiction>,
}

static JURISDICTIONS: LazyLock<Vec<Jurisdiction>> = LazyLock::new(|| {
    let table: Table = toml::from_str(include_str!("../../../rules/salary/jurisdictions.toml"))
        .expect("rules/salary/jurisdictions.toml is valid (tests/data.rs)");
    table.jurisdiction
});

impl Jurisdiction {
    pub fn all() -> &'static [Jurisdiction] {
        &JURISDICTIONS
    }

    pub fn by_code(code: &str) -> Option<&'static Jurisdiction> {
        JURISDICTIONS
            .iter()
            .find(|j| j.code.eq_ignore_ascii_case(code))
    }

    pub fn codes() -> Vec<&'static str> {
        JURISDICTIONS.iter().map(|j| j.code.as_str()).collect()
    }

    /// The first day postings must show pay.
    pub fn in_force(&self) -> Date {
        self.in_force
            .parse()
            .expect("in-force dates are valid (tests/data.rs)")
    }

    /// Whether the law applies to a posting published on `date` by an employer of `size`.
    pub fn applies(&self, date: Date, size: Option<u32>) -> bool {
        date >= self.in_force() && size.is_none_or(|s| s >= self.min_employees)
    }
}

/// The stated amounts of a posting, with where they were read.
fn amounts(posting: &Posting) -> impl Iterator<Item = (&Found<PayText>, &Pay)> {
    posting.facts.pay.iter().filter_map(|f| match &f.value {
        PayText::Amounts(p) => Some((f, p)),
        _ => None,
    })
}

/// An amount per year, in dollars.
fn annual(amount: &Amount, period: Period) -> f64 {
    amount.dollars() * period.per_year()
}

/// The language a pay statement should follow: its segment's or the file's.
fn lang_of(posting: &Posting, found: &Found<PayText>) -> Option<Lang> {
    posting.lang_at(found.span.start as usize)
}

/// `73402` → `73,402` (English) or `73 402` with a no-break space (French).
fn group(dollars: i64, sep: char) -> String {
    let digits = dollars.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount in the house style of `lang`: cents only when there are some.
fn format_amount(amount: &Amount, lang: Lang) -> String {
    let dollars = amount.cents / 100;
    let cents = amount.cents % 100;
    match lang {
        Lang::En if cents == 0 => format!("${}", group(dollars, ',')),
        Lang::En => format!("${}.{cents:02}", group(dollars, ',')),
        Lang::Fr if cents == 0 => format!("{}\u{a0}$", group(dollars, '\u{a0}')),
        Lang::Fr => format!("{},{cents:02}\u{a0}$", group(dollars, '\u{a0}')),
    }
}

/// The pay statement in the house style of `lang` (Canada.ca): `$73,402 to $108,164 per year`,
/// `de 73 402 $ à 108 164 $ par année`. `None` when it cannot be rewritten without guessing.
fn canonical(pay: &Pay, lang: Lang) -> Option<String> {
    if pay.open_ended.is_some() {
        return None;
    }
    let min = format_amount(&pay.min, lang);
    let period = pay.period.as_ref().map(|(p, _)| match lang {
        Lang::En => format!(" per {}", p.name()),
        Lang::Fr => format!(" par {}", p.french()),
    });
    let body = match (&pay.max, lang) {
        (Some(max), Lang::En) => format!("{min} to {}", format_amount(max, lang)),
        (Some(max), Lang::Fr) => format!("de {min} à {}", format_amount(max, lang)),
        (None, _) => min,
    };
    Some(format!("{body}{}", period.unwrap_or_default()))
}

/// The house-style rewrite of a pay statement where it stands: a French range keeps the `de`
/// it may already follow (`de 66 995 $ à 72 183 $`) without doubling it.
fn rewrite_in_place(
    posting: &Posting,
    found: &Found<PayText>,
    pay: &Pay,
    lang: Lang,
) -> Option<String> {
    let rewrite = canonical(pay, lang)?;
    if lang == Lang::Fr {
        let before = posting.text()[..found.span.start as usize].trim_end_matches([' ', '\u{a0}']);
        let has_de = before.ends_with(" de")
            || before.ends_with("\nde")
            || before.eq_ignore_ascii_case("de")
            || before.ends_with("De");
        if has_de || pay.max.is_none() {
            return Some(rewrite.trim_start_matches("de ").to_string());
        }
    }
    Some(rewrite)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::salary::find_all;

    fn canon(text: &str, lang: Lang) -> String {
        let PayText::Amounts(p) = find_all(text).remove(0) else {
            panic!()
        };
        canonical(&p, lang).unwrap()
    }

    #[test]
    fn house_style() {
        assert_eq!(
            canon("$73,402.00 - $108,164.00 per year", Lang::En),
            "$73,402 to $108,164 per year"
        );
        assert_eq!(
            canon("$788.25 - $1051.00 weekly", Lang::En),
            "$788.25 to $1,051 per week"
        );
        assert_eq!(
            canon("$66,995 - $72,183 par année", Lang::Fr),
            "de 66\u{a0}995\u{a0}$ à 72\u{a0}183\u{a0}$ par année"
        );
    }

    #[test]
    fn jurisdictions_load() {
        let on = Jurisdiction::by_code("ca-on").unwrap();
        assert_eq!(on.in_force().to_string(), "2026-01-01");
        assert!(on.applies("2026-02-01".parse().unwrap(), None));
        assert!(!on.applies("2026-02-01".parse().unwrap(), Some(10)));
        assert!(!on.applies("2025-12-31".parse().unwrap(), Some(100)));
    }
}
