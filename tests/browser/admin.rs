//! The merchant's insights page in Chromium: the sign-in form refuses a
//! wrong token and lets the right one in; the page draws its SVG charts
//! (health, timeline, demand against supply) styled by its same-origin
//! stylesheet under the Content-Security-Policy, in English and in
//! Portuguese, on a desktop and on a phone; signing out shows the form
//! again. Screenshots: `target/screenshots/admin-insights*.png`. Part of
//! `tests/browser.rs`.

use super::*;
use std::sync::Arc;
use vitrine::insights::{DemandLog, DemandLogConfig};
use vitrine::server::{AdminConfig, AppState};

const TOKEN: &str = "browser-admin-token-0123456789";

/// The insights fixture served with a demand log that scripted
/// conversations filled, and the admin page on.
fn admin_server() -> (TestServer, Arc<DemandLog>, tempfile::TempDir) {
    let index = common::index_of(include_str!("../fixtures/insights/catalog.csv"));
    let demand = tempfile::tempdir().unwrap();
    let log = Arc::new(DemandLog::open(&DemandLogConfig::new(demand.path(), "browser")).unwrap());
    let config = ServerConfig {
        admin: Some(AdminConfig {
            token: TOKEN.into(),
            logs: vec![demand.path().to_path_buf()],
        }),
        ..ServerConfig::default()
    };
    let engine = Arc::new(vitrine::Engine::open(index.path()).unwrap());
    let state = AppState::new(engine, config).with_demand_log(Arc::clone(&log));
    let server = TestServer::with_state(index, state, None);
    let client = reqwest::blocking::Client::new();
    let conversations: [&[&str]; 7] = [
        &["red sneakers for women under 1000"],
        &["tênis vermelho feminino até 1000"],
        &["black jeans for women", "the first one"],
        &["pumps for women", "sneakers for women"],
        &["jersey for men"],
        &["black sneakers for men", "only puma"],
        &["white t-shirts for men under 2000"],
    ];
    for messages in conversations {
        let mut session: Option<String> = None;
        for message in messages {
            let mut body = json!({ "message": message });
            if let Some(id) = &session {
                body["session_id"] = json!(id);
            }
            let answer: Value = client
                .post(format!("http://{}/api/chat", server.addr))
                .json(&body)
                .send()
                .unwrap()
                .json()
                .unwrap();
            session = answer["session_id"].as_str().map(str::to_string);
        }
    }
    log.flush();
    (server, log, demand)
}

#[test]
fn insights_page_in_headless_chromium() {
    if browser_tools().is_none() {
        return;
    }
    let (server, _log, _demand) = admin_server();
    in_browser(&server, "en-US,en", insights_page);
}

async fn sign_in(client: &Client, token: &str) {
    let input = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("input[name=token]"))
        .await
        .expect("the token field");
    input.send_keys(token).await.expect("type the token");
    client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .expect("the sign-in button")
        .click()
        .await
        .expect("sign in");
}

/// Checks the charts are drawn and styled; returns how many there are.
async fn charts_drawn(client: &Client) -> u64 {
    let drawn = client
        .execute(
            r#"
            const charts = document.querySelectorAll('svg.chart');
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
            const bars = cls => Array.from(document.querySelectorAll('rect.' + cls)).filter(visible).length;
            const fill = cls => { const r = document.querySelector('rect.' + cls); return r ? getComputedStyle(r).fill : ''; };
            return {
              charts: charts.length,
              visibleCharts: Array.from(charts).filter(visible).length,
              demand: bars('bar-demand'), supply: bars('bar-supply'),
              requests: bars('bar-requests'), unmet: bars('bar-unmet'),
              exact: bars('part-exact'), relaxed: bars('part-relaxed'),
              demandFill: fill('bar-demand'), supplyFill: fill('bar-supply'),
              inlineStyles: document.querySelectorAll('[style]').length,
              scripts: document.scripts.length,
              sideways: document.documentElement.scrollWidth > window.innerWidth + 1,
              wide: Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)),
            };
            "#,
            vec![],
        )
        .await
        .expect("inspect the charts");
    let n = |k: &str| drawn[k].as_u64().unwrap_or(0);
    // Each chart is drawn for a wide screen and a phone; one of each shows.
    assert!(n("visibleCharts") >= 4, "{drawn}");
    assert!(n("charts") > n("visibleCharts"), "{drawn}");
    for bars in ["demand", "supply", "requests", "unmet", "exact", "relaxed"] {
        assert!(n(bars) > 0, "no {bars} bars drawn: {drawn}");
    }
    // The stylesheet loaded under the CSP: the bars have its colours.
    assert_eq!(drawn["demandFill"], json!("rgb(217, 72, 15)"), "{drawn}");
    assert_eq!(drawn["supplyFill"], json!("rgb(28, 126, 214)"), "{drawn}");
    assert_eq!((n("inlineStyles"), n("scripts")), (0, 0), "{drawn}");
    assert_eq!(
        drawn["sideways"],
        json!(false),
        "the page scrolls sideways: {drawn}"
    );
    n("charts")
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(screenshot_dir().join(name), png).expect("save the screenshot");
}

async fn insights_page(client: &Client, server: &TestServer) {
    let page = format!("http://{}/admin/insights", server.addr);
    client.goto(&page).await.expect("open the page");
    let title = wait_for(
        client,
        "the sign-in form",
        "const h = document.querySelector('h1'); return h && h.textContent",
    )
    .await;
    assert_eq!(title, json!("Demand insights: sign in"));

    // A wrong token is refused on the form.
    sign_in(client, "not-the-right-token-at-all").await;
    let error = wait_for(
        client,
        "the wrong-token notice",
        "const e = document.querySelector('.error'); return e && e.textContent",
    )
    .await;
    assert_eq!(error, json!("That token is not right."));
    screenshot(client, "admin-insights-sign-in.png").await;

    // The right one opens the page, with its charts.
    sign_in(client, TOKEN).await;
    wait_for(
        client,
        "the charts",
        "return document.querySelectorAll('svg.chart').length >= 4",
    )
    .await;
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/admin/insights"
    );
    charts_drawn(client).await;
    let unmet = wait_for(
        client,
        "the unmet demand table",
        "return Array.from(document.querySelectorAll('#unmet td')).map(td => td.textContent).join(' | ')",
    )
    .await;
    let unmet = unmet.as_str().unwrap_or_default().to_string();
    assert!(
        unmet.contains("red sneakers for women under ₹1,000"),
        "{unmet}"
    );
    assert!(unmet.contains("1 above ₹1,000 (from ₹3,499)"), "{unmet}");
    let gaps = client
        .execute("return document.querySelector('#gaps').textContent", vec![])
        .await
        .unwrap();
    assert!(
        gaps.as_str()
            .unwrap_or_default()
            .contains("product type Sneakers (rephrased as this 1×)"),
        "{gaps}"
    );
    client
        .set_window_size(1280, 2400)
        .await
        .expect("tall window");
    tokio::time::sleep(Duration::from_millis(300)).await;
    screenshot(client, "admin-insights.png").await;

    // The period selector reloads the page for another period.
    client
        .execute(
            "document.querySelector('#since').value = 'all'; document.querySelector('form.period').submit();",
            vec![],
        )
        .await
        .expect("choose all");
    wait_for(
        client,
        "the page for every turn",
        "return location.search.includes('since=all') && document.querySelector('#since').value === 'all'",
    )
    .await;
    charts_drawn(client).await;

    // In Portuguese.
    client
        .goto(&format!("{page}?lang=pt"))
        .await
        .expect("open in Portuguese");
    let title = wait_for(
        client,
        "the Portuguese page",
        "const h = document.querySelector('h1'); return h && h.textContent",
    )
    .await;
    assert_eq!(title, json!("Insights de demanda"));
    charts_drawn(client).await;
    let unmet = client
        .execute(
            "return document.querySelector('#unmet').textContent",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        unmet
            .as_str()
            .unwrap_or_default()
            .contains("tênis vermelhos femininos até ₹1.000"),
        "{unmet}"
    );
    screenshot(client, "admin-insights-pt.png").await;

    // On a phone: nothing scrolls sideways.
    client.set_window_size(390, 844).await.expect("phone size");
    tokio::time::sleep(Duration::from_millis(300)).await;
    charts_drawn(client).await;
    screenshot(client, "admin-insights-phone.png").await;
    client
        .execute("document.querySelector('#supply').scrollIntoView()", vec![])
        .await
        .expect("scroll to the charts");
    tokio::time::sleep(Duration::from_millis(200)).await;
    screenshot(client, "admin-insights-phone-charts.png").await;

    // Signing out shows the form again.
    client
        .set_window_size(1280, 860)
        .await
        .expect("desktop size");
    client
        .find(Locator::Css("form.sign-out button"))
        .await
        .expect("the sign-out button")
        .click()
        .await
        .expect("sign out");
    wait_for(
        client,
        "the sign-in form again",
        "return !!document.querySelector('input[name=token]')",
    )
    .await;
}
