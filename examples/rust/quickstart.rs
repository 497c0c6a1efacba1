//! A tour of the library on the embedded Bắc Kạn dataset:
//! `cargo run -p diaban --example quickstart`.

use diaban::{check, date, CheckOptions, Dataset, Index, Lang, Profile};
use std::collections::BTreeMap;

fn main() -> Result<(), diaban::Error> {
    let dataset = Dataset::demo();
    let profile = Profile::bac_kan_1390();
    println!(
        "{} — {}",
        profile.regulation.number, profile.regulation.title_en
    );

    // 1. Check the whole history, judging deadlines as of 1 March 2026.
    let report = check(
        &dataset,
        &profile,
        &CheckOptions {
            today: Some(date!(2026, 3, 1)),
            ..CheckOptions::default()
        },
    );
    println!(
        "\n{} errors, {} warnings. The first three:",
        report.summary.errors, report.summary.warnings
    );
    for f in report.findings.iter().take(3) {
        println!(
            "  [{}] {} {} — {}",
            f.code,
            f.subject.kind,
            f.subject.id,
            f.message(Lang::En)
        );
    }

    // 2. Coverage on 1 October 2024, counted per district.
    let index = Index::new(&dataset);
    let coverage = index.coverage(&profile, None, date!(2024, 10, 1))?;
    let mut per_district: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in &coverage.rows {
        let e = per_district
            .entry(row.district_name.unwrap_or_default())
            .or_default();
        e.0 += 1;
        e.1 += usize::from(row.covered);
    }
    println!("\nCoverage on {} ({}):", coverage.at, coverage.scheme);
    for (district, (units, covered)) in &per_district {
        println!("  {district:<22} {covered:>3}/{units:<3} units covered");
    }

    // 3. The one named fact of the source article, and the relationships it brings.
    for a in index.who_monitors("01954", date!(2024, 10, 1)) {
        println!(
            "\n{} monitors {} from {}:",
            a.subject_name.unwrap_or(a.subject_id),
            a.target_name.unwrap_or(a.target),
            a.valid_from
        );
        for r in index.relations(&profile, a.subject_id, date!(2024, 10, 1)) {
            let people: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
            println!(
                "  {:<16} {} {:?}  ({})",
                r.kind.as_str(),
                r.body_name.as_deref().unwrap_or("?"),
                people,
                r.article.as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}
