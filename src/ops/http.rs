//! The `[http]` endpoint (axum, HTTP/1 only): `GET /healthz` (200, or 503 with a JSON
//! body naming what is unhealthy), `GET /readyz` (200 once the daemon has migrated and
//! logged in, 503 before and while stopping) and `GET /metrics` (OpenMetrics text, which
//! Prometheus scrapes natively).

use super::{health, Observer};
use crate::store::Store;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_util::sync::CancellationToken;

#[derive(Clone)]
struct App {
    obs: Observer,
    store: Store,
    outbox_max_age: i64,
}

/// The router, for `serve` and for tests.
pub fn router(obs: Observer, store: Store, outbox_max_age: i64) -> axum::Router {
    axum::Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(App {
            obs,
            store,
            outbox_max_age,
        })
}

/// Serve on `listener` until `cancel`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    obs: Observer,
    store: Store,
    outbox_max_age: i64,
    cancel: CancellationToken,
) {
    let app = router(obs, store, outbox_max_age);
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(async move { cancel.cancelled().await })
        .await
    {
        tracing::error!(error = %e, "HTTP endpoint stopped.");
    }
}

async fn healthz(State(a): State<App>) -> Response {
    let f = a
        .obs
        .facts(&a.store, crate::clock::now(), a.outbox_max_age)
        .await;
    a.obs.refresh_gauges(&f);
    let h = health::evaluate(&f);
    let code = if h.healthy() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = serde_json::to_string(&h).unwrap_or_else(|_| "{}".into());
    (code, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn readyz(State(a): State<App>) -> Response {
    if a.obs.is_ready() {
        (StatusCode::OK, "ready\n").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n").into_response()
    }
}

async fn metrics(State(a): State<App>) -> Response {
    let f = a
        .obs
        .facts(&a.store, crate::clock::now(), a.outbox_max_age)
        .await;
    a.obs.refresh_gauges(&f);
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        a.obs.metrics.encode(),
    )
        .into_response()
}
