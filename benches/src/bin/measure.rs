//! `measure [--scale S] [--repeat N] [--only load_check]`: times single passes of the main
//! operations on generated data and prints one `name seconds` line per operation (the best
//! of N runs). `cargo xtask bench` uses `--only load_check` as the native baseline of the
//! Python and WebAssembly comparisons (the same file, the same profile, the same options).

// A command-line tool of the benchmark crate: failing loudly is the right behaviour.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban::{check, CheckOptions, Dataset, Index, Limits, Profile};
use diaban_benches::{at_day, ensure_data, today};
use std::time::Instant;

fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..repeat.max(1))
        .map(|_| {
            let t = Instant::now();
            let out = f();
            let s = t.elapsed().as_secs_f64();
            drop(out);
            s
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let mut scale = 1.0f64;
    let mut repeat = 3usize;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--scale" => scale = v.parse().expect("a number"),
            "--repeat" => repeat = v.parse().expect("an integer"),
            "--only" => only = Some(v),
            other => panic!("unknown argument `{other}`"),
        }
    }
    let dir = ensure_data(scale);
    if let Some(what) = only.as_deref().filter(|w| *w != "load_check") {
        // Profiling helpers: one operation, `repeat` times.
        let text = std::fs::read_to_string(dir.join("dataset.json")).unwrap();
        let profile =
            Profile::from_json_str(&std::fs::read_to_string(dir.join("profile.json")).unwrap())
                .unwrap();
        let options = CheckOptions {
            today: Some(today()),
            ..CheckOptions::default()
        };
        let ds = (what != "from_json")
            .then(|| Dataset::from_json_str_with_limits(&text, &Limits::none()).unwrap());
        let t = match (what, &ds) {
            ("from_json", _) => best(repeat, || {
                Dataset::from_json_str_with_limits(&text, &Limits::none()).unwrap()
            }),
            ("check", Some(ds)) => best(repeat, || check(ds, &profile, &options)),
            ("check_at", Some(ds)) => best(repeat, || {
                check(
                    ds,
                    &profile,
                    &CheckOptions {
                        at: Some(at_day()),
                        ..options
                    },
                )
            }),
            _ => panic!("--only takes load_check, from_json, check or check_at"),
        };
        println!("{what} {t:.6}");
        return;
    }
    let profile =
        Profile::from_json_str(&std::fs::read_to_string(dir.join("profile.json")).unwrap())
            .unwrap();
    let options = CheckOptions {
        today: Some(today()),
        ..CheckOptions::default()
    };
    let json = dir.join("dataset.json");
    let t = best(repeat, || {
        let ds = Dataset::load_with_limits(&json, &Limits::none()).unwrap();
        check(&ds, &profile, &options)
    });
    println!("load_check {t:.6}");
    if only.as_deref() == Some("load_check") {
        return;
    }
    let text = std::fs::read_to_string(&json).unwrap();
    println!(
        "parse_floor {:.6}",
        best(repeat, || serde_json::from_str::<serde::de::IgnoredAny>(
            &text
        )
        .unwrap())
    );
    println!(
        "from_json_str {:.6}",
        best(repeat, || Dataset::from_json_str_with_limits(
            &text,
            &Limits::none()
        )
        .unwrap())
    );
    drop(text);
    println!(
        "load_csv {:.6}",
        best(repeat, || Dataset::load_with_limits(
            dir.join("csv"),
            &Limits::none()
        )
        .unwrap())
    );
    let ds = Dataset::load_with_limits(&json, &Limits::none()).unwrap();
    let report = check(&ds, &profile, &options);
    println!("findings {}", report.findings.len());
    println!(
        "check_full {:.6}",
        best(repeat, || check(&ds, &profile, &options))
    );
    println!(
        "check_at {:.6}",
        best(repeat, || check(
            &ds,
            &profile,
            &CheckOptions {
                at: Some(at_day()),
                ..options
            }
        ))
    );
    println!("index_new {:.6}", best(repeat, || Index::new(&ds)));
    let index = Index::new(&ds);
    println!(
        "coverage {:.6}",
        best(repeat, || index
            .coverage(&profile, Some("commune-monitoring"), at_day())
            .unwrap())
    );
    println!(
        "year_report {:.6}",
        best(repeat, || index.year_report(&profile, 2024, Some(today())))
    );
}
