//! Shards: the K-th of N deterministic slices of a build's inputs. A file's
//! shard is decided by the BLAKE3 hash of its bytes alone, so it never
//! depends on what else is in the folder or on the machine running it.

use std::io::Read;
use std::path::Path;

/// The K-th (1-based) of N slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("shard must be K/N with 1 ≤ K ≤ N (got {0:?})")]
pub struct ShardError(String);

impl std::str::FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let bad = || ShardError(s.to_string());
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the file at `path` belongs to this shard (an unreadable file
    /// goes by its path, so exactly one shard reports it).
    pub fn holds(&self, path: &Path) -> bool {
        let hash = content_hash(path).unwrap_or_else(|| {
            let digest = blake3::hash(path.to_string_lossy().as_bytes());
            u64::from_le_bytes(digest.as_bytes()[..8].try_into().unwrap_or_default())
        });
        hash % self.count == self.index - 1
    }
}

fn content_hash(path: &Path) -> Option<u64> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = blake3::Hasher::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Some(u64::from_le_bytes(hasher.finalize().as_bytes()[..8].try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_as_k_of_n() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("3".parse::<Shard>().is_err());
    }

    #[test]
    fn every_file_is_in_exactly_one_shard() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..20 {
            let p = dir.path().join(format!("{i}.txt"));
            std::fs::write(&p, format!("report {i}")).unwrap();
            let owners = (1..=3).filter(|k| Shard { index: *k, count: 3 }.holds(&p)).count();
            assert_eq!(owners, 1);
        }
    }
}
