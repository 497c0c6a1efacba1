//! `generate --scale S --out DIR [--units FILE] [--seed N]`: writes a national-size dataset
//! (`DIR/dataset.json`, the CSV folder `DIR/csv/`, the benchmark profile `DIR/profile.json`).

// A command-line tool of the benchmark crate: failing loudly is the right behaviour.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diaban_benches::{
    bench_profile, generate, read_units, workspace_root, write, Counts, NATIONAL_UNITS, SEED,
};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut scale = 1.0f64;
    let mut out: Option<PathBuf> = None;
    let mut units = workspace_root().join(NATIONAL_UNITS);
    let mut seed = SEED;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--scale" => scale = value().parse().expect("--scale takes a number"),
            "--out" => out = Some(PathBuf::from(value())),
            "--units" => units = PathBuf::from(value()),
            "--seed" => seed = value().parse().expect("--seed takes an integer"),
            "-h" | "--help" => {
                println!(
                    "usage: generate [--scale S] [--out DIR] [--units FILE] [--seed N]\n\
                     default: --scale 1 --out target/bench-data/s<S> --units {NATIONAL_UNITS} --seed {SEED}"
                );
                return;
            }
            other => panic!("unknown argument `{other}` (see --help)"),
        }
    }
    let out = out.unwrap_or_else(|| diaban_benches::data_dir(scale));
    let started = Instant::now();
    let text = std::fs::read_to_string(&units)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", units.display()));
    let provinces = read_units(&text).unwrap_or_else(|e| panic!("{}: {e}", units.display()));
    let ds = generate(&provinces, scale, seed);
    let counts = Counts::of(&ds);
    let generated = started.elapsed();
    let bytes = write(&ds, &bench_profile(), &out)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    println!(
        "scale {scale}: {counts} ({} records); dataset.json {:.1} MB; generated in {:.1}s, written in {:.1}s to {}",
        counts.total(),
        bytes as f64 / 1e6,
        generated.as_secs_f64(),
        (started.elapsed() - generated).as_secs_f64(),
        out.display()
    );
}
