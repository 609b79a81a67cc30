//! Strings held once per run.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One copy of each string that many parts of a run hold, each with an id: link targets,
/// front matter keys and site sections in the corpus summaries (postings of one employer link
/// to the same pages), the help texts of findings waiting for their turn.
#[derive(Debug, Default)]
pub struct Interner(Mutex<Strings>);

#[derive(Debug, Default)]
struct Strings {
    ids: HashMap<Arc<str>, u32>,
    all: Vec<Arc<str>>,
}

impl Strings {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.all.len()).expect("fewer than 2³² distinct strings");
        let shared: Arc<str> = Arc::from(text);
        self.all.push(shared.clone());
        self.ids.insert(shared, id);
        id
    }
}

impl Interner {
    pub fn get(&self, text: &str) -> Arc<str> {
        let mut strings = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let id = strings.id(text);
        strings.all[id as usize].clone()
    }

    /// The id of `text`.
    pub fn id(&self, text: &str) -> u32 {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).id(text)
    }

    /// The string of an id this interner gave.
    pub fn text(&self, id: u32) -> Arc<str> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).all[id as usize].clone()
    }

    /// Every string, by id.
    pub fn into_table(self) -> Vec<Arc<str>> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner()).all
    }
}
