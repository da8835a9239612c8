//! Bounds on what a vendor's answers can make a sync do: how large one answer may be, how long
//! a token is trusted, how many pages a listing may have and how many page requests wait at
//! once. A broken or hostile server meets one of them and the sync fails with a named reason,
//! instead of exhausting memory, overflowing a clock or paging forever.

use std::collections::HashSet;
use std::time::Duration;

use crate::error::{SyncError, display_url};

/// The largest answer read. A Graph page of 1,000 devices is ~0.6 MB, a Jamf page of 500
/// phones with their apps ~15 MB; 64 MiB leaves room and stops a body without end.
pub(crate) const MAX_BODY_BYTES: usize = 64 << 20;

/// The longest a token is trusted, whatever its answer claims (Entra issues ~1 hour, Jamf 20
/// minutes); a token is asked for again after this.
pub(crate) const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// More pages than any tenant has: 100 million devices at Graph's 1,000 a page.
pub(crate) const MAX_PAGES: u32 = 100_000;

/// Page or app requests spawned at once; each waits for the connection's concurrency limit,
/// so more would only hold memory for a total the server merely claims.
pub(crate) const MAX_TASKS: usize = 64;

/// The pages a listing followed link by link has visited: a link seen before would page for
/// ever, and so would a listing longer than [`MAX_PAGES`].
#[derive(Debug)]
pub(crate) struct PageTrail {
    noun: &'static str,
    seen: HashSet<String>,
}

impl PageTrail {
    pub(crate) fn new(noun: &'static str, first: &str) -> Self {
        Self {
            noun,
            seen: HashSet::from([first.to_owned()]),
        }
    }

    /// Accepts `next` as the next page's link, or ends the listing with the reason.
    pub(crate) fn follow(&mut self, next: &str) -> Result<(), SyncError> {
        let what = format!("the link to page {} of {}", self.seen.len() + 1, self.noun);
        let refused = |detail: String| SyncError::InvalidResponse {
            url: display_url(next),
            what,
            detail,
        };
        if self.seen.len() as u32 >= MAX_PAGES {
            return Err(refused(format!(
                "the listing goes on past {MAX_PAGES} pages, more than any tenant has"
            )));
        }
        if !self.seen.insert(next.to_owned()) {
            return Err(refused(
                "it points back to a page already read, so the listing would never end".into(),
            ));
        }
        Ok(())
    }
}

/// Checks a page-numbered listing has not gone past [`MAX_PAGES`].
pub(crate) fn check_page_number(number: u32, noun: &str) -> Result<(), SyncError> {
    if number >= MAX_PAGES {
        return Err(SyncError::InvalidResponse {
            url: String::new(),
            what: noun.to_owned(),
            detail: format!("the listing goes on past {MAX_PAGES} pages, more than any tenant has"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_back_to_an_earlier_page_ends_the_listing() {
        let mut trail = PageTrail::new("managed devices", "https://x/p1");
        assert!(trail.follow("https://x/p2").is_ok());
        let error = trail.follow("https://x/p1").expect_err("a loop");
        assert!(error.to_string().contains("already read"), "{error}");
    }

    #[test]
    fn a_listing_without_end_stops_at_the_page_limit() {
        let mut trail = PageTrail::new("managed devices", "https://x/0");
        let stopped = (1..=MAX_PAGES).find_map(|n| trail.follow(&format!("https://x/{n}")).err());
        let error = stopped.expect("the trail stops");
        assert!(error.to_string().contains("past 100000 pages"), "{error}");
        assert!(check_page_number(MAX_PAGES, "devices").is_err());
        assert!(check_page_number(MAX_PAGES - 1, "devices").is_ok());
    }
}
