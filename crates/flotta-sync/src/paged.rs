//! Page-numbered listings (Jamf Pro, Workspace ONE): the first page tells the total, then the
//! remaining pages are fetched concurrently — bounded by the connection's concurrency — and
//! each is mapped on the blocking pool as it arrives. Totals drift while a sync runs (devices
//! enrol), so after the known pages the listing is followed until a page comes back empty.

use std::sync::Arc;

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::error::SyncError;
use crate::http::{Answer, Api};
use crate::limits::{MAX_PAGES, MAX_TASKS, check_page_number};
use crate::{FetchedPage, deliver};

/// What a page says about the listing: the total when stated, and whether it is empty.
pub(crate) type PageShape = (Option<u32>, bool);

/// One vendor's page-numbered listing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Listing {
    pub(crate) page_size: u32,
    /// The URL of page `n` (0-based).
    pub(crate) url: fn(&str, u32, u32) -> String,
    /// Checks a body is whole; returns the total when the vendor states it, and whether the
    /// page is empty (a 204, or no records).
    pub(crate) check: fn(&Answer) -> Result<PageShape, String>,
    /// Maps a checked body.
    pub(crate) map: fn(&[u8]) -> FetchedPage,
    pub(crate) noun: &'static str,
}

async fn get_page(
    api: &Api,
    listing: Listing,
    base: &str,
    number: u32,
) -> Result<(Vec<u8>, Option<u32>, bool), SyncError> {
    let url = (listing.url)(base, number, listing.page_size);
    let what = format!("page {} of {}", number + 1, listing.noun);
    api.get(&url, &what, |answer| {
        let (total, empty) = (listing.check)(&answer)?;
        Ok((answer.body, total, empty))
    })
    .await
}

async fn mapped(
    body: Vec<u8>,
    listing: Listing,
    total: Option<u32>,
) -> Result<FetchedPage, SyncError> {
    let mut page = tokio::task::spawn_blocking(move || (listing.map)(&body))
        .await
        .map_err(|error| SyncError::InvalidResponse {
            url: String::new(),
            what: listing.noun.into(),
            detail: format!("mapping stopped: {error}"),
        })?;
    page.total = total;
    page.listing = listing.noun;
    Ok(page)
}

pub(crate) async fn first(
    api: &Arc<Api>,
    base: &str,
    listing: Listing,
    pages: &mpsc::Sender<FetchedPage>,
) -> Result<Option<u32>, SyncError> {
    let (body, total, empty) = get_page(api, listing, base, 0).await?;
    if !empty {
        deliver(pages, mapped(body, listing, total).await?).await?;
    }
    Ok(total)
}

pub(crate) async fn fetch(
    api: &Arc<Api>,
    base: String,
    listing: Listing,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let (body, total, empty) = get_page(api, listing, &base, 0).await?;
    if empty {
        return Ok(());
    }
    deliver(&pages, mapped(body, listing, total).await?).await?;
    // A claimed total is the server's word: it is capped, and pages are asked for at most
    // MAX_TASKS at a time instead of one waiting task per claimed page.
    let known_pages = total
        .map_or(1, |total| total.div_ceil(listing.page_size.max(1)))
        .min(MAX_PAGES);
    let mut numbers = 1..known_pages;
    let mut tasks = JoinSet::new();
    loop {
        while tasks.len() < MAX_TASKS
            && let Some(number) = numbers.next()
        {
            let (api, base, pages) = (Arc::clone(api), base.clone(), pages.clone());
            tasks.spawn(async move {
                let (body, _, empty) = get_page(&api, listing, &base, number).await?;
                if !empty {
                    deliver(&pages, mapped(body, listing, total).await?).await?;
                }
                Ok::<(), SyncError>(())
            });
        }
        let Some(done) = tasks.join_next().await else {
            break;
        };
        let outcome = done.map_err(|error| SyncError::InvalidResponse {
            url: base.clone(),
            what: listing.noun.into(),
            detail: format!("a page task stopped: {error}"),
        })?;
        // The first failure ends the fetch; the JoinSet aborts the other pages when dropped.
        outcome?;
    }
    let mut number = known_pages.max(1);
    loop {
        check_page_number(number, listing.noun)?;
        let (body, _, empty) = get_page(api, listing, &base, number).await?;
        if empty {
            return Ok(());
        }
        deliver(&pages, mapped(body, listing, total).await?).await?;
        number += 1;
    }
}
