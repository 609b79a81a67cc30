//! Parse flags, call the library, turn the result into an exit code:
//! 0 no failing finding, 1 a failing finding, 2 postlint itself failed.

use std::io::Write;
use std::process::ExitCode;

use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser};
use miette::IntoDiagnostic;

use postlint::cli::{CheckArgs, Cli, Command, FailOn, RulesFormat};
use postlint::config::{Flags, Settings};
use postlint::report::{self, Format};
use postlint::{Severity, rules};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(*args),
        Command::Rules(args) => list_rules(args.format).map(|()| ExitCode::SUCCESS),
        Command::Explain { rule } => explain(&rule).map(|()| ExitCode::SUCCESS),
        Command::Init { path, force } => init(&path, force).map(|()| ExitCode::SUCCESS),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "postlint", &mut script);
            print(&script).map(|()| ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .into_diagnostic()
                .and_then(|()| print(&page))
                .map(|()| ExitCode::SUCCESS)
        }
        Command::ConfigSchema => {
            let schema = postlint::config::json_schema();
            let text = serde_json::to_string_pretty(&schema).into_diagnostic();
            text.and_then(|t| print(format!("{t}\n").as_bytes()))
                .map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(report) => {
            print_error(&report);
            ExitCode::from(2)
        }
    }
}

/// postlint's own failure, as a miette report on standard error.
fn print_error(report: &miette::Report) {
    let color = anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
    let handler = if color {
        miette::GraphicalReportHandler::new()
    } else {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_links(false)
    };
    let mut text = String::new();
    if handler.render_report(&mut text, report.as_ref()).is_err() {
        text = format!("{report:?}");
    }
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Writes to standard output; a reader that stops early (`postlint man | head`) is no failure.
fn print(bytes: &[u8]) -> miette::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.into_diagnostic(),
    }
}

fn check(args: CheckArgs) -> miette::Result<ExitCode> {
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .into_diagnostic()?;
    }
    if let Some(name) = &args.stdin_filename {
        return check_stdin(&args, name);
    }
    let paths = if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths.clone()
    };
    if args.watch {
        return watch(&args, &paths);
    }
    let settings = settings(&args, args.paths.first().cloned())?;
    check_paths(&args, &settings, &paths)
}

/// The configuration found for `search_from`, refined by the flags.
fn settings(args: &CheckArgs, search_from: Option<PathBuf>) -> miette::Result<Settings> {
    let cwd = std::env::current_dir().into_diagnostic()?;
    let flags = Flags {
        config: args.config.clone(),
        search_from,
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        today: args.today,
        profile: args.profile.clone(),
    };
    let clock_today = jiff::Zoned::now().date();
    let mut settings =
        Settings::load(&cwd, &flags, clock_today).map_err(|e| miette::Report::new(*e))?;
    if args.online {
        let defaults = postlint::online::Options::default();
        settings.online = Some(postlint::online::Options {
            timeout: std::time::Duration::from_secs(args.online_timeout.max(1)),
            cache: if args.no_cache {
                None
            } else {
                args.online_cache.clone().or(defaults.cache)
            },
            ..defaults
        });
    }
    // Hidden by indicatif when standard error is not a terminal.
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").into_diagnostic()?,
    );
    bar.set_message("checked");
    settings.progress = Some(bar);
    settings.force_exclude = args.force_exclude;
    Ok(settings)
}

fn check_paths(
    args: &CheckArgs,
    settings: &Settings,
    paths: &[PathBuf],
) -> miette::Result<ExitCode> {
    if !args.diff && !args.fix {
        return stream(args, settings, paths);
    }
    let mut run = postlint::lint(paths, settings)?;
    if args.diff {
        return show_diff(args, &run);
    }
    {
        // Fixes can uncover others (or wait for an overlapping one): repeat until nothing changes.
        let mut fixed = 0;
        for _ in 0..10 {
            let plans = postlint::fix::plan(&run, args.unsafe_fixes);
            if plans.is_empty() {
                break;
            }
            let mut wrote = false;
            for plan in &plans {
                let written = postlint::fix::write(std::path::Path::new(&plan.path), plan)
                    .map_err(|e| {
                        miette::miette!(code = "postlint::fix", "cannot write {}: {e}", plan.path)
                    })?;
                if written {
                    fixed += plan.applied;
                    wrote = true;
                } else {
                    writeln!(
                        std::io::stderr(),
                        "{} changed while postlint ran; it was not fixed.",
                        plan.path
                    )
                    .into_diagnostic()?;
                }
            }
            if !wrote {
                break;
            }
            run = postlint::lint(paths, settings)?;
        }
        print_fixed(fixed)?;
    }
    report(args, &run)
}

fn print_fixed(fixed: usize) -> miette::Result<()> {
    writeln!(
        std::io::stderr(),
        "Fixed {}.",
        postlint::report::plural(fixed, "finding")
    )
    .into_diagnostic()
}

fn show_diff(args: &CheckArgs, run: &postlint::Run) -> miette::Result<ExitCode> {
    let plans = postlint::fix::plan(run, args.unsafe_fixes);
    let diff: String = plans.iter().map(postlint::fix::diff).collect();
    print(diff.as_bytes())?;
    let fixes: usize = plans.iter().map(|p| p.applied).sum();
    writeln!(
        std::io::stderr(),
        "{} fixable in {}.",
        postlint::report::plural(fixes, "finding"),
        postlint::report::plural(plans.len(), "file")
    )
    .into_diagnostic()?;
    Ok(if plans.is_empty() || args.exit_zero {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `--stdin-filename`: lint standard input; with `--fix`, write the fixed text to standard output.
fn check_stdin(args: &CheckArgs, name: &std::path::Path) -> miette::Result<ExitCode> {
    let mut text = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut text).map_err(|e| {
        miette::miette!(code = "postlint::stdin", "cannot read standard input: {e}")
    })?;
    let settings = settings(args, Some(name.to_path_buf()))?;
    if settings.force_exclude && settings.is_excluded(name) {
        // An excluded file is not linted; a fixer gets its text back unchanged.
        if args.fix {
            print(&text)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut run = postlint::lint_text(name.to_path_buf(), text.clone(), &settings);
    if args.diff {
        return show_diff(args, &run);
    }
    if !args.fix {
        return report(args, &run);
    }
    let mut fixed = 0;
    for _ in 0..10 {
        let Some(plan) = postlint::fix::plan(&run, args.unsafe_fixes).pop() else {
            break;
        };
        fixed += plan.applied;
        text = plan.fixed.into_bytes();
        run = postlint::lint_text(name.to_path_buf(), text.clone(), &settings);
    }
    print(&text)?;
    print_fixed(fixed)?;
    Ok(exit_code(args, &run))
}

/// `--watch`: lint, then again after every change to a posting or a configuration file.
fn watch(args: &CheckArgs, paths: &[PathBuf]) -> miette::Result<ExitCode> {
    use notify_debouncer_mini::notify::RecursiveMode;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer =
        notify_debouncer_mini::new_debouncer(std::time::Duration::from_millis(200), tx)
            .into_diagnostic()?;
    for path in paths {
        debouncer
            .watcher()
            .watch(path, RecursiveMode::Recursive)
            .map_err(|e| {
                miette::miette!(
                    code = "postlint::watch",
                    "cannot watch {}: {e}",
                    path.display()
                )
            })?;
    }
    loop {
        let outcome = settings(args, paths.first().cloned()).and_then(|settings| {
            if let Some(config) = &settings.config_path {
                // Watching it again is harmless; a change to it reloads the settings.
                let _ = debouncer
                    .watcher()
                    .watch(config, RecursiveMode::NonRecursive);
            }
            check_paths(args, &settings, paths)
        });
        if let Err(report) = outcome {
            print_error(&report);
        }
        let _ = writeln!(
            std::io::stderr(),
            "Watching for changes; press Ctrl-C to stop."
        );
        loop {
            match rx.recv() {
                Ok(Ok(events)) if events.iter().any(|e| is_watched(&e.path)) => break,
                Ok(_) => {}
                Err(_) => return Ok(ExitCode::SUCCESS),
            }
        }
    }
}

/// A change that can alter the findings: a posting or a configuration file.
fn is_watched(path: &std::path::Path) -> bool {
    postlint::discover::is_markdown(path)
        || path
            .file_name()
            .is_some_and(|n| n == "postlint.toml" || n == ".postlint.toml")
}

/// Lints `paths` and writes each file's findings as soon as they are known.
fn stream(args: &CheckArgs, settings: &Settings, paths: &[PathBuf]) -> miette::Result<ExitCode> {
    let found = postlint::discover::discover(paths, settings)?;
    let threshold = threshold(args);
    let mut failed = false;
    output(args, |out, color| {
        let mut reporter = reporter(args, color);
        let renderer = reporter.renderer();
        let mut totals = report::Totals::default();
        let mut sink =
            |sources: &dyn report::Sources, file: &_, found: &[_], text: Option<&[u8]>| {
                totals.add(found);
                failed |= found
                    .iter()
                    .any(|d: &postlint::Diagnostic| d.severity >= threshold);
                match text {
                    Some(text) => reporter.rendered(text, found, out),
                    None => reporter.file(sources, file, found, out),
                }
            };
        postlint::engine::stream(found, settings, renderer.as_deref(), &mut sink)?;
        reporter.finish(&totals, out)
    })?;
    Ok(exit(args, failed))
}

fn reporter(args: &CheckArgs, color: bool) -> Box<dyn report::Reporter> {
    if args.statistics {
        Box::new(report::statistics::Statistics::default())
    } else {
        report::reporter(args.format, report::Options { color })
    }
}

fn report(args: &CheckArgs, run: &postlint::Run) -> miette::Result<ExitCode> {
    output(args, |out, color| {
        report::write_with(reporter(args, color).as_mut(), run, out)
    })?;
    Ok(exit_code(args, run))
}

/// Runs `write` on the output (`--output-file`, or standard output with colours when it is a
/// terminal that wants them). A reader that stops early (`postlint check | head`) is no
/// failure: the rest is not written, and the run still ends with its exit code.
fn output(
    args: &CheckArgs,
    write: impl FnOnce(&mut dyn Write, bool) -> std::io::Result<()>,
) -> miette::Result<()> {
    match &args.output_file {
        Some(path) => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| {
                miette::miette!(
                    code = "postlint::output",
                    "cannot write {}: {e}",
                    path.display()
                )
            })?);
            write(&mut file, false)
                .and_then(|()| file.flush())
                .into_diagnostic()
        }
        None => {
            let stdout = std::io::stdout();
            let color = args.format == Format::Human
                && anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
            // Without colours the reporters write plain text: no stream needs to strip them.
            let out: Box<dyn Write> = if color {
                Box::new(anstream::AutoStream::auto(stdout.lock()))
            } else {
                Box::new(std::io::BufWriter::new(stdout.lock()))
            };
            let mut out = UntilClosed { out, closed: false };
            write(&mut out, color)
                .and_then(|()| out.flush())
                .into_diagnostic()
        }
    }
}

/// Standard output that, once its reader has gone, takes everything and writes nothing.
struct UntilClosed {
    out: Box<dyn Write>,
    closed: bool,
}

impl UntilClosed {
    fn guard(&mut self, result: std::io::Result<usize>, len: usize) -> std::io::Result<usize> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(len)
            }
            other => other,
        }
    }
}

impl Write for UntilClosed {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.out.write(buf);
        self.guard(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.out.flush().map(|()| 0);
        self.guard(result, 0).map(drop)
    }
}

fn threshold(args: &CheckArgs) -> Severity {
    match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

fn exit(args: &CheckArgs, failed: bool) -> ExitCode {
    if failed && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn exit_code(args: &CheckArgs, run: &postlint::Run) -> ExitCode {
    let threshold = threshold(args);
    exit(
        args,
        run.diagnostics.iter().any(|d| d.severity >= threshold),
    )
}

fn list_rules(format: RulesFormat) -> miette::Result<()> {
    match format {
        RulesFormat::Json => {
            let json =
                serde_json::to_string_pretty(&postlint::report::rules_json()).into_diagnostic()?;
            print(format!("{json}\n").as_bytes())
        }
        RulesFormat::Human => print(postlint::report::rules_table().as_bytes()),
    }
}

fn explain(id: &str) -> miette::Result<()> {
    let Some(rule) = rules::by_id(id) else {
        let best = rules::all()
            .iter()
            .map(|r| (strsim::jaro_winkler(r.id, id), r.id))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(s, _)| *s > 0.8)
            .map(|(_, id)| format!("Did you mean `{id}`? "))
            .unwrap_or_default();
        return Err(miette::miette!(
            code = "postlint::unknown_rule",
            help = format!("{best}`postlint rules` lists every rule."),
            "unknown rule `{id}`"
        ));
    };
    let page = format!(
        "# {}\n\nFamily: {} · default severity: {} · fix: {}\n\n{}\n",
        rule.id,
        rule.family.id(),
        rule.severity,
        rule.fix.as_str(),
        rule.docs().trim_end()
    );
    print(page.as_bytes())
}

/// `postlint init`: a commented `postlint.toml` for the profile most postings here match.
fn init(folder: &Path, force: bool) -> miette::Result<()> {
    let target = folder.join("postlint.toml");
    if target.exists() && !force {
        return Err(miette::miette!(
            code = "postlint::init",
            help = "Edit it, or pass `--force` to replace it.",
            "{} already exists",
            target.display()
        ));
    }
    // The built-in settings: an existing configuration must not shape the new one.
    let cwd = std::env::current_dir().into_diagnostic()?;
    let settings = Settings::builtin(&cwd, jiff::Zoned::now().date());
    let run = postlint::lint(&[folder.to_path_buf()], &settings)?;
    let text = postlint::config::init_file(&run);
    postlint::fix::write_new(&target, &text, force).map_err(|e| {
        miette::miette!(
            code = "postlint::init",
            "cannot write {}: {e}",
            target.display()
        )
    })?;
    writeln!(std::io::stderr(), "Wrote {}.", target.display()).into_diagnostic()
}
