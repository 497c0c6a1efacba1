//! The benchmarks of issue 7 (criterion). Data comes from `target/bench-data/s{scale}` and is
//! generated there when missing (see `diaban_benches::generate`).
//!
//! Environment: `DIABAN_BENCH_SCALES` (default `1`): the scales of the load and check
//! benchmarks (`cargo xtask bench` sweeps 1, 2, 4 and 8 with the `measure` binary instead:
//! criterion's minimum of 10 samples per benchmark would take over half an hour at scale 8); `DIABAN_BENCH_BASE` (default `1`): the scale of every other benchmark;
//! `DIABAN_BENCH_DATA`: where the data lives. `cargo bench -p diaban-benches -- --test` runs
//! every body once (what CI does, at scale 0.01).
//!
//! National data is larger than the core's default input caps (`Limits::default()`: 256 MiB,
//! 5 million records per table), so every load here passes `Limits::none()`.
//!
//! Groups (criterion ids `group/function/parameter`):
//! - `load_json/{diaban,serde_ignored_any}/s{N}`: `Dataset::from_json_str` on the bytes of
//!   `dataset.json` already in memory, and the parse floor: `serde_json` into `IgnoredAny`;
//! - `load_csv/diaban/s{N}`: `Dataset::load` of the CSV folder (reads the files);
//! - `check/full/s{N}`: `check` over the whole history; `check/at_date/s{base}`: `check` at one day;
//! - `index/new`, `query/coverage`, `query/who_monitors` (one point query, index built),
//!   `report/year` (the yearly report of 2024), `reorg/apply_2025` (the national 1 July 2025
//!   reform applied onto the units of 2025-03-01 with a generated dataset on them).

// Benchmark harness: a failure here is a broken setup and should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use diaban::{check, CheckOptions, Dataset, Index, Limits};
use diaban_benches::{
    at_day, bench_profile, ensure_data, scale_label, scales, today, workspace_root, Rng, SEED,
};
use std::hint::black_box;
use std::time::Duration;

fn base_scale() -> f64 {
    std::env::var("DIABAN_BENCH_BASE")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1.0)
}

/// Settings for benchmarks whose one iteration takes a second or more: 10 samples of one
/// iteration each, no long warm-up.
fn slow<'c>(
    c: &'c mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(1));
    g
}

fn options() -> CheckOptions {
    CheckOptions {
        today: Some(today()),
        ..CheckOptions::default()
    }
}

fn load_and_check(c: &mut Criterion) {
    let profile = bench_profile();
    for scale in scales(&[1.0]) {
        let label = format!("s{}", scale_label(scale));
        let dir = ensure_data(scale);
        let text = std::fs::read_to_string(dir.join("dataset.json")).unwrap();
        {
            let mut g = slow(c, "load_json");
            g.throughput(criterion::Throughput::Bytes(text.len() as u64));
            g.bench_function(BenchmarkId::new("diaban", &label), |b| {
                b.iter_with_large_drop(|| {
                    Dataset::from_json_str_with_limits(black_box(&text), &Limits::none()).unwrap()
                })
            });
            g.bench_function(BenchmarkId::new("serde_ignored_any", &label), |b| {
                b.iter(|| serde_json::from_str::<serde::de::IgnoredAny>(black_box(&text)).unwrap())
            });
            g.finish();
        }
        let dataset = Dataset::from_json_str_with_limits(&text, &Limits::none()).unwrap();
        drop(text);
        {
            let mut g = slow(c, "check");
            g.bench_function(BenchmarkId::new("full", &label), |b| {
                b.iter_with_large_drop(|| check(black_box(&dataset), &profile, &options()))
            });
            g.finish();
        }
        drop(dataset);
        {
            let csv = dir.join("csv");
            let mut g = slow(c, "load_csv");
            g.bench_function(BenchmarkId::new("diaban", &label), |b| {
                b.iter_with_large_drop(|| {
                    Dataset::load_with_limits(black_box(&csv), &Limits::none()).unwrap()
                })
            });
            g.finish();
        }
    }
}

fn queries(c: &mut Criterion) {
    let profile = bench_profile();
    let scale = base_scale();
    let label = format!("s{}", scale_label(scale));
    let dataset =
        Dataset::load_with_limits(ensure_data(scale).join("dataset.json"), &Limits::none())
            .unwrap();
    let day = at_day();
    {
        let mut g = slow(c, "check");
        g.bench_function(BenchmarkId::new("at_date", &label), |b| {
            b.iter_with_large_drop(|| {
                check(
                    black_box(&dataset),
                    &profile,
                    &CheckOptions {
                        at: Some(day),
                        ..options()
                    },
                )
            })
        });
        g.finish();
    }
    {
        let mut g = slow(c, "index");
        g.bench_function(BenchmarkId::new("new", &label), |b| {
            b.iter_with_large_drop(|| Index::new(black_box(&dataset)))
        });
        g.finish();
    }
    let index = Index::new(&dataset);
    {
        let mut g = slow(c, "query");
        g.bench_function(BenchmarkId::new("coverage", &label), |b| {
            b.iter_with_large_drop(|| {
                index
                    .coverage(&profile, Some("commune-monitoring"), black_box(day))
                    .unwrap()
            })
        });
        g.finish();
    }
    {
        // Point query: a seeded sequence of (commune, day) pairs, one query per iteration.
        let communes: Vec<&str> = dataset
            .units
            .iter()
            .filter(|u| u.unit_type.level() == diaban::Level::Commune)
            .map(|u| u.code.as_str())
            .collect();
        let mut rng = Rng::new(SEED);
        let asks: Vec<(&str, chrono::NaiveDate)> = (0..4096)
            .map(|_| {
                (
                    *rng.pick(&communes),
                    rng.day(diaban::date!(2020, 11, 1), diaban::date!(2025, 12, 31)),
                )
            })
            .collect();
        let mut g = c.benchmark_group("query");
        g.warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        let mut i = 0usize;
        g.bench_function(BenchmarkId::new("who_monitors", &label), |b| {
            b.iter(|| {
                let (code, d) = asks[i % asks.len()];
                i += 1;
                index.who_monitors(black_box(code), black_box(d))
            })
        });
        g.finish();
    }
    {
        let mut g = slow(c, "report");
        g.bench_function(BenchmarkId::new("year", &label), |b| {
            b.iter_with_large_drop(|| index.year_report(&profile, 2024, Some(today())))
        });
        g.finish();
    }
}

/// The national reform of 1 July 2025 as `reorganizations.csv` text, restricted to the old
/// provinces in `provinces` (all when `None`).
fn national_reform(provinces: Option<&std::collections::HashSet<String>>) -> String {
    let text =
        std::fs::read_to_string(workspace_root().join("data/national/vn_reform_2025-07-01.csv"))
            .unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (old, oldp, new, name, part) = (
        col("old_code"),
        col("old_province_code"),
        col("new_code"),
        col("new_name"),
        col("part"),
    );
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "effective",
        "old_code",
        "new_code",
        "new_name",
        "new_type",
        "part",
        "basis",
    ])
    .unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        if provinces.is_some_and(|p| !p.contains(&rec[oldp])) {
            continue;
        }
        let new_name = rec[name].trim();
        let new_type = ["Phường", "Đặc khu", "Thị trấn"]
            .into_iter()
            .find(|t| new_name.starts_with(&format!("{t} ")))
            .unwrap_or("Xã");
        w.write_record([
            "2025-07-01",
            rec[old].trim(),
            rec[new].trim(),
            new_name,
            new_type,
            rec[part].trim(),
            "Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã năm 2025",
        ])
        .unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn reorganization(c: &mut Criterion) {
    let scale = base_scale();
    let label = format!("s{}", scale_label(scale));
    let units =
        std::fs::read_to_string(workspace_root().join("data/national/vn_units_2025-03-01.csv"))
            .unwrap();
    let provinces = diaban_benches::read_units(&units).unwrap();
    let chosen: Vec<(usize, usize)> = diaban_benches::plan(&provinces, scale.min(1.0), SEED);
    let codes: std::collections::HashSet<String> = chosen
        .iter()
        .map(|(_, p)| provinces[*p].code.clone())
        .collect();
    let dataset = diaban_benches::generate(&provinces, scale.min(1.0), SEED);
    let edges =
        diaban::reorg::read_events("reorganizations.csv", &national_reform(Some(&codes))).unwrap();
    let mut g = slow(c, "reorg");
    g.bench_function(BenchmarkId::new("apply_2025", &label), |b| {
        b.iter_with_large_drop(|| diaban::reorg::apply(black_box(&dataset), &edges).unwrap())
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default().without_plots()
}

criterion_group! { name = benches; config = config(); targets = load_and_check, queries, reorganization }
criterion_main!(benches);
