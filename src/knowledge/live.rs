//! The knowledge desk a running daemon uses, kept in step with the article folder: an
//! article published while the daemon runs (`supportbot kb publish` from another process,
//! `#kb publish` in this one, or a file copied in) is suggested from the next mail on, not
//! only after a restart. An edge (it reads the folder): on each mail that opens a ticket the
//! folder's own modification time is checked (one `stat`; publishing moves a file in, which
//! changes it), and at most every [`LOOK_EVERY`] also every `*.md`'s name, size and
//! modification time (an article edited in place); the index is rebuilt when they differ.
//! `#kb publish` forces a look. SIGHUP reloads everything anyway (a new pipeline generation).

use super::files;
use super::index::Index;
use super::intake::Desk;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};
use tracing::{info, warn};

/// How often every article's size and time are compared, at most (one `read_dir` and a
/// `stat` per article; not per mail).
pub const LOOK_EVERY: Duration = Duration::from_secs(2);

/// What the folder looked like: (file name, size, modification time) of each `*.md`.
type Stamp = Vec<(String, u64, Option<SystemTime>)>;

fn stamp(dir: &Path) -> Stamp {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut s: Stamp = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().ok(),
            ))
        })
        .collect();
    s.sort();
    s
}

/// The last look at the folder.
#[derive(Debug)]
struct Looked {
    at: Instant,
    dir_modified: Option<SystemTime>,
    stamp: Stamp,
}

fn dir_modified(dir: &Path) -> Option<SystemTime> {
    std::fs::metadata(dir).and_then(|m| m.modified()).ok()
}

/// A [`Desk`] whose article index follows the folder.
#[derive(Debug)]
pub struct LiveDesk {
    dir: Option<PathBuf>,
    desk: RwLock<Arc<Desk>>,
    looked: Mutex<Looked>,
}

impl LiveDesk {
    /// `desk` as loaded from `dir` (`None`: no knowledge base, nothing is ever reloaded).
    pub fn new(desk: Desk, dir: Option<PathBuf>) -> LiveDesk {
        let looked = Looked {
            at: Instant::now(),
            dir_modified: dir.as_deref().and_then(dir_modified),
            stamp: dir.as_deref().map(stamp).unwrap_or_default(),
        };
        LiveDesk {
            dir,
            desk: RwLock::new(Arc::new(desk)),
            looked: Mutex::new(looked),
        }
    }

    /// The desk to use for this mail; the index is rebuilt first if the folder changed.
    pub fn current(&self) -> Arc<Desk> {
        self.refresh(false);
        self.get()
    }

    /// The desk as it is, without looking at the folder.
    pub fn get(&self) -> Arc<Desk> {
        match self.desk.read() {
            Ok(d) => d.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Rebuild the index now if the folder changed (after `#kb publish`).
    pub fn reload(&self) {
        self.refresh(true);
    }

    fn refresh(&self, now: bool) {
        let Some(dir) = self.dir.as_deref() else {
            return;
        };
        let Ok(mut looked) = self.looked.lock() else {
            return;
        };
        let modified = dir_modified(dir);
        if !now && modified == looked.dir_modified && looked.at.elapsed() < LOOK_EVERY {
            return;
        }
        looked.at = Instant::now();
        looked.dir_modified = modified;
        let s = stamp(dir);
        if s == looked.stamp {
            return;
        }
        match files::load_dir(dir) {
            Ok(loaded) => {
                for p in &loaded.problems {
                    warn!(problem = %p, "Knowledge-base article left out.");
                }
                let mut desk = (*self.get()).clone();
                let n = loaded.articles.len();
                desk.index = Some(Index::new(loaded.articles));
                if let Ok(mut d) = self.desk.write() {
                    *d = Arc::new(desk);
                }
                looked.stamp = s;
                info!(articles = n, dir = %dir.display(), "Knowledge base reloaded.");
            }
            Err(e) => {
                warn!(error = %e, dir = %dir.display(), "Knowledge base not reloaded; keeping the old index.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::index::Query;

    fn article(title: &str, body: &str) -> String {
        format!("---\ncategory: hardware\nlanguage: en\n---\n# {title}\n\n{body}\n")
    }

    fn hits(live: &LiveDesk, text: &str) -> Vec<String> {
        let d = live.get();
        let q = Query {
            text,
            category: None,
            language: None,
        };
        d.index
            .as_ref()
            .map(|ix| ix.suggest(&q, 1.0, 3).into_iter().map(|h| h.id).collect())
            .unwrap_or_default()
    }

    #[test]
    fn an_article_published_into_the_folder_is_found_after_reload() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(
            p.join("vpn.en.md"),
            article("VPN drops", "Reconnect the VPN client."),
        )
        .unwrap();
        let loaded = files::load_dir(p).unwrap();
        let desk = Desk {
            index: Some(Index::new(loaded.articles)),
            ..Desk::default()
        };
        let live = LiveDesk::new(desk, Some(p.to_path_buf()));
        assert!(hits(&live, "toner cartridge streaks").is_empty());
        // Published (moved in from drafts/) while running: seen on the next mail, because
        // the folder changed.
        let drafts = p.join("drafts");
        std::fs::create_dir_all(&drafts).unwrap();
        std::fs::write(
            drafts.join("toner.en.md"),
            article(
                "Toner streaks on printouts",
                "Shake the toner cartridge, then clean the drum.",
            ),
        )
        .unwrap();
        let _ = live.current();
        assert!(hits(&live, "toner cartridge streaks").is_empty(), "a draft");
        files::publish(p, Path::new("toner.en.md")).unwrap();
        let _ = live.current();
        assert_eq!(hits(&live, "toner cartridge streaks"), vec!["toner.en"]);
        // Edited in place (the folder's time stays): seen once LOOK_EVERY has passed.
        std::fs::write(
            p.join("toner.en.md"),
            article(
                "Toner streaks on printouts",
                "Replace the fuser assembly when streaks stay.",
            ),
        )
        .unwrap();
        let _ = live.current();
        assert!(hits(&live, "fuser assembly").is_empty(), "looked just now");
        if let Ok(mut l) = live.looked.lock() {
            l.at = Instant::now().checked_sub(LOOK_EVERY).unwrap_or(l.at);
        }
        let _ = live.current();
        assert_eq!(hits(&live, "fuser assembly"), vec!["toner.en"]);
        // `#kb publish` reloads at once.
        std::fs::write(
            p.join("wifi.en.md"),
            article("Wi-Fi keeps dropping", "Forget the network and rejoin."),
        )
        .unwrap();
        live.reload();
        assert_eq!(hits(&live, "wifi keeps dropping"), vec!["wifi.en"]);
        assert_eq!(hits(&live, "VPN drops"), vec!["vpn.en"]);
        // An unchanged folder keeps the same desk (no rebuild).
        let before = live.get();
        live.reload();
        assert!(Arc::ptr_eq(&before, &live.get()));
        // A removed article disappears.
        std::fs::remove_file(p.join("toner.en.md")).unwrap();
        live.reload();
        assert!(hits(&live, "toner cartridge streaks").is_empty());
    }

    #[test]
    fn without_a_folder_nothing_is_reloaded() {
        let live = LiveDesk::new(Desk::default(), None);
        live.reload();
        assert!(live.current().index.is_none());
    }
}
