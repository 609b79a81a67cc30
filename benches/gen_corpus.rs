//! Writes a generated corpus of job postings for benchmarks and comparisons:
//! `cargo run --release --example gen-corpus -- <folder> <n>`.

mod corpus_gen;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, n] = args.as_slice() else {
        eprintln!("usage: gen-corpus <folder> <number of postings>");
        return std::process::ExitCode::from(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("gen-corpus: `{n}` is not a number of postings");
        return std::process::ExitCode::from(2);
    };
    match corpus_gen::generate(std::path::Path::new(dir), n) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-corpus: cannot write {dir}: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
