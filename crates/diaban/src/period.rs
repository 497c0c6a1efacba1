//! Calendar periods with inclusive ends, and their algebra.
//!
//! A [`Period`] is `[from, to]` where **both ends are inclusive** and `to` may be
//! open (`None`), exactly as Vietnamese decisions write "từ ngày … đến ngày …".
//! A period ending on day `D` and another starting on `D + 1` are *contiguous*:
//! there is no gap and no overlap between them.
//!
//! ```
//! use diaban::{Period, date};
//! let first = Period::new(date!(2024, 9, 1), Some(date!(2024, 12, 31))).unwrap();
//! let second = Period::starting(date!(2025, 1, 1));
//! assert!(first.is_contiguous_with(&second));
//! assert!(!first.overlaps(&second));
//! let window = Period::new(date!(2024, 9, 1), Some(date!(2025, 1, 31))).unwrap();
//! assert!(diaban::period::gaps_within(&window, &[first, second]).is_empty());
//! ```

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A calendar day written as a constant: `date!(2024, 9, 1)`.
///
/// The day is computed when the program is compiled, so a day that does not exist is a
/// compile error, never a placeholder value. The arguments must be constants (literals or
/// `const` items); for days you do not know in advance use [`ymd`] (year, month and day
/// numbers) or [`parse_date`] (text), which return `None` for a day that does not exist.
///
/// ```
/// use diaban::date;
/// const START: chrono::NaiveDate = date!(2024, 9, 1);
/// assert_eq!(date!(2024, 2, 29).to_string(), "2024-02-29");
/// assert_eq!(START.to_string(), "2024-09-01");
/// ```
///
/// ```compile_fail
/// let _ = diaban::date!(2023, 2, 29); // 2023 is not a leap year: does not compile
/// ```
///
/// ```compile_fail
/// let month = 2;
/// let _ = diaban::date!(2024, month, 1); // not a constant: use diaban::period::ymd
/// ```
#[macro_export]
macro_rules! date {
    ($year:expr, $month:expr, $day:expr $(,)?) => {{
        #[allow(clippy::panic)]
        const DAY: $crate::period::NaiveDate =
            match $crate::period::NaiveDate::from_ymd_opt($year, $month, $day) {
                ::core::option::Option::Some(day) => day,
                ::core::option::Option::None => {
                    ::core::panic!("diaban::date!: no such calendar day")
                }
            };
        DAY
    }};
}

#[doc(hidden)]
pub use chrono::NaiveDate;

/// The day with these year, month and day numbers, or `None` when there is no such day in the
/// supported range (years 1 to 9999), for numbers you do not control.
///
/// ```
/// use diaban::period::ymd;
/// assert_eq!(ymd(2024, 2, 29), Some(diaban::date!(2024, 2, 29)));
/// assert_eq!(ymd(2023, 2, 29), None);
/// assert_eq!(ymd(10_000, 1, 1), None);
/// ```
#[must_use]
pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).filter(|d| (1..=9999).contains(&d.year()))
}

/// Parses a calendar date written as ISO `YYYY-MM-DD` or Vietnamese `DD/MM/YYYY`.
///
/// Leading and trailing spaces are ignored. Impossible dates (`2024-02-30`,
/// `31/02/2024`) and years outside `1..=9999` are rejected.
///
/// ```
/// use diaban::{parse_date, date};
/// assert_eq!(parse_date("2024-08-29"), Some(date!(2024, 8, 29)));
/// assert_eq!(parse_date("29/08/2024"), Some(date!(2024, 8, 29)));
/// assert_eq!(parse_date("2024-02-30"), None);
/// assert_eq!(parse_date("+1/+9/2024"), None);   // digits only
/// ```
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let parsed = if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = bytes {
        // ISO, read by hand: this runs for every date of every record.
        let number = |digits: &[&u8]| {
            digits.iter().try_fold(0u32, |acc, b| {
                b.is_ascii_digit().then(|| acc * 10 + u32::from(**b - b'0'))
            })
        };
        match (
            number(&[y0, y1, y2, y3]),
            number(&[m0, m1]),
            number(&[d0, d1]),
        ) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d),
            _ => None,
        }
    } else if (8..=10).contains(&bytes.len()) && text.matches('/').count() == 2 {
        // Day and month of one or two digits, a four-digit year; digits only (no signs).
        let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
            (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let mut parts = text.split('/');
        let day = digits(parts.next()?, 1..=2)?;
        let month = digits(parts.next()?, 1..=2)?;
        let year = digits(parts.next()?, 4..=4)?;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    } else {
        None
    };
    parsed.filter(|d| (1..=9999).contains(&d.year()))
}

/// An error building a [`Period`]: the end comes before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("period ends on {to} before it starts on {from}")]
pub struct EndBeforeStart {
    /// The start that was given.
    pub from: NaiveDate,
    /// The end that was given.
    pub to: NaiveDate,
}

/// A span of calendar days `[from, to]`, both ends inclusive; `to = None` is open-ended.
///
/// Periods order by start, then by end (an open end sorts last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day of the period (inclusive).
    pub from: NaiveDate,
    /// Last day of the period (inclusive); `None` when the period has no end yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        self.from
            .cmp(&other.from)
            .then_with(|| end_key(self.to).cmp(&end_key(other.to)))
    }
}

fn end_key(to: Option<NaiveDate>) -> NaiveDate {
    to.unwrap_or(NaiveDate::MAX)
}

fn end_of(to: NaiveDate) -> Option<NaiveDate> {
    (to != NaiveDate::MAX).then_some(to)
}

impl Period {
    /// A period from `from` to `to` inclusive; fails when `to` is before `from`.
    pub fn new(from: NaiveDate, to: Option<NaiveDate>) -> Result<Period, EndBeforeStart> {
        match to {
            Some(to) if to < from => Err(EndBeforeStart { from, to }),
            _ => Ok(Period { from, to }),
        }
    }

    /// An open-ended period starting on `from`.
    #[must_use]
    pub fn starting(from: NaiveDate) -> Period {
        Period { from, to: None }
    }

    /// The single day `day`.
    #[must_use]
    pub fn day(day: NaiveDate) -> Period {
        Period {
            from: day,
            to: Some(day),
        }
    }

    /// The calendar year `year`, 1 January to 31 December, or `None` for a year outside the
    /// supported range (1 to 9999).
    ///
    /// ```
    /// use diaban::{date, Period};
    /// assert_eq!(Period::year(2024).map(|y| y.days()), Some(Some(366)));
    /// assert_eq!(Period::year(10_000), None);
    /// ```
    #[must_use]
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: ymd(year, 1, 1)?,
            to: Some(ymd(year, 12, 31)?),
        })
    }

    /// The period with no bounds at all: no known start, open-ended.
    ///
    /// A period without a known start keeps the earliest representable day in `from`
    /// (year −262144, outside the years 1 to 9999 that any input can give, so it never
    /// collides with a recorded day); read the start through [`Period::start`], which says
    /// `None` for it.
    #[must_use]
    pub fn always() -> Period {
        Period::until(None)
    }

    /// The period with no known start that ends on `to` (or never, for `None`).
    ///
    /// ```
    /// use diaban::{date, Period};
    /// let p = Period::until(Some(date!(2025, 6, 30)));
    /// assert_eq!((p.start(), p.to), (None, Some(date!(2025, 6, 30))));
    /// assert!(p.contains(date!(1, 1, 1)));
    /// ```
    #[must_use]
    pub fn until(to: Option<NaiveDate>) -> Period {
        Period {
            from: NaiveDate::MIN,
            to,
        }
    }

    /// The period from `from` (or with no known start, for `None`) to `to`.
    #[must_use]
    pub fn between(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Period {
        match from {
            Some(from) => Period { from, to },
            None => Period::until(to),
        }
    }

    /// The first day, or `None` when the period has no known start ([`Period::until`]).
    #[must_use]
    pub fn start(&self) -> Option<NaiveDate> {
        (self.from != NaiveDate::MIN).then_some(self.from)
    }

    /// True when `to` is before `from` (only possible for a period built field by field).
    #[must_use]
    pub fn is_inverted(&self) -> bool {
        matches!(self.to, Some(to) if to < self.from)
    }

    /// True when the period has no end.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.to.is_none()
    }

    /// True when `day` lies inside the period (ends included).
    #[must_use]
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= end_key(self.to)
    }

    /// True when every day of `other` lies inside this period.
    #[must_use]
    pub fn covers(&self, other: &Period) -> bool {
        self.from <= other.from && end_key(other.to) <= end_key(self.to)
    }

    /// True when the two periods share at least one day.
    #[must_use]
    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= end_key(other.to) && other.from <= end_key(self.to)
    }

    /// The days both periods share, if any.
    #[must_use]
    pub fn intersect(&self, other: &Period) -> Option<Period> {
        let from = self.from.max(other.from);
        let to = end_key(self.to).min(end_key(other.to));
        (from <= to).then(|| Period {
            from,
            to: end_of(to),
        })
    }

    /// True when one period ends the day before the other starts (no gap, no overlap).
    #[must_use]
    pub fn is_contiguous_with(&self, other: &Period) -> bool {
        let follows = |a: &Period, b: &Period| a.to.and_then(|t| t.succ_opt()) == Some(b.from);
        follows(self, other) || follows(other, self)
    }

    /// The single period made of both, when they overlap or are contiguous.
    #[must_use]
    pub fn merge(&self, other: &Period) -> Option<Period> {
        (self.overlaps(other) || self.is_contiguous_with(other)).then(|| Period {
            from: self.from.min(other.from),
            to: end_of(end_key(self.to).max(end_key(other.to))),
        })
    }

    /// The days of this period that are not in `other`: zero, one or two periods, in order.
    #[must_use]
    pub fn subtract(&self, other: &Period) -> Vec<Period> {
        let Some(common) = self.intersect(other) else {
            return vec![*self];
        };
        let mut out = Vec::with_capacity(2);
        if let Some(before) = common.from.pred_opt().filter(|d| *d >= self.from) {
            out.push(Period {
                from: self.from,
                to: Some(before),
            });
        }
        if let Some(after) = common.to.and_then(|t| t.succ_opt()) {
            if after <= end_key(self.to) {
                out.push(Period {
                    from: after,
                    to: self.to,
                });
            }
        }
        out
    }

    /// Number of days in the period, or `None` when it is open-ended.
    #[must_use]
    pub fn days(&self) -> Option<i64> {
        self.to.map(|to| (to - self.from).num_days() + 1)
    }

    /// The first day after the period, or `None` when it is open-ended.
    #[must_use]
    pub fn day_after(&self) -> Option<NaiveDate> {
        self.to.and_then(|t| t.succ_opt())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "{} – {}", self.from, to),
            None => write!(f, "{} – …", self.from),
        }
    }
}

/// Merges periods that overlap or touch into the smallest sorted set of disjoint periods.
///
/// Runs in `O(n log n)` (one sort, one sweep).
#[must_use]
pub fn union(periods: &[Period]) -> Vec<Period> {
    let mut sorted: Vec<Period> = periods
        .iter()
        .copied()
        .filter(|p| !p.is_inverted())
        .collect();
    sorted.sort_unstable();
    let mut out: Vec<Period> = Vec::with_capacity(sorted.len());
    for p in sorted {
        match out.last_mut() {
            Some(last) => match last.merge(&p) {
                Some(merged) => *last = merged,
                None => out.push(p),
            },
            None => out.push(p),
        }
    }
    out
}

/// The days of `window` that no period in `covered` contains, as sorted disjoint periods.
///
/// ```
/// use diaban::{Period, date, period::gaps_within};
/// let window = Period::new(date!(2024, 9, 1), Some(date!(2024, 9, 30))).unwrap();
/// let covered = [Period::starting(date!(2024, 9, 15))];
/// assert_eq!(gaps_within(&window, &covered),
///            vec![Period::new(date!(2024, 9, 1), Some(date!(2024, 9, 14))).unwrap()]);
/// ```
#[must_use]
pub fn gaps_within(window: &Period, covered: &[Period]) -> Vec<Period> {
    let mut gaps = vec![*window];
    for c in union(covered) {
        let Some(last) = gaps.pop() else { break };
        gaps.extend(last.subtract(&c));
    }
    gaps
}

/// The days on which two or more of `periods` are in force at once, as sorted disjoint periods.
///
/// A sweep over starts and ends: `O(n log n)`.
#[must_use]
pub fn overlaps(periods: &[Period]) -> Vec<Period> {
    depth_at_least(periods, 2)
}

/// The days covered by at least `depth` of `periods` at once, as sorted disjoint periods.
#[must_use]
pub fn depth_at_least(periods: &[Period], depth: usize) -> Vec<Period> {
    // Events: +1 on `from`, -1 on the day after `to`.
    let mut events: Vec<(NaiveDate, i64)> = Vec::with_capacity(periods.len() * 2);
    for p in periods.iter().filter(|p| !p.is_inverted()) {
        events.push((p.from, 1));
        if let Some(after) = p.day_after() {
            events.push((after, -1));
        }
    }
    events.sort_unstable();
    let threshold = i64::try_from(depth).unwrap_or(i64::MAX);
    let mut out: Vec<Period> = Vec::new();
    let mut level = 0i64;
    let mut open: Option<NaiveDate> = None;
    let mut i = 0;
    while let Some(&(day, _)) = events.get(i) {
        while let Some(&(d, delta)) = events.get(i) {
            if d != day {
                break;
            }
            level += delta;
            i += 1;
        }
        match (open, level >= threshold) {
            (None, true) => open = Some(day),
            (Some(start), false) => {
                out.push(Period {
                    from: start,
                    to: day.pred_opt(),
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(Period {
            from: start,
            to: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(from: (i32, u32, u32), to: Option<(i32, u32, u32)>) -> Period {
        Period {
            from: ymd(from.0, from.1, from.2).unwrap(),
            to: to.map(|t| ymd(t.0, t.1, t.2).unwrap()),
        }
    }

    #[test]
    fn contains_edges_day_before_of_after() {
        let period = p((2024, 9, 1), Some((2024, 9, 30)));
        assert!(!period.contains(date!(2024, 8, 31)));
        assert!(period.contains(date!(2024, 9, 1)));
        assert!(period.contains(date!(2024, 9, 30)));
        assert!(!period.contains(date!(2024, 10, 1)));
        assert!(Period::starting(date!(2024, 9, 1)).contains(date!(9999, 12, 31)));
    }

    #[test]
    fn contiguity_at_the_edge() {
        let a = p((2024, 1, 1), Some((2024, 6, 30)));
        assert!(a.is_contiguous_with(&p((2024, 7, 1), None)));
        assert!(!a.is_contiguous_with(&p((2024, 7, 2), None)), "one day gap");
        assert!(
            !a.is_contiguous_with(&p((2024, 6, 30), None)),
            "one day overlap"
        );
        assert!(a.overlaps(&p((2024, 6, 30), None)));
        assert!(!a.overlaps(&p((2024, 7, 1), None)));
    }

    #[test]
    fn new_rejects_end_before_start_but_accepts_one_day() {
        assert!(Period::new(date!(2024, 9, 2), Some(date!(2024, 9, 1))).is_err());
        assert_eq!(
            Period::new(date!(2024, 9, 1), Some(date!(2024, 9, 1))).map(|p| p.days()),
            Ok(Some(1))
        );
    }

    #[test]
    fn subtract_cases() {
        let a = p((2024, 1, 1), Some((2024, 12, 31)));
        assert_eq!(
            a.subtract(&p((2024, 3, 1), Some((2024, 3, 31)))),
            vec![
                p((2024, 1, 1), Some((2024, 2, 29))),
                p((2024, 4, 1), Some((2024, 12, 31)))
            ]
        );
        assert_eq!(a.subtract(&p((2023, 1, 1), None)), vec![]);
        assert_eq!(a.subtract(&p((2025, 1, 1), None)), vec![a]);
        assert_eq!(
            Period::starting(date!(2024, 1, 1)).subtract(&a),
            vec![p((2025, 1, 1), None)]
        );
    }

    #[test]
    fn gaps_report_exact_ranges() {
        let window = p((2024, 9, 1), None);
        let covered = [
            p((2024, 9, 15), Some((2024, 12, 31))),
            p((2025, 1, 10), None),
        ];
        assert_eq!(
            gaps_within(&window, &covered),
            vec![
                p((2024, 9, 1), Some((2024, 9, 14))),
                p((2025, 1, 1), Some((2025, 1, 9)))
            ]
        );
    }

    #[test]
    fn overlaps_sweep() {
        let periods = [
            p((2025, 1, 1), Some((2025, 3, 15))),
            p((2025, 3, 1), None),
            p((2025, 6, 1), Some((2025, 6, 1))),
        ];
        assert_eq!(
            overlaps(&periods),
            vec![
                p((2025, 3, 1), Some((2025, 3, 15))),
                p((2025, 6, 1), Some((2025, 6, 1)))
            ]
        );
    }

    #[test]
    fn parse_both_forms_and_reject_impossible() {
        assert_eq!(parse_date(" 01/07/2025 "), Some(date!(2025, 7, 1)));
        assert_eq!(parse_date("1/7/2025"), Some(date!(2025, 7, 1)));
        assert_eq!(parse_date("31/02/2024"), None);
        assert_eq!(parse_date("0000-01-01"), None);
        assert_eq!(parse_date("9999-12-31"), Some(date!(9999, 12, 31)));
        assert_eq!(parse_date("2024-9-1"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("29/02/2023"), None);
    }

    fn arb_period() -> impl Strategy<Value = Period> {
        (0i64..400, proptest::option::of(0i64..60)).prop_map(|(start, len)| {
            let from = date!(2024, 1, 1) + chrono::Duration::days(start);
            Period {
                from,
                to: len.map(|l| from + chrono::Duration::days(l)),
            }
        })
    }

    fn day_set(periods: &[Period], horizon: NaiveDate) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut d = date!(2023, 12, 1);
        while d <= horizon {
            if periods.iter().any(|p| p.contains(d)) {
                out.push(d);
            }
            d = d.succ_opt().unwrap_or(d);
        }
        out
    }

    proptest! {
        #[test]
        fn intersection_is_commutative_and_inside_both(a in arb_period(), b in arb_period()) {
            prop_assert_eq!(a.intersect(&b), b.intersect(&a));
            if let Some(i) = a.intersect(&b) {
                prop_assert!(a.covers(&i) && b.covers(&i));
            }
            prop_assert_eq!(a.overlaps(&b), a.intersect(&b).is_some());
        }

        #[test]
        fn subtract_and_intersection_partition(a in arb_period(), b in arb_period()) {
            let horizon = date!(2025, 6, 1);
            let mut parts = a.subtract(&b);
            if let Some(i) = a.intersect(&b) { parts.push(i); }
            prop_assert_eq!(day_set(&parts, horizon), day_set(&[a], horizon));
            for piece in a.subtract(&b) { prop_assert!(!piece.overlaps(&b)); }
        }

        #[test]
        fn union_preserves_days_and_is_disjoint(ps in proptest::collection::vec(arb_period(), 0..8)) {
            let horizon = date!(2025, 6, 1);
            let u = union(&ps);
            prop_assert_eq!(day_set(&u, horizon), day_set(&ps, horizon));
            for w in u.windows(2) {
                if let [x, y] = w {
                    prop_assert!(!x.overlaps(y) && !x.is_contiguous_with(y) && x < y);
                }
            }
        }

        #[test]
        fn gaps_complement_coverage(ps in proptest::collection::vec(arb_period(), 0..8), w in arb_period()) {
            let horizon = date!(2025, 6, 1);
            let gaps = gaps_within(&w, &ps);
            let mut all = gaps.clone();
            all.extend(ps.iter().filter_map(|p| p.intersect(&w)));
            prop_assert_eq!(day_set(&all, horizon), day_set(&[w], horizon));
            for g in &gaps { prop_assert!(ps.iter().all(|p| !p.overlaps(g))); }
        }

        #[test]
        fn overlaps_are_days_with_two_or_more(ps in proptest::collection::vec(arb_period(), 0..8)) {
            let horizon = date!(2025, 6, 1);
            let expected: Vec<NaiveDate> = day_set(&ps, horizon)
                .into_iter()
                .filter(|d| ps.iter().filter(|p| p.contains(*d)).count() >= 2)
                .collect();
            prop_assert_eq!(day_set(&overlaps(&ps), horizon), expected);
        }

        #[test]
        fn union_is_order_independent(mut ps in proptest::collection::vec(arb_period(), 0..8)) {
            let u = union(&ps);
            ps.reverse();
            prop_assert_eq!(union(&ps), u);
        }
    }
}
