use crate::posting::date::{is_dst, zone_info, zone_variant};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A time-zone abbreviation wrong for the date: daylight time (`EDT`, `HAE`) on a date in
    /// standard time, such as `February 7, 2022 11:59 pm EDT`, or standard time (`EST`, `HNE`)
    /// on a date in daylight time, such as `May 4, 2022 11:59 pm EST`. Canada's daylight time
    /// runs from the second Sunday of March to the first Sunday of November.
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
    /// Safe: the date decides which abbreviation is in effect.
    pub static CLOSING_DATE_WRONG_ZONE = Rule {
        id: "closing-date-wrong-zone",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
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
        let Some((tz, says_dst)) = zone_info(zone) else {
            continue;
        };
        let time = d
            .time
            .as_ref()
            .map_or(jiff::civil::Time::midnight(), |(t, _)| *t);
        let Some(dst) = is_dst(tz, date, time) else {
            continue;
        };
        if dst == says_dst {
            continue;
        }
        let Some(right) = zone_variant(zone, dst) else {
            continue;
        };
        let season = if dst {
            "daylight time"
        } else {
            "standard time"
        };
        let span = posting.span(range.clone());
        cx.report(
            span,
            format!("`{zone}` is wrong for {date}: the clocks are on {season}, `{right}`"),
        )
        .help(format!(
            "Write `{right}`, or the zone in full, such as `Eastern Time`."
        ))
        .replace(Applicability::Safe, format!("Write `{right}`"), right);
    }
}
