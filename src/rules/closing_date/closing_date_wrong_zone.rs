use crate::posting::Lang;
use crate::posting::date::{format_offset, offset_at, zone_info, zone_offset, zone_variant};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A time-zone abbreviation whose UTC offset is not the one in force on that date in its
    /// region: daylight time (`EDT`, `HAE`) on a date in standard time, such as
    /// `February 7, 2022 11:59 pm EDT`, or standard time (`EST`, `HNE`) on a date in daylight
    /// time, such as `May 4, 2022 11:59 pm EST`. The offsets come from the time-zone database
    /// bundled with postlint, so a province that changes its clock rules (as British Columbia
    /// did in 2026) is judged by the rules in force on the date. Names written in full
    /// (`Eastern Standard Time`, `heure normale de l'Est`) are checked too.
    ///
    /// ## Why it matters
    /// EDT and EST are an hour apart: the deadline is ambiguous, and a candidate who trusts the
    /// abbreviation may apply an hour late.
    ///
    /// ## Examples
    /// ```md,bad
    /// We're accepting submissions until Monday, February 7, 2022 11:59 pm EDT.
    /// ```
    /// ```md,good
    /// We're accepting submissions until Monday, February 7, 2022 11:59 pm EST.
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the abbreviation of the same region with the offset in force replaces it.
    pub static CLOSING_DATE_WRONG_ZONE = Rule {
        id: "closing-date-wrong-zone",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for found in &posting.facts.deadlines {
        let d = &found.value;
        let (Some(date), Some((zone, range))) = (d.date, &d.zone) else {
            continue;
        };
        let (Some((tz, _)), Some(stated)) = (zone_info(zone), zone_offset(zone)) else {
            continue;
        };
        let time = d
            .time
            .as_ref()
            .map_or(jiff::civil::Time::midnight(), |(t, _)| *t);
        let Some(actual) = offset_at(tz, date, time) else {
            continue;
        };
        if actual == stated {
            continue;
        }
        let span = posting.span(range.clone());
        let written = posting.slice(span).trim_matches(['(', ')']).to_string();
        let right = [true, false]
            .into_iter()
            .filter_map(|dst| zone_variant(zone, dst))
            .find(|v| zone_offset(v) == Some(actual));
        let french = posting.lang_at(span.start as usize) == Some(Lang::Fr);
        let message = format!(
            "`{written}` is {} but on {date} the clocks there are on {}",
            format_offset(stated),
            format_offset(actual)
        );
        let d = cx.report(span, message);
        match right {
            Some(right) => {
                let replacement = if written.len() > 4 {
                    respell(&written, right)
                } else {
                    right.to_string()
                };
                d.help(if french {
                    format!("Écrivez `{replacement}`.")
                } else {
                    format!("Write `{replacement}`.")
                });
                let original = posting.slice(span);
                d.replace(
                    Applicability::Safe,
                    format!("Write `{replacement}`"),
                    original.replace(&written, &replacement),
                );
            }
            None => {
                d.help(if french {
                    "Vérifiez l'heure et le fuseau : aucune abréviation de cette région n'a ce décalage à cette date.".to_string()
                } else {
                    "Check the time and zone: no abbreviation of that region has this offset on that date.".to_string()
                });
            }
        }
    }
}

/// The zone written in full, with daylight and standard swapped to match `right`.
fn respell(written: &str, right: &str) -> String {
    let daylight = right.ends_with("DT") || right.starts_with("HA");
    let swaps: [(&str, &str); 4] = [
        ("Standard", "Daylight"),
        ("standard", "daylight"),
        ("normale", "avancée"),
        ("Normale", "Avancée"),
    ];
    let mut out = written.to_string();
    for (std, dst) in swaps {
        out = if daylight {
            out.replace(std, dst)
        } else {
            out.replace(dst, std)
        };
    }
    out
}
