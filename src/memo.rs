//! Results worked out before, for work that postings repeat: a word's syllables, a link's
//! validity. Each thread keeps its own table (no lock), bounded: a table that reaches its bound
//! is emptied and filled again, so memory stays flat whatever the input.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

use foldhash::fast::FixedState;

/// A bounded table of results by key. A fast hash with a fixed seed: these keys are not chosen
/// by an adversary who could make them collide to any harm beyond a slower run.
pub struct Memo<K, V> {
    table: HashMap<K, V, FixedState>,
    bound: usize,
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    /// A table that holds at most `bound` results.
    pub fn new(bound: usize) -> Memo<K, V> {
        Memo {
            table: HashMap::default(),
            bound,
        }
    }

    /// The result for `key`: the one kept, or `make`'s, then kept.
    #[inline]
    pub fn get<Q>(&mut self, key: &Q, make: impl FnOnce(&Q) -> V) -> V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.table.get(key) {
            return v.clone();
        }
        let v = make(key);
        if self.table.len() >= self.bound {
            self.table.clear();
        }
        self.table.insert(key.to_owned(), v.clone());
        v
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_kept_within_the_bound() {
        let mut memo: Memo<String, usize> = Memo::new(2);
        let made = std::cell::Cell::new(0);
        let len = |memo: &mut Memo<String, usize>, key: &str| {
            memo.get(key, |k: &str| {
                made.set(made.get() + 1);
                k.len()
            })
        };
        assert_eq!(len(&mut memo, "ab"), 2);
        assert_eq!(len(&mut memo, "ab"), 2);
        assert_eq!(len(&mut memo, "abc"), 3);
        assert_eq!(memo.len(), 2);
        assert_eq!(made.get(), 2);
        // The third key empties the full table before it is kept.
        assert_eq!(len(&mut memo, "abcd"), 4);
        assert_eq!(memo.len(), 1);
        assert_eq!(len(&mut memo, "ab"), 2);
        assert_eq!(made.get(), 4);
    }
}
