//! How fast postlint reads, parses and checks postings: `cargo bench --bench lint`.
//!
//! - `parse`: one posting, parsed into the model;
//! - `N postings/floor`: N generated postings read and run through pulldown-cmark, nothing else: the
//!   least any Markdown linter must do;
//! - `N postings/lint`: the same N postings, discovered, parsed and checked in parallel by the default
//!   rule set.

mod corpus_gen;
mod floor;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postlint::config::{Flags, Settings};
use postlint::posting::{FileId, Posting, ProfileChoice};

fn settings(dir: &std::path::Path) -> Settings {
    let today = "2026-11-23".parse().expect("valid date");
    Settings::load(
        dir,
        &Flags {
            today: Some(today),
            ..Flags::default()
        },
        today,
    )
    .expect("no configuration")
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    corpus_gen::generate(dir.path(), 3).expect("write postings");
    let text = std::fs::read_to_string(dir.path().join("en/posting-0.md")).expect("generated");
    c.bench_function("parse", |b| {
        b.iter(|| {
            Posting::parse(
                FileId(0),
                "en/posting-0.md".into(),
                black_box(text.clone()),
                &ProfileChoice::Auto,
            )
        })
    });

    for n in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temporary folder");
        corpus_gen::generate(dir.path(), n).expect("write postings");
        let mut group = c.benchmark_group(format!("{n} postings"));
        group.sample_size(10);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function("floor", |b| {
            b.iter(|| floor::run(black_box(dir.path())).expect("read"))
        });
        let settings = settings(dir.path());
        let paths = vec![dir.path().to_path_buf()];
        group.bench_function("lint", |b| {
            b.iter(|| postlint::lint(black_box(&paths), &settings).expect("lint"))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
