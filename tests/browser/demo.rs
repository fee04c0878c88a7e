//! The demo store over the demo catalogs (`catalog/demo.csv`,
//! `catalog/demo-pt.csv`) in a browser that prefers English or Brazilian
//! Portuguese, on a desktop and on a phone; and a card with a sale price,
//! variants and an SVG picture, restored from the widget's saved history.
//! Part of `tests/browser.rs`.

use super::*;

/// The demo catalog `csv` imported into a fresh index and served.
fn demo_server(csv: &str) -> TestServer {
    let index = tempfile::tempdir().unwrap();
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join(csv);
    vitrine::index::import(&csv, index.path(), &Default::default())
        .expect("import the demo catalog");
    let config = ServerConfig {
        rate_limit_per_minute: None,
        ..ServerConfig::default()
    };
    TestServer::serve(index, config, None)
}

/// What one language's demo must show.
struct Expect {
    tag: &'static str,
    html_lang: &'static str,
    welcome: &'static str,
    placeholder: &'static str,
    send: &'static str,
    footer: &'static str,
    /// A broad first message (more than 8 products), then a colour.
    first: &'static str,
    colour: &'static str,
    colour_shown: &'static str,
    /// `Showing 8 of ` / `Mostrando 8 de `.
    showing: &'static str,
}

const ENGLISH: Expect = Expect {
    tag: "en",
    html_lang: "en",
    welcome: "Hi!",
    placeholder: "Ask for a product…",
    send: "Send",
    footer: "Powered by Vitrine",
    first: "sneakers",
    colour: "black",
    colour_shown: "Black",
    showing: "Showing 8 of ",
};

const PORTUGUESE: Expect = Expect {
    tag: "pt",
    html_lang: "pt-BR",
    welcome: "Olá!",
    placeholder: "Peça um produto…",
    send: "Enviar",
    footer: "Com tecnologia Vitrine",
    first: "tênis",
    colour: "preto",
    colour_shown: "Preto",
    showing: "Mostrando 8 de ",
};

#[test]
fn demo_store_in_english() {
    if browser_tools().is_none() {
        return;
    }
    in_browser(
        &demo_server("catalog/demo.csv"),
        "en-US,en",
        async |client, server| {
            demo_store(client, server, &ENGLISH).await;
            sale_price_variants_and_svg_picture(client).await;
        },
    );
}

#[test]
fn demo_store_in_portuguese() {
    if browser_tools().is_none() {
        return;
    }
    in_browser(
        &demo_server("catalog/demo-pt.csv"),
        "pt-BR,pt",
        async |client, server| demo_store(client, server, &PORTUGUESE).await,
    );
}

#[test]
fn the_widget_answers_in_the_shoppers_language_on_an_english_store() {
    if browser_tools().is_none() {
        return;
    }
    // A Portuguese browser on the English demo store: "Nike" says nothing
    // of the shopper's language, so the widget's (the page's) decides.
    in_browser(
        &demo_server("catalog/demo.csv"),
        "pt-BR,pt",
        async |client, server| {
            open_store(client, server).await;
            let lang = text_of(client, "return document.documentElement.lang").await;
            assert!(lang.starts_with("pt"), "{lang}");
            send_message(client, "Nike").await;
            wait_for_answers(client, 1).await;
            let reply = text_of(
                client,
                "const m = document.querySelectorAll('.vtr-msg-bot'); return m[m.length - 1].textContent",
            )
            .await;
            assert!(reply.contains("Encontrei"), "{reply}");
        },
    );
}

async fn text_of(client: &Client, script: &str) -> String {
    let value = client.execute(script, vec![]).await.expect(script);
    value.as_str().unwrap_or_default().replace('\u{a0}', " ")
}

/// What is clipped or sticks out, as readable problems (empty when none).
async fn clipping(client: &Client) -> Vec<String> {
    let problems = client
        .execute(
            r#"
            const out = [];
            const page = document.documentElement;
            if (page.scrollWidth > window.innerWidth + 1) {
              out.push('the page scrolls sideways: ' + page.scrollWidth + ' > ' + window.innerWidth);
            }
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
            const name = e => e.className + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
            for (const e of document.querySelectorAll('.store-code, .store-hero h1, .store-lead, .store-bar > *')) {
              if (visible(e) && e.scrollWidth > e.clientWidth + 1) { out.push('clipped: ' + name(e)); }
            }
            const panel = document.querySelector('.vtr-open .vtr-panel');
            if (panel) {
              const box = panel.getBoundingClientRect();
              for (const e of panel.querySelectorAll('*')) {
                if (!visible(e) || e.closest('.vtr-chips')) { continue; }
                const r = e.getBoundingClientRect();
                if (r.left < box.left - 1 || r.right > box.right + 1) { out.push('sticks out of the panel: ' + name(e)); }
              }
              for (const e of panel.querySelectorAll('.vtr-title, .vtr-status, .vtr-card-color-name, .vtr-card-price, .vtr-card-list-price, .vtr-card-rating, .vtr-count, .vtr-chip, .vtr-input')) {
                if (visible(e) && e.scrollWidth > e.clientWidth + 1) { out.push('text cut: ' + name(e)); }
              }
            }
            return out;
            "#,
            vec![],
        )
        .await
        .expect("clipping check");
    serde_json::from_value(problems).unwrap()
}

/// The chip row says when it scrolls: faded edge and arrow exactly when
/// there are more chips to the right. Returns whether it overflows.
async fn chip_hint(client: &Client) -> bool {
    let state = client
        .execute(
            "const row = document.querySelector('.vtr-chip-row'), chips = row.querySelector('.vtr-chips');
             return [chips.scrollWidth > chips.clientWidth + 2, row.classList.contains('vtr-more-right'),
                     getComputedStyle(row.querySelector('.vtr-chips-next')).display !== 'none'];",
            vec![],
        )
        .await
        .unwrap();
    let [overflows, hinted, arrow]: [bool; 3] = serde_json::from_value(state).unwrap();
    assert_eq!(hinted, overflows, "fade hint vs overflow");
    assert_eq!(arrow, overflows, "arrow vs overflow");
    overflows
}

async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(screenshot_dir().join(name), png).expect("save the screenshot");
}

/// Opens the store page and waits for its widget.
async fn open_store(client: &Client, server: &TestServer) {
    client
        .goto(&format!("http://{}/", server.addr))
        .await
        .expect("open the page");
    wait_for(
        client,
        "the widget",
        "return !!document.querySelector('.vtr-open .vtr-input')",
    )
    .await;
}

async fn demo_store(client: &Client, server: &TestServer, expect: &Expect) {
    open_store(client, server).await;
    // Before any answer the widget speaks the page's language, which follows the browser's.
    assert_eq!(
        text_of(client, "return document.documentElement.lang").await,
        expect.html_lang
    );
    let welcome = text_of(
        client,
        "return document.querySelector('.vtr-msg-welcome').textContent",
    )
    .await;
    assert!(welcome.starts_with(expect.welcome), "{welcome}");
    assert_eq!(
        text_of(
            client,
            "return document.querySelector('.vtr-input').placeholder"
        )
        .await,
        expect.placeholder
    );

    send_message(client, expect.first).await;
    wait_for_answers(client, 1).await;
    let count = text_of(client, "const c = document.querySelectorAll('.vtr-count'); return c.length ? c[c.length - 1].textContent : ''").await;
    assert!(count.starts_with(expect.showing), "count line: {count:?}");
    send_message(client, expect.colour).await;
    wait_for_answers(client, 2).await;

    // Pictures: every card of the last answer shows its demo picture, loaded.
    let last_cards =
        "Array.from(document.querySelectorAll('.vtr-msg-bot')).pop().querySelectorAll('.vtr-card')";
    wait_for(
        client,
        "the product pictures",
        &format!(
            "const cards = {last_cards}; return cards.length > 1 && Array.from(cards).every(c => {{
               const i = c.querySelector('.vtr-card-img');
               return i && i.complete && i.naturalWidth > 0 && new URL(i.src).pathname.startsWith('/demo/images/'); }})"
        ),
    )
    .await;
    // Colours: each card's first swatch is the colour asked for (the
    // model's variant in that colour), the model's other colours after it.
    let colours = client
        .execute(
            &format!(
                "return Array.from({last_cards}).map(c => [
                   c.querySelector('.vtr-swatch').title,
                   getComputedStyle(c.querySelector('.vtr-swatch')).backgroundColor,
                   c.querySelectorAll('.vtr-swatch').length])"
            ),
            vec![],
        )
        .await
        .unwrap();
    let colours: Vec<(String, String, usize)> = serde_json::from_value(colours).unwrap();
    assert!(colours.len() > 1);
    for (name, swatch, _) in &colours {
        assert_eq!(name, expect.colour_shown, "{colours:?}");
        assert_eq!(swatch, "rgb(31, 31, 34)", "{colours:?}");
    }
    assert!(
        colours.iter().any(|(_, _, n)| *n > 1),
        "some model comes in other colours too: {colours:?}"
    );
    // Every fixed string follows the conversation's language.
    assert_eq!(
        text_of(
            client,
            "return document.querySelector('.vtr-input').placeholder"
        )
        .await,
        expect.placeholder
    );
    assert_eq!(
        text_of(
            client,
            "return document.querySelector('.vtr-send').getAttribute('aria-label')"
        )
        .await,
        expect.send
    );
    assert_eq!(
        text_of(
            client,
            "return document.querySelector('.vtr-footer').textContent"
        )
        .await,
        expect.footer
    );
    assert_eq!(
        text_of(
            client,
            "return document.querySelector('.vtr-root').dataset.lang"
        )
        .await,
        expect.tag
    );
    chip_hint(client).await;
    assert_eq!(clipping(client).await, Vec::<String>::new(), "desktop");
    assert_no_dialog(client).await;
    save_screenshot(client, &format!("demo-{}-desktop.png", expect.tag)).await;

    // Phone: the panel fills the screen; scrolled to the cards, two rows of two show whole.
    client.set_window_size(390, 844).await.expect("phone size");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let visible_cards = client
        .execute(
            "const log = document.querySelector('.vtr-messages');
             log.style.scrollBehavior = 'auto';
             const grid = Array.from(document.querySelectorAll('.vtr-cards')).pop();
             log.scrollTop = grid.offsetTop - 4;
             const box = log.getBoundingClientRect();
             return Array.from(grid.querySelectorAll('.vtr-card')).filter(c => {
               const r = c.getBoundingClientRect(); return r.top >= box.top - 1 && r.bottom <= box.bottom + 1; }).length;",
            vec![],
        )
        .await
        .unwrap();
    save_screenshot(client, &format!("demo-{}-phone.png", expect.tag)).await;
    assert!(
        visible_cards.as_u64().unwrap_or(0) >= 4,
        "{visible_cards} whole cards on a phone screen"
    );
    let panel_width = client
        .execute(
            "return document.querySelector('.vtr-panel').getBoundingClientRect().width === window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(panel_width, json!(true), "the panel fills a phone's width");
    chip_hint(client).await;
    assert_eq!(clipping(client).await, Vec::<String>::new(), "phone");

    // A new conversation on a phone: the welcome and the starter chips,
    // which overflow the row and say so; scrolled, the row hints leftwards.
    client
        .find(Locator::Css(".vtr-reset"))
        .await
        .expect("new conversation button")
        .click()
        .await
        .expect("start over");
    let welcome = text_of(
        client,
        "return document.querySelector('.vtr-msg-welcome').textContent",
    )
    .await;
    assert!(welcome.starts_with(expect.welcome), "{welcome}");
    assert!(
        chip_hint(client).await,
        "the starter chips overflow a phone's width"
    );
    assert_eq!(
        clipping(client).await,
        Vec::<String>::new(),
        "phone welcome"
    );
    save_screenshot(client, &format!("demo-{}-phone-welcome.png", expect.tag)).await;
    client
        .execute(
            "const c = document.querySelector('.vtr-chips'); c.style.scrollBehavior = 'auto'; c.scrollLeft = c.scrollWidth;",
            vec![],
        )
        .await
        .unwrap();
    wait_for(
        client,
        "the left fade",
        "return document.querySelector('.vtr-chip-row').classList.contains('vtr-more-left')",
    )
    .await;

    // The page behind the widget on a phone: nothing cut, the snippet wraps.
    client
        .find(Locator::Css(".vtr-close"))
        .await
        .expect("close button")
        .click()
        .await
        .expect("close the widget");
    client
        .execute(
            "document.querySelector('.store-code').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(clipping(client).await, Vec::<String>::new(), "phone page");
    save_screenshot(client, &format!("demo-{}-phone-page.png", expect.tag)).await;
    client
        .set_window_size(1280, 860)
        .await
        .expect("desktop size");
}

/// A card with a sale price, colour and size variants and an SVG picture,
/// as the API returns them, restored from the saved history of a
/// Portuguese conversation: the widget speaks Portuguese on an English page.
async fn sale_price_variants_and_svg_picture(client: &Client) {
    client
        .execute(
            r#"
            const svg = "data:image/svg+xml," + encodeURIComponent(
              "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'><rect width='4' height='3' fill='#2f6fd0'/></svg>");
            const product = {
              id: 'X1', title: 'Tênis Olympikus Corre 3 Masculino', brand: 'Olympikus',
              price: 319.99, list_price: 399.99, currency: 'BRL', color: 'Preto', size: '40', rating: 4.5,
              url: 'https://shop.example/p/X1', image_url: svg,
              variants: [{id: 'X0', color: 'Preto', size: '39', price: 319.99},
                         {id: 'X2', color: 'Azul Marinho', size: '41', price: 329.99},
                         {id: 'X3', color: 'Branco', size: '42', price: 319.99}]};
            localStorage.setItem('vitrine:' + location.origin, JSON.stringify({
              sessionId: null, open: true, lang: 'pt',
              history: [{who: 'user', text: 'tênis'},
                        {who: 'bot', answer: {reply: 'Achei 1 tênis.', language: 'pt', total: 1,
                                              suggestions: ['Preto', 'Azul Marinho'], products: [product]}}]}));
            "#,
            vec![],
        )
        .await
        .unwrap();
    client.refresh().await.expect("reload");
    wait_for(
        client,
        "the restored card",
        "return document.querySelectorAll('.vtr-card').length === 1",
    )
    .await;
    let welcome = text_of(
        client,
        "return document.querySelector('.vtr-msg-welcome').textContent",
    )
    .await;
    assert!(welcome.starts_with("Que bom ver você de novo"), "{welcome}");
    let card = client
        .execute(
            "const c = document.querySelector('.vtr-card');
             return {
               price: c.querySelector('.vtr-card-price').textContent,
               sale: c.querySelector('.vtr-card-price').classList.contains('vtr-card-sale'),
               was: c.querySelector('s.vtr-card-list-price').textContent,
               wasLabel: c.querySelector('s.vtr-card-list-price').getAttribute('aria-label'),
               badge: c.querySelector('.vtr-card-badge').textContent,
               swatches: Array.from(c.querySelectorAll('.vtr-swatch')).map(s => s.title),
               colours: c.querySelector('.vtr-card-colors').getAttribute('aria-label'),
               sizes: c.querySelector('.vtr-card-sizes').textContent,
               rating: c.querySelector('.vtr-card-rating').textContent };",
            vec![],
        )
        .await
        .unwrap();
    let text = |key: &str| {
        card[key]
            .as_str()
            .unwrap_or_default()
            .replace('\u{a0}', " ")
    };
    assert_eq!(text("price"), "R$ 319,99");
    assert_eq!(card["sale"], json!(true));
    assert_eq!(text("was"), "R$ 399,99");
    assert_eq!(text("wasLabel"), "De R$ 399,99");
    assert_eq!(text("badge"), "−20%");
    assert_eq!(card["swatches"], json!(["Preto", "Azul Marinho", "Branco"]));
    assert_eq!(text("colours"), "Cores: Preto, Azul Marinho, Branco");
    assert_eq!(text("sizes"), "Tamanhos 39 · 40 · 41 · 42");
    assert_eq!(text("rating"), "★ 4,5");
    wait_for(
        client,
        "the SVG picture",
        "const i = document.querySelector('.vtr-card-img'); return i && i.complete && i.naturalWidth > 0",
    )
    .await;
    assert_eq!(clipping(client).await, Vec::<String>::new(), "sale card");
    assert_no_dialog(client).await;
    save_screenshot(client, "widget-sale-variants.png").await;
}
