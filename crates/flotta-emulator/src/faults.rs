//! Switchable faults: what a real tenant does to a client on a bad day.
//!
//! A test arms a [`FaultRule`]; the rule lets `skip` matching requests through and then hits
//! the next `times` ones. Rules are consumed in the order they were armed.

use std::time::Duration;

/// Which API a rule applies to (token endpoints count as part of their API).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    Graph,
    Jamf,
    WorkspaceOne,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// 429 with `Retry-After: seconds`.
    TooManyRequests { retry_after_seconds: u32 },
    /// 503, with `Retry-After` when given.
    Unavailable { retry_after_seconds: Option<u32> },
    /// 500 with the vendor's error body.
    ServerError,
    /// 200 whose body stops half-way and the connection is closed.
    DropMidBody,
    /// 200 with a well-framed body that holds only the first half of the JSON.
    TruncatedJson,
    /// 200 with a body that starts as JSON and breaks off into rubbish.
    MalformedJson,
    /// 200 with a web page, as a web console or a proxy's sign-in page answers.
    HtmlPage,
    /// Forgets every token issued so far before answering: the client's token has expired.
    ExpireTokens,
    /// 403: the API client lacks the permission this request needs.
    Forbidden,
    /// Answers only after this long (a slow tenant).
    Slow(Duration),
    /// Enrols this many new devices before answering (devices added between pages).
    AddDevices(usize),
    /// Forgets this many devices before answering (devices removed between pages).
    RemoveDevices(usize),
    /// A hostile or misconfigured server: 307 Temporary Redirect to this URL.
    Redirect(String),
    /// A hostile server: Graph's `@odata.nextLink` points to this origin (`http://host:port`)
    /// instead of the emulator's own.
    ForeignNextLink(String),
    /// A body without end: 200 with 65 MiB of JSON whitespace, its length announced in
    /// `Content-Length` or (false) streamed without one.
    OversizedBody { announced: bool },
}

/// When a fault strikes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    pub fault: Fault,
    /// `None` = any API.
    pub api: Option<Api>,
    /// Only requests whose path contains this (e.g. "managedDevices", "token").
    pub path_contains: Option<&'static str>,
    /// Matching requests let through before the fault strikes.
    pub skip: u32,
    /// How many matching requests it strikes.
    pub times: u32,
}

impl FaultRule {
    /// Strikes the next matching device-list request once.
    pub fn once(fault: Fault) -> Self {
        Self {
            fault,
            api: None,
            path_contains: None,
            skip: 0,
            times: 1,
        }
    }

    pub fn after(mut self, skip: u32) -> Self {
        self.skip = skip;
        self
    }

    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    pub fn on(mut self, api: Api) -> Self {
        self.api = Some(api);
        self
    }

    pub fn on_path(mut self, path_contains: &'static str) -> Self {
        self.path_contains = Some(path_contains);
        self
    }
}

#[derive(Debug, Default)]
pub(crate) struct FaultPlan {
    rules: Vec<FaultRule>,
}

impl FaultPlan {
    pub(crate) fn arm(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    pub(crate) fn len(&self) -> usize {
        self.rules.len()
    }

    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }

    /// The fault this request meets, if any; counts the request against the first matching rule.
    pub(crate) fn next(&mut self, api: Api, path: &str) -> Option<Fault> {
        let index = self.rules.iter().position(|rule| {
            rule.api.is_none_or(|a| a == api) && rule.path_contains.is_none_or(|p| path.contains(p))
        })?;
        let rule = &mut self.rules[index];
        if rule.skip > 0 {
            rule.skip -= 1;
            return None;
        }
        let fault = rule.fault.clone();
        rule.times = rule.times.saturating_sub(1);
        if rule.times == 0 {
            self.rules.remove(index);
        }
        Some(fault)
    }
}
