//! A server on another origin that writes down everything it is sent: what a hostile link or
//! redirect would harvest. Tests point an emulator's links and redirects at it and then check
//! that no credential arrived. It answers as a willing accomplice would — an empty Graph page
//! to a GET, a token to a POST — so a client that does follow gets no error to stop it.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;

/// One request the witness received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub method: String,
    pub path: String,
    /// The `Authorization` header, when one came.
    pub authorization: Option<String>,
    pub body: String,
}

type Log = Arc<Mutex<Vec<Seen>>>;

/// A running witness; stops when dropped.
#[derive(Debug)]
pub struct Witness {
    address: SocketAddr,
    seen: Log,
    stop: Option<oneshot::Sender<()>>,
}

impl Witness {
    /// Starts on a free loopback port. Must be called inside a tokio runtime.
    pub async fn start() -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let address = listener.local_addr()?;
        let seen = Log::default();
        let router = Router::new().fallback(record).with_state(Arc::clone(&seen));
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let serve = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(error) = serve.await {
                tracing::warn!(%error, "the witness stopped");
            }
        });
        Ok(Self {
            address,
            seen,
            stop: Some(stop),
        })
    }

    /// `http://127.0.0.1:<port>`: another origin than any emulator's.
    pub fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Everything received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Witness {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn record(
    State(seen): State<Log>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    seen.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(Seen {
            method: method.to_string(),
            path: uri.to_string(),
            authorization: headers
                .get(header::AUTHORIZATION)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
            body: String::from_utf8_lossy(&body).into_owned(),
        });
    let answer = if method == Method::POST {
        serde_json::json!({ "access_token": "harvested", "token": "harvested", "expires_in": 3600 })
    } else {
        serde_json::json!({ "value": [], "results": [], "Devices": [] })
    };
    axum::Json(answer).into_response()
}
