//! The flow, nothing more: read and parse every file once (in parallel), run the rules,
//! apply suppressions, sort.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use crate::config::{FileSettings, Settings};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Packed, Severity};
use crate::discover::{self, Discovered};
use crate::interner::Interner;
use crate::online;
use crate::posting::corpus::{self, Corpus, FileDigest, Summary};
use crate::posting::{FileId, Posting, SourceFile};
use crate::report::{Render, Sources};
use crate::rules::{self, Check, Context, CorpusContext, Rule};
use crate::suppression;

/// A file of the run: parsed, or left unparsed because it could not be read as text.
#[derive(Debug)]
pub enum File {
    Posting(Box<Posting>),
    Unread(SourceFile),
}

impl File {
    pub fn source(&self) -> &SourceFile {
        match self {
            File::Posting(p) => &p.source,
            File::Unread(s) => s,
        }
    }
}

/// Everything a reporter needs.
#[derive(Debug)]
pub struct Run {
    /// Indexed by [`FileId`].
    pub files: Vec<File>,
    /// Sorted by path, offset, rule id.
    pub diagnostics: Vec<Diagnostic>,
    /// Translation counterparts read from disk only to compare with [`Run::files`], when those
    /// were named one by one (a pre-commit hook, an editor): not checked, never fixed. Their
    /// ids follow those of `files`.
    pub context: Vec<Posting>,
}

impl Run {
    pub fn source(&self, id: FileId) -> &SourceFile {
        let i = id.0 as usize;
        match self.files.get(i) {
            Some(file) => file.source(),
            None => &self.context[i - self.files.len()].source,
        }
    }

    pub fn postings(&self) -> impl Iterator<Item = &Posting> {
        self.files.iter().filter_map(|f| match f {
            File::Posting(p) => Some(p.as_ref()),
            File::Unread(_) => None,
        })
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Where a file's text comes from.
enum Entry {
    Disk,
    /// Given by the caller (standard input).
    Given(Vec<u8>),
    /// The walk could not read it, for this reason.
    Unwalkable(String),
}

/// How much posting text the first pass may hold in memory for the second when the findings
/// of fewer files than threads are streamed (their rules then run beside the corpus phase). A
/// posting's model takes about ten times its text.
const HELD_BYTES: u64 = 1 << 20;

/// How many bytes of packed findings the first pass may keep for the second when the findings
/// are streamed: a file's posting rules run as soon as it is parsed, and only its findings
/// wait for its turn, packed (about 70 bytes a finding, under a hundredth of what its parsed
/// model would take; 10,000 generated postings need about 8 MiB). Beyond the budget, files are
/// let go after their summary and read and parsed again at their turn.
const FINDINGS_BYTES: usize = 6 << 20;

/// How many files are checked at once in the second pass, in order.
const CHUNK: usize = 64;

/// A file after the first pass.
struct Loaded {
    path: PathBuf,
    entry: Entry,
    settings: FileSettings,
    /// Findings of the engine itself (encoding, reading).
    found: Vec<Diagnostic>,
    /// A posting's `translationKey` and `leverId`, lower-cased, to find counterparts by.
    ids: Option<Vec<String>>,
    /// Its [`FileId`].
    index: u32,
    state: State,
}

impl Loaded {
    /// The file's bytes now: as given, or as they are on disk.
    fn bytes(&self) -> std::io::Result<Vec<u8>> {
        match &self.entry {
            Entry::Given(bytes) => Ok(bytes.clone()),
            _ => std::fs::read(&self.path),
        }
    }
}

enum State {
    /// Parsed and held until its turn.
    Held(Box<Posting>),
    /// Parsed, summarised and let go; its text's hash tells whether it changed since.
    Released(u64),
    /// Parsed, summarised, checked by the posting rules and let go: the text's hash, and the
    /// findings.
    Checked(u64, Packed),
    /// Not a posting (unreadable, too large, not text): its text, if any, for the findings.
    Unread(Box<SourceFile>),
    /// Handed over to the second pass.
    Taken,
}

/// Lints the discovered files and keeps everything: the files' texts and models, and their
/// findings, sorted by path, offset and rule id.
pub fn run(found: Discovered, settings: &Settings) -> Run {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let mut keep = |file: File, found: Vec<Diagnostic>| {
        files.push(file);
        diagnostics.extend(found);
    };
    let context = drive(found, settings, Handover::Keep(&mut keep))
        .unwrap_or_else(|e| unreachable!("keeping findings in memory cannot fail: {e}"));
    Run {
        files,
        diagnostics,
        context,
    }
}

/// A sink for [`stream`]: each file with its sorted findings, what labels point into, and the
/// file's text when the stream renders it ([`Render`]).
pub type Sink<'s> =
    dyn FnMut(&dyn Sources, &SourceFile, &[Diagnostic], Option<&[u8]>) -> std::io::Result<()> + 's;

/// Lints the discovered files and hands each file with its sorted findings to `sink`, in path
/// order, as soon as they are known. Only summaries of the files, and up to
/// [`FINDINGS_BYTES`] of their packed findings, are kept for the whole run, so memory stays
/// bounded however many files there are.
///
/// With `render`, each file's text is rendered on the run's threads, side by side, and handed
/// to `sink` with the file.
pub fn stream(
    found: Discovered,
    settings: &Settings,
    render: Option<&dyn Render>,
    sink: &mut Sink<'_>,
) -> std::io::Result<()> {
    drive(found, settings, Handover::Stream(sink, render)).map(drop)
}

/// Where the second pass hands the files over.
enum Handover<'h> {
    /// Kept by the caller, with every parsed posting held between the passes.
    Keep(&'h mut dyn FnMut(File, Vec<Diagnostic>)),
    Stream(&'h mut Sink<'h>, Option<&'h dyn Render>),
}

/// The two passes. First, every file is read, parsed and summarised for the corpus rules (in
/// parallel); then the corpus rules run on the summaries; then, in path order and a chunk at a
/// time, each file's posting rules run, its corpus findings join, its suppressions apply and it
/// is handed over. When kept, every parsed posting is held between the passes and the
/// counterparts read for comparison are returned. When streamed, a file's posting rules run in
/// the first pass and only its packed findings are kept (up to [`FINDINGS_BYTES`]), or, for
/// fewer files than threads, its posting is held (up to [`HELD_BYTES`] of text).
fn drive(
    found: Discovered,
    settings: &Settings,
    mut handover: Handover<'_>,
) -> std::io::Result<Vec<Posting>> {
    let keep = matches!(handover, Handover::Keep(_));
    let mut entries: Vec<(PathBuf, Entry)> =
        found.files.into_iter().map(|p| (p, Entry::Disk)).collect();
    entries.extend(
        found
            .errors
            .into_iter()
            .map(|(p, reason)| (p, Entry::Unwalkable(reason))),
    );
    entries.extend(
        found
            .given
            .into_iter()
            .map(|(p, bytes)| (p, Entry::Given(bytes))),
    );
    entries.sort_by_key(|(p, _)| discover::display(p));
    crate::posting::pattern::expect_files(entries.len());
    let progress = settings
        .progress
        .clone()
        .unwrap_or_else(indicatif::ProgressBar::hidden);
    // Each file is counted once read and parsed, and once checked.
    progress.set_length(2 * entries.len() as u64);
    // What each file is, and which rules it gets.
    let prepared: Vec<(FileSettings, Option<std::fs::Metadata>)> = entries
        .par_iter()
        .map(|(path, entry)| {
            let metadata = match entry {
                Entry::Disk => std::fs::metadata(path).ok(),
                _ => None,
            };
            (settings.for_path(path), metadata)
        })
        .collect();
    let corpus_rules_on = rules::all().iter().enumerate().any(|(i, rule)| {
        matches!(rule.check, Check::Corpus(_))
            && prepared.iter().any(|(fs, _)| fs.severities[i].is_some())
    });
    // The files held between the passes: all of them, or, for fewer files than threads, the
    // first ones up to the budget.
    let threads = rayon::current_num_threads();
    let few = entries.len() < threads;
    let mut budget = match (keep, few) {
        (true, _) => u64::MAX,
        (false, true) => HELD_BYTES,
        (false, false) => 0,
    };
    // The others are checked as soon as parsed while their findings fit in the budget, unless
    // their rules need the network's answers (known after this pass) or their suppression
    // comments need the corpus findings.
    let findings_budget = std::sync::atomic::AtomicIsize::new(if keep || few {
        0
    } else {
        FINDINGS_BYTES as isize
    });
    let hold: Vec<bool> = entries
        .iter()
        .zip(&prepared)
        .map(|((_, entry), (_, metadata))| {
            let size = size(entry, metadata.as_ref());
            let held = size <= budget;
            budget = budget.saturating_sub(size);
            held
        })
        .collect();
    // First pass: read, parse and summarise every file, in parallel, and check it when its
    // findings are to be kept.
    type Told = (Option<(FileDigest, Vec<Summary>)>, Vec<String>);
    let shared = corpus::Interner::default();
    let strings = std::sync::Arc::new(Interner::default());
    let (mut loaded, told): (Vec<Loaded>, Vec<Told>) = entries
        .into_par_iter()
        .zip(prepared)
        .zip(hold)
        .enumerate()
        .map(|(i, (((path, entry), (file_settings, metadata)), hold))| {
            let id = FileId(i as u32);
            let (file, found) = read(
                id,
                &path,
                &entry,
                metadata.as_ref(),
                &file_settings,
                settings,
            );
            let mut summary = None;
            let mut urls = Vec::new();
            let mut ids = None;
            let state = match file {
                File::Unread(source) => State::Unread(Box::new(source)),
                File::Posting(posting) => {
                    if corpus_rules_on {
                        summary = Some(corpus::summarise_file(&posting, &shared));
                    }
                    ids = Some(
                        ["translationKey", "leverId"]
                            .into_iter()
                            .filter_map(|key| posting.front_matter.str(key))
                            .map(|id| id.trim().to_ascii_lowercase())
                            .filter(|id| !id.is_empty())
                            .collect(),
                    );
                    if settings.online.is_some() {
                        urls = posting
                            .markdown
                            .links
                            .iter()
                            .chain(&posting.markdown.bare_urls)
                            .map(|l| l.url.clone())
                            .collect();
                    }
                    let hash = || corpus::hash_of(posting.text());
                    if hold {
                        State::Held(posting)
                    } else if settings.online.is_none()
                        && findings_budget.load(Ordering::Relaxed) > 0
                        && !suppression::any(&posting)
                    {
                        let found = check(&posting, &file_settings, settings, None, false);
                        match Packed::new(found, id, &strings) {
                            Ok(packed) => {
                                let bytes = packed.len() + std::mem::size_of::<Packed>();
                                findings_budget.fetch_sub(bytes as isize, Ordering::Relaxed);
                                State::Checked(hash(), packed)
                            }
                            Err(_) => State::Released(hash()),
                        }
                    } else {
                        State::Released(hash())
                    }
                }
            };
            progress.inc(1);
            let loaded = Loaded {
                path,
                entry,
                settings: file_settings,
                found,
                ids,
                index: i as u32,
                state,
            };
            (loaded, (summary, urls))
        })
        .unzip();
    let mut urls = std::collections::BTreeSet::new();
    let summarised: Vec<(FileDigest, Vec<Summary>)> = told
        .into_iter()
        .filter_map(|(summary, file_urls)| {
            urls.extend(file_urls);
            summary
        })
        .collect();
    // The network, only with `--online`: every link of the run checked once.
    let online = settings
        .online
        .as_ref()
        .map(|options| online::check(&urls, options));
    // Then the corpus: translation pairs across files, with counterparts left out of the run.
    // A run of fewer files than threads (a pre-commit hook) checks its postings meanwhile.
    let corpus = || {
        if corpus_rules_on {
            corpus_phase(&loaded, summarised, shared, settings)
        } else {
            (Vec::new(), Vec::new())
        }
    };
    let ((corpus_found, mut context), mut early) = if few {
        rayon::join(corpus, || {
            loaded
                .iter()
                .map(|l| match &l.state {
                    State::Held(posting) => {
                        Some(check(posting, &l.settings, settings, online.as_ref(), true))
                    }
                    _ => None,
                })
                .collect()
        })
    } else {
        (corpus(), Vec::new())
    };
    let mut corpus_found = corpus_found.into_iter().peekable();
    let context_paths: Vec<PathBuf> = context
        .iter()
        .map(|p| PathBuf::from(&p.source.path))
        .collect();
    if !keep {
        // Labels into counterparts are shown from their files, read again when needed.
        context.clear();
    }
    // Second pass: in path order, a chunk at a time; each chunk checked in parallel, and the
    // rules of each file too when there are fewer files than threads (a pre-commit run). A
    // streamed chunk's texts are rendered on the pool too, and written on this thread while
    // the next chunk is checked.
    type Work = (usize, State, Vec<Diagnostic>, Option<Vec<Diagnostic>>);
    let render = match &handover {
        Handover::Stream(_, render) => *render,
        Handover::Keep(_) => None,
    };
    let check_chunk = |loaded: &[Loaded], first: usize, work: Vec<Work>| -> Done {
        let spread = work.len() < threads;
        let files: Vec<(File, Vec<Diagnostic>)> = work
            .into_par_iter()
            .map(|(i, state, corpus_found, checked)| {
                let out = finish(
                    &loaded[i],
                    state,
                    corpus_found,
                    checked,
                    settings,
                    online.as_ref(),
                    spread,
                );
                progress.inc(1);
                out
            })
            .collect();
        let texts = render.map(|render| {
            let sources = Window::new(&files, first, loaded, &context_paths);
            files
                .par_iter()
                .map(|(file, found)| {
                    let mut text = Vec::new();
                    render
                        .render(&sources, file.source(), found, &mut text)
                        .map(|()| text)
                })
                .collect()
        });
        Done {
            first,
            files,
            texts,
        }
    };
    let mut pending: Option<Done> = None;
    let mut start = 0;
    while start < loaded.len() || pending.is_some() {
        let end = (start + CHUNK).min(loaded.len());
        let work: Vec<Work> = (start..end)
            .map(|i| {
                let state = std::mem::replace(&mut loaded[i].state, State::Taken);
                let mut found = Vec::new();
                while let Some(d) = corpus_found.next_if(|d| d.span.file.0 as usize == i) {
                    found.push(d);
                }
                let checked = early.get_mut(i).and_then(Option::take);
                (i, state, found, checked)
            })
            .collect();
        let loaded = &loaded;
        let was_pending = pending.is_some();
        let mut hand_over_pending = || {
            pending.take().map_or(Ok(()), |chunk| {
                hand_over(&mut handover, &progress, chunk, loaded, &context_paths)
            })
        };
        let (written, done) = if work.is_empty() {
            (hand_over_pending(), None)
        } else if !was_pending {
            (Ok(()), Some(check_chunk(loaded, start, work)))
        } else {
            // The sink stays on this thread (a terminal is written from one thread); the
            // chunk is checked on the pool meanwhile.
            std::thread::scope(|scope| {
                let next = scope.spawn(|| Some(check_chunk(loaded, start, work)));
                let written = hand_over_pending();
                let done = next
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (written, done)
            })
        };
        written?;
        pending = done;
        start = end;
    }
    progress.finish_and_clear();
    Ok(context)
}

/// A chunk of files checked in the second pass, with their texts when the stream renders them.
struct Done {
    /// The index of the chunk's first file.
    first: usize,
    files: Vec<(File, Vec<Diagnostic>)>,
    texts: Option<Vec<std::io::Result<Vec<u8>>>>,
}

/// Hands a checked chunk over: kept, or written through the sink in path order.
fn hand_over(
    handover: &mut Handover<'_>,
    progress: &indicatif::ProgressBar,
    done: Done,
    loaded: &[Loaded],
    context_paths: &[PathBuf],
) -> std::io::Result<()> {
    match handover {
        Handover::Keep(keep) => {
            for (file, found) in done.files {
                keep(file, found);
            }
        }
        Handover::Stream(sink, _) => {
            let sources = Window::new(&done.files, done.first, loaded, context_paths);
            let mut texts = done.texts.map(Vec::into_iter);
            for (file, found) in &done.files {
                let text = texts.as_mut().and_then(Iterator::next).transpose()?;
                progress.suspend(|| sink(&sources, file.source(), found, text.as_deref()))?;
            }
        }
    }
    Ok(())
}

/// The corpus phase: the counterparts of the run's postings read and summarised with them,
/// and the corpus rules run over the summaries. Returns the findings in the run's files, sorted
/// by file, and the counterparts.
fn corpus_phase(
    loaded: &[Loaded],
    mut summarised: Vec<(FileDigest, Vec<Summary>)>,
    shared: corpus::Interner,
    settings: &Settings,
) -> (Vec<Diagnostic>, Vec<Posting>) {
    let context = counterparts(loaded, settings);
    let context_settings: Vec<FileSettings> = context
        .iter()
        .map(|p| settings.for_path(std::path::Path::new(&p.source.path)))
        .collect();
    summarised.extend(context.iter().map(|p| corpus::summarise_file(p, &shared)));
    let corpus = Corpus::new(summarised, shared, &settings.translation_pairs);
    let mut found = Vec::new();
    for (i, rule) in rules::all().iter().enumerate() {
        let Check::Corpus(check) = rule.check else {
            continue;
        };
        let severities: Vec<Option<Severity>> = loaded
            .iter()
            .map(|l| l.settings.severities[i])
            .chain(context_settings.iter().map(|fs| fs.severities[i]))
            .collect();
        let mut cx = CorpusContext {
            rule,
            severities: &severities,
            diagnostics: &mut found,
            discarded: Vec::new(),
        };
        check(&corpus, &mut cx);
    }
    // Findings in a counterpart that was only read for comparison are not reported.
    found.retain(|d| (d.span.file.0 as usize) < loaded.len());
    // In place: [`finish`] puts each file's findings in order.
    found.sort_unstable_by_key(|d| d.span.file);
    found.shrink_to_fit();
    (found, context)
}

/// The size of a file's text, as given or as its metadata says.
fn size(entry: &Entry, metadata: Option<&std::fs::Metadata>) -> u64 {
    match entry {
        Entry::Given(bytes) => bytes.len() as u64,
        _ => metadata.map_or(0, |m| m.len()),
    }
}

/// Reads and parses one file, or says why it could not be.
fn read(
    id: FileId,
    path: &std::path::Path,
    entry: &Entry,
    metadata: Option<&std::fs::Metadata>,
    file_settings: &FileSettings,
    settings: &Settings,
) -> (File, Vec<Diagnostic>) {
    let size = size(entry, metadata);
    match entry {
        Entry::Unwalkable(reason) => unread_file(id, path, reason, file_settings),
        // A named pipe or a device would block the read, or never end.
        Entry::Disk if metadata.is_some_and(|m| !m.is_file()) => unread_file(
            id,
            path,
            "not a regular file (a named pipe, a socket or a device)",
            file_settings,
        ),
        _ if too_large(size, file_settings, settings) => {
            too_large_file(id, path, size, file_settings, settings)
        }
        Entry::Disk => match std::fs::read(path) {
            Ok(bytes) => load_file(id, path, bytes, file_settings),
            Err(e) => {
                let is_link =
                    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                let reason = if is_link {
                    discover::link_reason(&e)
                } else {
                    discover::io_reason(&e)
                };
                unread_file(id, path, &reason, file_settings)
            }
        },
        Entry::Given(bytes) => load_file(id, path, bytes.clone(), file_settings),
    }
}

/// The second pass for one file: its posting rules (unless `checked` or the first pass holds
/// their findings already), its corpus findings, its suppressions, in order. A file let go
/// after the first pass is read again, and parsed again unless its findings were kept; if it
/// changed in between, only that is said.
fn finish(
    loaded: &Loaded,
    state: State,
    corpus_found: Vec<Diagnostic>,
    checked: Option<Vec<Diagnostic>>,
    settings: &Settings,
    online: Option<&online::Results>,
    spread: bool,
) -> (File, Vec<Diagnostic>) {
    let id = FileId(loaded.index);
    let posting = match state {
        State::Held(posting) => posting,
        State::Unread(source) => return (File::Unread(*source), loaded.found.clone()),
        State::Taken => unreachable!("each file is handed over once"),
        State::Checked(hash, packed) => {
            let text = loaded
                .bytes()
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok());
            let path = discover::display(&loaded.path);
            return match text {
                Some(text) if corpus::hash_of(&text) == hash => {
                    // No suppression comment: the corpus findings join as they are.
                    let mut found = packed.unpack();
                    found.extend(corpus_found);
                    found.extend(loaded.found.iter().cloned());
                    sort(&mut found);
                    (File::Unread(SourceFile::new(id, path, text)), found)
                }
                _ => changed(loaded, id, path),
            };
        }
        State::Released(hash) => {
            let (file, _) = read(
                id,
                &loaded.path,
                &loaded.entry,
                std::fs::metadata(&loaded.path).ok().as_ref(),
                &loaded.settings,
                settings,
            );
            match file {
                File::Posting(posting) if corpus::hash_of(posting.text()) == hash => posting,
                file => return changed(loaded, id, file.source().path.clone()),
            }
        }
    };
    let mut found =
        checked.unwrap_or_else(|| check(&posting, &loaded.settings, settings, online, spread));
    found.extend(corpus_found);
    // Suppressions see every finding of their file, the corpus rules' included.
    suppression::apply(&posting, &mut found, &|rule| loaded.settings.severity(rule));
    found.extend(loaded.found.iter().cloned());
    sort(&mut found);
    (File::Posting(posting), found)
}

/// A file's findings in the order they are reported: by offset, rule, end and message.
fn sort(found: &mut [Diagnostic]) {
    found.sort_by(|a, b| {
        (a.span.start, a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            b.rule,
            b.span.end,
            &b.message,
        ))
    });
}

/// What is said of a file that changed between the passes, instead of its findings.
fn changed(loaded: &Loaded, id: FileId, path: String) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(id, path, String::new());
    let changed = engine_diagnostic(
        &loaded.settings,
        &rules::io::IO_ERROR,
        &source,
        0..0,
        "the file changed while postlint was checking it".into(),
        "Run postlint again once the file is saved.",
    );
    (File::Unread(source), changed.into_iter().collect())
}

/// The files a streamed chunk's findings may point into: the chunk itself, files still held,
/// and any other read again from disk, once for the chunk however many labels point into it.
struct Window<'a> {
    chunk: &'a [(File, Vec<Diagnostic>)],
    first: usize,
    loaded: &'a [Loaded],
    context_paths: &'a [PathBuf],
    /// The other files the chunk's findings point into, read when first needed.
    others: std::collections::BTreeMap<u32, std::sync::OnceLock<SourceFile>>,
}

impl<'a> Window<'a> {
    fn new(
        chunk: &'a [(File, Vec<Diagnostic>)],
        first: usize,
        loaded: &'a [Loaded],
        context_paths: &'a [PathBuf],
    ) -> Window<'a> {
        let in_chunk = |i: u32| (first..first + chunk.len()).contains(&(i as usize));
        let others = chunk
            .iter()
            .flat_map(|(_, found)| found)
            .flat_map(|d| d.labels.iter().map(|l| l.span.file.0))
            .filter(|&i| !in_chunk(i))
            .map(|i| (i, std::sync::OnceLock::new()))
            .collect();
        Window {
            chunk,
            first,
            loaded,
            context_paths,
            others,
        }
    }

    /// A file of the run or a counterpart, as it is on disk (or as it was given).
    fn read(&self, id: FileId) -> SourceFile {
        let i = id.0 as usize;
        let (path, bytes) = match self.loaded.get(i) {
            Some(loaded) => (loaded.path.as_path(), loaded.bytes()),
            None => match self.context_paths.get(i - self.loaded.len()) {
                Some(path) => (path.as_path(), std::fs::read(path)),
                None => return SourceFile::new(id, String::new(), String::new()),
            },
        };
        let bytes = bytes.unwrap_or_default();
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        SourceFile::new(id, discover::display(path), text)
    }
}

impl Sources for Window<'_> {
    fn source(&self, id: FileId) -> Cow<'_, SourceFile> {
        let i = id.0 as usize;
        if let Some((file, _)) = i.checked_sub(self.first).and_then(|k| self.chunk.get(k)) {
            return Cow::Borrowed(file.source());
        }
        match self.loaded.get(i).map(|l| &l.state) {
            Some(State::Held(posting)) => Cow::Borrowed(&posting.source),
            Some(State::Unread(source)) => Cow::Borrowed(source),
            _ => match self.others.get(&id.0) {
                Some(cell) => Cow::Borrowed(cell.get_or_init(|| self.read(id))),
                None => Cow::Owned(self.read(id)),
            },
        }
    }
}

/// The files where the translations of the run's postings would be (the parallel `en/`/`fr/`
/// folder, the `.en.md`/`.fr.md` sibling) that are not in the run, parsed for comparison.
fn counterparts(loaded: &[Loaded], settings: &Settings) -> Vec<Posting> {
    let linted: std::collections::BTreeSet<String> =
        loaded.iter().map(|l| discover::display(&l.path)).collect();
    let mut candidates = std::collections::BTreeSet::new();
    let mut folders = std::collections::BTreeSet::new();
    // What a counterpart in the parallel folder must contain: the `translationKey` or `leverId`
    // of a posting of the run. Only files holding one are parsed; when a posting has neither,
    // every file of the folder is, to be paired by name or suggested as likely.
    let mut needles: Option<Vec<String>> = Some(Vec::new());
    for file in loaded {
        let display = discover::display(&file.path);
        let path = std::path::Path::new(&display);
        if let (Some(ids), Some(list)) = (&file.ids, needles.as_mut()) {
            if ids.is_empty() {
                needles = None;
            } else {
                list.extend(ids.iter().cloned());
            }
        }
        let swapped: PathBuf = path
            .components()
            .map(|c| match c.as_os_str().to_str() {
                Some("en") => std::ffi::OsStr::new("fr"),
                Some("fr") => std::ffi::OsStr::new("en"),
                _ => c.as_os_str(),
            })
            .collect();
        if swapped != path
            && let Some(folder) = swapped.parent()
        {
            folders.insert(folder.to_path_buf());
            // The same name in the other language's folder is a counterpart by name.
            candidates.insert(swapped.clone());
        }
        let name = path.to_string_lossy();
        for (from, to) in [(".en.", ".fr."), (".fr.", ".en.")] {
            if name.contains(from) {
                candidates.insert(PathBuf::from(name.replace(from, to)));
            }
        }
    }
    let siblings = candidates.clone();
    let mut candidates: Vec<PathBuf> = candidates.into_iter().collect();
    for folder in folders {
        if let Ok(entries) = std::fs::read_dir(folder) {
            candidates.extend(entries.flatten().map(|e| e.path()));
        }
    }
    // In the run's order (by displayed path), each once.
    let mut candidates: Vec<(String, PathBuf)> = candidates
        .into_iter()
        .map(|p| (discover::display(&p), p))
        .collect();
    candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    candidates.dedup_by(|a, b| a.0 == b.0);
    // Ids are looked for in the files' bytes, in any ASCII case, all at once.
    let ids = needles.as_ref().map(|needles| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(needles)
            .expect("ids are short strings")
    });
    let may_pair = |path: &PathBuf, bytes: &[u8]| {
        siblings.contains(path) || ids.as_ref().is_none_or(|ids| contains_id(ids, bytes))
    };
    let first = loaded.len();
    // Read in parallel: a one-file run in a folder of postings reads every file beside it.
    let read: Vec<(PathBuf, String)> = candidates
        .into_par_iter()
        .filter(|(display, _)| !linted.contains(display))
        .map(|(_, p)| p)
        .filter(|p| p.is_file() && discover::is_markdown(p) && !settings.is_excluded(p))
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            if !may_pair(&p, &bytes) {
                return None;
            }
            Some((p, String::from_utf8(bytes).ok()?))
        })
        .collect();
    read.into_par_iter()
        .enumerate()
        .map(|(i, (p, text))| {
            let profile = settings.for_path(&p).profile;
            Posting::parse(
                FileId((first + i) as u32),
                discover::display(&p),
                text,
                &profile,
            )
        })
        .collect()
}

/// `text` holds one of `ids` as a whole value: `dev-3` is not in `dev-30`.
fn contains_id(ids: &aho_corasick::AhoCorasick, text: &[u8]) -> bool {
    let part_of_id =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
    ids.find_overlapping_iter(text).any(|m| {
        let before = &text[m.start().saturating_sub(4)..m.start()];
        let before = before
            .utf8_chunks()
            .last()
            .and_then(|c| c.valid().chars().last());
        let after = text[m.end()..]
            .utf8_chunks()
            .next()
            .and_then(|c| c.valid().chars().next());
        !part_of_id(before) && !part_of_id(after)
    })
}

fn engine_diagnostic(
    settings: &FileSettings,
    rule: &'static Rule,
    file: &SourceFile,
    range: std::ops::Range<usize>,
    message: String,
    help: &str,
) -> Option<Diagnostic> {
    let severity = settings.severity(rule)?;
    let mut d = Diagnostic::new(rule.id, severity, file.span(range), message);
    d.help(help);
    Some(d)
}

fn unread_file(
    id: FileId,
    path: &std::path::Path,
    reason: &str,
    settings: &FileSettings,
) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(id, discover::display(path), String::new());
    let d = engine_diagnostic(
        settings,
        &rules::io::IO_ERROR,
        &source,
        0..0,
        format!("cannot read the file: {reason}"),
        "Check that the file exists and can be read; the other files were checked.",
    );
    (File::Unread(source), d.into_iter().collect())
}

/// The size above which a file is not checked (`io-file-too-large`), if that rule is on.
fn max_bytes(file_settings: &FileSettings, settings: &Settings) -> Option<u64> {
    file_settings.severity(&rules::io::IO_FILE_TOO_LARGE)?;
    let max = settings
        .options
        .get(rules::io::IO_FILE_TOO_LARGE.id)
        .map_or_else(
            || rules::io::FileSizeOptions::default().max_bytes,
            |o| o.get::<rules::io::FileSizeOptions>().max_bytes,
        );
    Some(max)
}

fn too_large(size: u64, file_settings: &FileSettings, settings: &Settings) -> bool {
    max_bytes(file_settings, settings).is_some_and(|max| size > max)
}

fn too_large_file(
    id: FileId,
    path: &std::path::Path,
    size: u64,
    file_settings: &FileSettings,
    settings: &Settings,
) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(id, discover::display(path), String::new());
    let max = max_bytes(file_settings, settings).unwrap_or_default();
    let d = engine_diagnostic(
        file_settings,
        &rules::io::IO_FILE_TOO_LARGE,
        &source,
        0..0,
        format!(
            "the file is {size} bytes, more than the {max} a posting may have: it was not checked"
        ),
        "Move it out of the postings or exclude it in postlint.toml; if it is a posting, raise `max-bytes` under `[rules.io-file-too-large]`.",
    );
    (File::Unread(source), d.into_iter().collect())
}

fn load_file(
    id: FileId,
    path: &std::path::Path,
    bytes: Vec<u8>,
    file_settings: &FileSettings,
) -> (File, Vec<Diagnostic>) {
    let display = discover::display(path);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let byte = bytes[valid];
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let source = SourceFile::new(id, display, prefix);
            let d = engine_diagnostic(
                file_settings,
                &rules::encoding::ENCODING_INVALID,
                &source,
                valid..valid,
                format!("the file is not valid UTF-8: byte 0x{byte:02X} at offset {valid}"),
                "Save the file as UTF-8; the rest of it was not checked.",
            );
            return (File::Unread(source), d.into_iter().collect());
        }
    };
    if let Some(nul) = text.find('\0') {
        let source = SourceFile::new(id, display, text[..nul].to_string());
        let d = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_NUL,
            &source,
            nul..nul,
            "the file contains a NUL byte: it is binary, or not UTF-8 text".into(),
            "Check that this is a text file saved as UTF-8; the rest of it was not checked.",
        );
        return (File::Unread(source), d.into_iter().collect());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        let source = SourceFile::new(id, display, text);
        let d = engine_diagnostic(
            file_settings,
            &rules::io::IO_EMPTY_FILE,
            &source,
            0..0,
            "the file is empty or holds only white space".into(),
            "Write the posting, or delete the file.",
        );
        return (File::Unread(source), d.into_iter().collect());
    }
    let mut posting = Posting::parse(id, display, text, &file_settings.profile);
    posting.missing_files = missing_files(&posting, path);
    let mut diagnostics = Vec::new();
    if posting.bom
        && let Some(mut d) = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_BOM,
            &posting.source,
            0..3,
            "the file starts with a byte-order mark".into(),
            "Save the file as UTF-8 without a byte-order mark.",
        )
    {
        d.fix(
            Applicability::Safe,
            "Remove the byte-order mark",
            vec![Edit {
                span: posting.span(0..3),
                replacement: String::new(),
            }],
        );
        diagnostics.push(d);
    }
    let lone = rules::encoding::lone_carriage_returns(posting.text());
    if let Some(&first) = lone.first()
        && let Some(mut d) = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_LINE_ENDING,
            &posting.source,
            first..first + 1,
            format!(
                "{} line{} end with a carriage return alone (`\\r`)",
                lone.len(),
                if lone.len() == 1 { "" } else { "s" }
            ),
            "Save the file with `\\n` (LF) line endings.",
        )
    {
        let edits = lone
            .iter()
            .map(|&i| Edit {
                span: posting.span(i..i + 1),
                replacement: "\n".into(),
            })
            .collect();
        d.fix(Applicability::Safe, "End lines with `\\n`", edits);
        diagnostics.push(d);
    }
    (File::Posting(Box::new(posting)), diagnostics)
}

/// Runs the posting rules selected for the file, in rule order; `spread` runs them in parallel
/// (their findings still in rule order).
fn check(
    posting: &Posting,
    file_settings: &FileSettings,
    settings: &Settings,
    online: Option<&online::Results>,
    spread: bool,
) -> Vec<Diagnostic> {
    type Selected = (&'static Rule, fn(&Posting, &mut Context), Severity);
    let selected: Vec<Selected> = rules::all()
        .iter()
        .zip(&file_settings.severities)
        .filter_map(|(rule, severity)| match rule.check {
            Check::Posting(check) => Some((*rule, check, (*severity)?)),
            _ => None,
        })
        .collect();
    let run = |(rule, check, severity): Selected| {
        let mut found = Vec::new();
        let mut cx = Context {
            rule,
            severity,
            options: settings.options.get(rule.id),
            today: settings.today,
            jurisdiction: file_settings.jurisdiction,
            employer_size: file_settings.employer_size,
            online,
            diagnostics: &mut found,
        };
        check(posting, &mut cx);
        found
    };
    if spread {
        // One rule a task: a few rules (word lists, readability) cost most of the time.
        let per_rule: Vec<Vec<Diagnostic>> =
            selected.into_par_iter().with_max_len(1).map(run).collect();
        per_rule.concat()
    } else {
        selected.into_iter().flat_map(run).collect()
    }
}

/// The URL spans of relative links to files that do not exist (site-root links like `/en/`
/// cannot be resolved from the repository and are left alone).
fn missing_files(posting: &Posting, path: &std::path::Path) -> Vec<crate::posting::Span> {
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    posting
        .markdown
        .links
        .iter()
        .filter_map(|link| {
            let target = relative_target(&link.url)?;
            let exists = candidates(&dir.join(&target)).iter().any(|p| p.exists());
            (!exists).then_some(link.url_span)
        })
        .collect()
}

/// The path of a relative link, percent-decoded, without its fragment or query.
fn relative_target(url: &str) -> Option<String> {
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    // `www.site.ca/…` is a web address missing its scheme: `url-invalid` says so, as
    // `url-invalid-email` does of an e-mail address missing its `mailto:`. A link the
    // site's templates fill in (`{{ site.baseurl }}/apply/`, `{% link jobs.md %}`) is not a
    // path yet.
    if url.is_empty()
        || url.contains("{{")
        || url.contains("{%")
        || has_scheme
        || url.starts_with(['#', '/', '?'])
        || url.to_ascii_lowercase().starts_with("www.")
        || crate::posting::markdown::is_bare_address(url)
    {
        return None;
    }
    let path = url.split(['#', '?']).next()?;
    if path.is_empty() {
        return None;
    }
    Some(
        url::form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes())
            .next()?
            .1
            .into_owned(),
    )
}

/// A link to `page/` or `page` may mean `page.md` or `page/index.md` on a static site.
fn candidates(target: &std::path::Path) -> Vec<std::path::PathBuf> {
    let trimmed = target.to_string_lossy().trim_end_matches('/').to_string();
    let base = std::path::PathBuf::from(&trimmed);
    vec![
        target.to_path_buf(),
        base.with_extension("md"),
        base.join("index.md"),
        base.join("_index.md"),
    ]
}

#[cfg(test)]
mod tests {
    use super::contains_id;

    fn ids(ids: &[&str]) -> aho_corasick::AhoCorasick {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ids)
            .unwrap()
    }

    #[test]
    fn an_id_is_found_whole_in_any_ascii_case() {
        let dev = ids(&["dev-3"]);
        assert!(contains_id(&dev, b"translationKey: dev-3\n"));
        assert!(contains_id(&dev, b"translationKey: DEV-3"));
        assert!(contains_id(&dev, "clé : «\u{a0}dev-3\u{a0}»".as_bytes()));
        assert!(!contains_id(&dev, b"translationKey: dev-30"));
        assert!(!contains_id(&dev, b"translationKey: my-dev-3"));
        assert!(!contains_id(&dev, "translationKey: édev-3".as_bytes()));
        assert!(!contains_id(&dev, "translationKey: dev-3é".as_bytes()));
        // One id inside another is still looked for on its own.
        let two = ids(&["dev-30", "dev-3"]);
        assert!(contains_id(&two, b"dev-3 and dev-301"));
        // Text that is not UTF-8 around an id does not hide it.
        assert!(contains_id(&dev, b"\xff\xfe dev-3 \xff"));
    }
}
