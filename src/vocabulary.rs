//! The engine's vocabulary besides the catalogs, the wording, the templates and
//! the gazetteer: the unit table (`rules/units.toml`), the document-kind words
//! (`rules/kinds.toml`), the text rules' fixed words (`rules/text_words.toml`),
//! locate's fixed words (`regions/place_words.toml`), the words of table layouts
//! (`sheets/layout_words.toml`), page chrome (`ingest/page_chrome.toml`), no-value
//! cell words (`ingest/cell_words.toml`) and chart labels (`charts/labels.toml`).
//! Each stage owns the type of its file and implements [`VocabularyFile`] for it
//! (lists of words by `word_lists!`); an engine reads every file from its
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

/// The datasets folder the binary was built with: the default of library
/// users and tests that load no engine.
pub fn built_with() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets")
}

/// One vocabulary file, owned by the stage that reads it: where it stands in
/// the datasets folder, how its text is compiled, and its process-wide slot.
/// `load`, `install` and `active` are the same for every file.
pub trait VocabularyFile: Sized + 'static {
    /// The file, relative to the datasets folder.
    const FILE: &'static str;

    /// The compiled lists of the file's text (unknown keys rejected).
    fn parse(text: &str) -> Result<Self, toml::de::Error>;

    /// The process-wide slot of this file's lists.
    fn slot() -> &'static Active<Self>;

    /// Read and compile the file of a datasets folder; errors name the file.
    fn load(datasets: &Path) -> Result<Self, VocabularyError> {
        let path = datasets.join(Self::FILE);
        let text = std::fs::read_to_string(&path)
            .map_err(|source| VocabularyError::Read { path: path.clone(), source })?;
        Self::parse(&text).map_err(|e| VocabularyError::Parse { path, message: e.to_string() })
    }

    /// Make these the process's lists.
    fn install(self) {
        Self::slot().install(self);
    }

    /// The active lists: the last installed, else the built-with folder's.
    fn active() -> &'static Self {
        Self::slot().get(|| Self::load(&built_with()))
    }
}

/// A hash of the given vocabulary files of a datasets folder: part of the
/// cache key.
pub fn fingerprint(datasets: &Path, files: &[&str]) -> Result<String, VocabularyError> {
    let mut hasher = blake3::Hasher::new();
    for rel in files {
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
/// its [`VocabularyFile`], and one accessor per list reading the active copy.
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

        impl $crate::vocabulary::VocabularyFile for $ty {
            const FILE: &'static str = $file;

            fn parse(text: &str) -> Result<$ty, toml::de::Error> {
                let file: word_file::File = toml::from_str(text)?;
                Ok($ty { $($name: $crate::vocabulary::leak_words(file.$name),)* })
            }

            fn slot() -> &'static $crate::vocabulary::Active<$ty> {
                static SLOT: $crate::vocabulary::Active<$ty> = $crate::vocabulary::Active::new();
                &SLOT
            }
        }

        $(
            $(#[$doc])*
            pub(crate) fn $name() -> &'static [&'static str] {
                <$ty as $crate::vocabulary::VocabularyFile>::active().$name
            }
        )*
    };
}
