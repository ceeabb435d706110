//! The engine's vocabulary besides the catalogs, the wording, the templates and
//! the gazetteer: the unit table (`rules/units.toml`), the document-kind words
//! (`rules/kinds.toml`), the text rules' fixed words (`rules/text_words.toml`),
//! locate's fixed words (`regions/place_words.toml`),
//! the words of table layouts (`sheets/layout_words.toml`)
//! and page chrome (`ingest/page_chrome.toml`). Each stage owns the types of its
//! list and an [`Active`] slot for it; an engine reads every list from its
//! datasets folder when it loads (unknown keys rejected), installs them, and keys
//! its cache with their [`fingerprint`]. Code that runs before any engine loads
//! (library users, unit tests) reads the datasets folder the binary was built
//! with. What stays in code is grammar, not words. This module imports no stage.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicPtr, Ordering};

/// A vocabulary file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum VocabularyError {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
}

/// The files of the vocabulary, relative to the datasets folder.
pub const FILES: [&str; 7] = [
    "ingest/cell_words.toml",
    "regions/place_words.toml",
    "rules/units.toml",
    "rules/kinds.toml",
    "rules/text_words.toml",
    "sheets/layout_words.toml",
    "ingest/page_chrome.toml",
];

/// The datasets folder the binary was built with: the default of library
/// users and tests that load no engine.
pub fn built_with() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets")
}

/// Read one vocabulary file of a datasets folder and parse it with `parse`;
/// errors name the file.
pub fn load<T>(
    datasets: &Path,
    rel: &str,
    parse: impl FnOnce(&str) -> Result<T, toml::de::Error>,
) -> Result<T, VocabularyError> {
    let path = datasets.join(rel);
    let text = std::fs::read_to_string(&path)
        .map_err(|source| VocabularyError::Read { path: path.clone(), source })?;
    parse(&text).map_err(|e| VocabularyError::Parse { path, message: e.to_string() })
}

/// A hash of every vocabulary file of a datasets folder: part of the cache key.
pub fn fingerprint(datasets: &Path) -> Result<String, VocabularyError> {
    let mut hasher = blake3::Hasher::new();
    for rel in FILES {
        let path = datasets.join(rel);
        let text = std::fs::read(&path)
            .map_err(|source| VocabularyError::Read { path: path.clone(), source })?;
        hasher.update(&text).update(&[0]);
    }
    Ok(hasher.finalize().to_hex()[..16].to_string())
}

/// The active list of one kind for the process: the last installed, else the
/// built-with folder's (read on first use).
pub struct Active<T: 'static> {
    slot: AtomicPtr<T>,
}

impl<T: 'static> Active<T> {
    pub const fn new() -> Active<T> {
        Active { slot: AtomicPtr::new(std::ptr::null_mut()) }
    }

    /// Make `value` the active list (lists are installed a few times per
    /// process at most; the replaced one is kept alive for readers).
    pub fn install(&self, value: T) -> &'static T {
        let leaked: &'static mut T = Box::leak(Box::new(value));
        self.slot.store(leaked, Ordering::Release);
        leaked
    }

    /// The active list, `built_with` loading it the first time when none is.
    pub fn get(&self, built_with: impl FnOnce() -> Result<T, VocabularyError>) -> &'static T {
        // SAFETY: the pointer is null or a leaked Box, never freed
        match unsafe { self.slot.load(Ordering::Acquire).as_ref() } {
            Some(value) => value,
            None => match built_with() {
                Ok(value) => self.install(value),
                Err(e) => panic!("no list installed and the built-with datasets fail: {e}"),
            },
        }
    }
}

impl<T: 'static> Default for Active<T> {
    fn default() -> Self {
        Active::new()
    }
}

/// A list's words, for the life of the process (a vocabulary is loaded a few
/// times per process at most).
pub fn leak_words(list: Vec<String>) -> &'static [&'static str] {
    let words = list.into_iter().map(|w| &*Box::leak(w.into_boxed_str()));
    Box::leak(words.collect::<Vec<_>>().into_boxed_slice())
}

/// Declares a word-list file of the vocabulary in the module that owns it: the
/// file's schema (lists of words, unknown keys rejected), the compiled lists,
/// `load` / `install`, and one accessor per list reading the active copy.
#[macro_export]
macro_rules! word_lists {
    ($(#[$sdoc:meta])* $ty:ident in $file:literal { $($(#[$doc:meta])* $name:ident),* $(,)? }) => {
        mod word_file {
            #[derive(Debug, serde::Deserialize)]
            #[serde(deny_unknown_fields)]
            pub(super) struct File {
                $(pub(super) $name: Vec<String>,)*
            }
        }

        $(#[$sdoc])*
        #[derive(Debug)]
        pub struct $ty {
            $($name: &'static [&'static str],)*
        }

        static ACTIVE_WORDS: $crate::vocabulary::Active<$ty> = $crate::vocabulary::Active::new();

        impl $ty {
            /// The lists of a datasets folder.
            pub fn load(
                datasets: &std::path::Path,
            ) -> Result<$ty, $crate::vocabulary::VocabularyError> {
                $crate::vocabulary::load(datasets, $file, |text| {
                    let file: word_file::File = toml::from_str(text)?;
                    Ok($ty { $($name: $crate::vocabulary::leak_words(file.$name),)* })
                })
            }

            /// Make these the process's lists.
            pub fn install(self) {
                ACTIVE_WORDS.install(self);
            }

            fn active() -> &'static $ty {
                ACTIVE_WORDS.get(|| $ty::load(&$crate::vocabulary::built_with()))
            }
        }

        $(
            $(#[$doc])*
            pub(crate) fn $name() -> &'static [&'static str] {
                $ty::active().$name
            }
        )*
    };
}
