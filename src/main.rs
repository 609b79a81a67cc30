//! Parse flags, call the library, turn the result into an exit code:
//! 0 no failing finding, 1 a failing finding, 2 postlint itself failed.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
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
    };
    match result {
        Ok(code) => code,
        Err(report) => {
            let color =
                anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
            let handler = if color {
                miette::GraphicalReportHandler::new()
            } else {
                miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor()).with_links(false)
            };
            let mut text = String::new();
            if handler.render_report(&mut text, report.as_ref()).is_err() {
                text = format!("{report:?}");
            }
            let _ = writeln!(std::io::stderr(), "{text}");
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> miette::Result<ExitCode> {
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .into_diagnostic()?;
    }
    let cwd = std::env::current_dir().into_diagnostic()?;
    let flags = Flags {
        config: args.config.clone(),
        search_from: args.paths.first().cloned(),
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
    let paths = if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths.clone()
    };
    let mut run = postlint::lint(&paths, &settings)?;
    if args.diff {
        let plans = postlint::fix::plan(&run, args.unsafe_fixes);
        let mut out = std::io::stdout().lock();
        for plan in &plans {
            write!(out, "{}", postlint::fix::diff(plan)).into_diagnostic()?;
        }
        let fixes: usize = plans.iter().map(|p| p.applied).sum();
        writeln!(
            std::io::stderr(),
            "{} fixable in {}.",
            postlint::report::plural(fixes, "finding"),
            postlint::report::plural(plans.len(), "file")
        )
        .into_diagnostic()?;
        return Ok(if plans.is_empty() || args.exit_zero {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if args.fix {
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
            run = postlint::lint(&paths, &settings)?;
        }
        writeln!(
            std::io::stderr(),
            "Fixed {}.",
            postlint::report::plural(fixed, "finding")
        )
        .into_diagnostic()?;
    }

    let write = |out: &mut dyn Write, color: bool| {
        if args.statistics {
            report::statistics::write(&run, out)
        } else {
            report::write(args.format, &run, report::Options { color }, out)
        }
    };
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
                .into_diagnostic()?;
        }
        None => {
            let stdout = std::io::stdout();
            let color = args.format == Format::Human
                && anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
            let mut out = anstream::AutoStream::auto(stdout.lock());
            // A reader that stops early (`postlint check | head`) is not a failure.
            match write(&mut out, color).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.into_diagnostic()?,
            }
        }
    }

    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let failed = run.diagnostics.iter().any(|d| d.severity >= threshold);
    Ok(if failed && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn list_rules(format: RulesFormat) -> miette::Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        RulesFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &postlint::report::rules_json())
                .into_diagnostic()?;
            writeln!(out).into_diagnostic()
        }
        RulesFormat::Human => write!(out, "{}", postlint::report::rules_table()).into_diagnostic(),
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
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "# {}\n\nFamily: {} · default severity: {} · fix: {}\n\n{}",
        rule.id,
        rule.family.id(),
        rule.severity,
        rule.fix.as_str(),
        rule.docs().trim_end()
    )
    .into_diagnostic()
}
