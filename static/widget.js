/*! Vitrine chat widget. Add to any page with
 *   <script src="https://YOUR-VITRINE/widget.js" data-vitrine-api="https://YOUR-VITRINE" defer></script>
 * Optional attributes: data-vitrine-open="true" (start open),
 * data-vitrine-title="...", data-vitrine-suggestions="first|second|third".
 *
 * Security: every catalog and bot string is rendered with textContent or DOM
 * APIs, never innerHTML; links and images only use http(s) (and data:image)
 * URLs. No build step, no dependencies. */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__vitrineWidget) { return; }
  window.__vitrineWidget = true;

  var scriptUrl = new URL(script.src, document.baseURI);
  var apiAttr = script.getAttribute('data-vitrine-api');
  var apiBase = (apiAttr ? new URL(apiAttr, scriptUrl) : scriptUrl).origin;
  var startOpen = script.getAttribute('data-vitrine-open') === 'true';
  var title = script.getAttribute('data-vitrine-title') || 'Shopping assistant';
  var starters = (script.getAttribute('data-vitrine-suggestions') ||
    'Black sneakers for men|Something under $50|Best rated first').split('|');
  var STORE_KEY = 'vitrine:' + apiBase;
  var MAX_HISTORY = 30;
  var MAX_CHARS = 2000;
  var LIMIT = 8;

  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = new URL('widget.css', scriptUrl).href;
  document.head.appendChild(css);

  // ---------- small DOM helpers (text only) ----------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  var SVG = 'http://www.w3.org/2000/svg';
  function icon(d, size) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size || 20));
    svg.setAttribute('height', String(size || 20));
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('fill', 'none');
    svg.setAttribute('stroke', 'currentColor');
    svg.setAttribute('stroke-width', '2');
    svg.setAttribute('stroke-linecap', 'round');
    svg.setAttribute('stroke-linejoin', 'round');
    var path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
    return svg;
  }
  var ICON_CHAT = 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z';
  var ICON_CLOSE = 'M6 6l12 12M18 6L6 18';
  var ICON_SEND = 'M4 12l16-8-6 16-2.5-6.5L4 12z';
  var ICON_RESET = 'M4 4v6h6M20 20v-6h-6M5.6 15a7 7 0 0 0 12.3 2M18.4 9A7 7 0 0 0 6.1 7';
  var ICON_BAG = 'M6 8h12l-1 12H7L6 8zm3 0V6a3 3 0 0 1 6 0v2';

  function safeUrl(value, allowDataImage) {
    if (typeof value !== 'string') { return null; }
    var v = value.trim();
    if (/^https?:\/\//i.test(v)) {
      try { return new URL(v).href; } catch (e) { return null; }
    }
    if (allowDataImage && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(v)) { return v; }
    return null;
  }

  var LOCALE_BY_CURRENCY = {
    USD: 'en-US', BRL: 'pt-BR', INR: 'en-IN', GBP: 'en-GB', EUR: 'de-DE',
    CAD: 'en-CA', AUD: 'en-AU', MXN: 'es-MX', JPY: 'ja-JP', CHF: 'de-CH'
  };
  function formatPrice(price, currency, language) {
    if (typeof price !== 'number' || !isFinite(price)) { return ''; }
    var code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : null;
    var locale = (code && LOCALE_BY_CURRENCY[code]) ||
      (language === 'pt' ? 'pt-BR' : (navigator.language || 'en-US'));
    try {
      if (code) {
        return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(price);
      }
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(price);
    } catch (e) {
      return price.toFixed(2) + (code ? ' ' + code : '');
    }
  }
  function str(v) { return typeof v === 'string' ? v : ''; }

  // ---------- state ----------
  var state = load();
  function load() {
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      var parsed = raw ? JSON.parse(raw) : null;
      if (parsed && typeof parsed === 'object') {
        return {
          sessionId: typeof parsed.sessionId === 'string' ? parsed.sessionId : null,
          history: Array.isArray(parsed.history) ? parsed.history.slice(-MAX_HISTORY) : [],
          open: parsed.open === true
        };
      }
    } catch (e) { /* storage unavailable or corrupt: start fresh */ }
    return { sessionId: null, history: [], open: false };
  }
  function save() {
    try {
      state.history = state.history.slice(-MAX_HISTORY);
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) { /* private mode or full: the conversation just won't survive a reload */ }
  }

  // ---------- layout ----------
  var root = el('div', 'vtr-root');
  var launcher = el('button', 'vtr-launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-label', 'Open ' + title);
  launcher.appendChild(icon(ICON_CHAT, 26));

  var panel = el('section', 'vtr-panel');
  panel.setAttribute('aria-label', title);
  var header = el('header', 'vtr-header');
  var avatar = el('div', 'vtr-avatar');
  avatar.appendChild(icon(ICON_BAG, 20));
  var heading = el('div', 'vtr-heading');
  heading.appendChild(el('div', 'vtr-title', title));
  var status = el('div', 'vtr-status');
  status.appendChild(el('span', 'vtr-dot'));
  status.appendChild(document.createTextNode('Online · replies instantly'));
  heading.appendChild(status);
  var resetBtn = el('button', 'vtr-icon-btn');
  resetBtn.type = 'button';
  resetBtn.title = 'New conversation';
  resetBtn.setAttribute('aria-label', 'Start a new conversation');
  resetBtn.appendChild(icon(ICON_RESET, 18));
  var closeBtn = el('button', 'vtr-icon-btn');
  closeBtn.type = 'button';
  closeBtn.title = 'Close';
  closeBtn.setAttribute('aria-label', 'Close ' + title);
  closeBtn.appendChild(icon(ICON_CLOSE, 18));
  header.appendChild(avatar);
  header.appendChild(heading);
  header.appendChild(resetBtn);
  header.appendChild(closeBtn);

  var log = el('div', 'vtr-messages');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-relevant', 'additions');
  log.tabIndex = 0;

  var chips = el('div', 'vtr-chips');
  chips.setAttribute('aria-label', 'Suggestions');

  var form = el('form', 'vtr-composer');
  var input = el('input', 'vtr-input');
  input.type = 'text';
  input.maxLength = MAX_CHARS;
  input.autocomplete = 'off';
  input.placeholder = 'Ask for a product…';
  input.setAttribute('aria-label', 'Message');
  var send = el('button', 'vtr-send');
  send.type = 'submit';
  send.setAttribute('aria-label', 'Send');
  send.appendChild(icon(ICON_SEND, 18));
  form.appendChild(input);
  form.appendChild(send);

  var footer = el('div', 'vtr-footer', 'Powered by Vitrine');

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(chips);
  panel.appendChild(form);
  panel.appendChild(footer);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---------- rendering ----------
  function scrollToNewest(node) {
    var prev = node.previousElementSibling;
    // Keep the shopper's own message in view above a long answer.
    var top = (prev && prev.classList.contains('vtr-msg-user') ? prev.offsetTop : node.offsetTop) - 12;
    var bottom = log.scrollHeight;
    // Show the start of a long answer (reply then cards), else the very end.
    log.scrollTop = bottom - top > log.clientHeight ? top : bottom;
  }

  function addMessage(who, text, extraClass) {
    var row = el('div', 'vtr-msg vtr-msg-' + who + (extraClass ? ' ' + extraClass : ''));
    row.appendChild(el('div', 'vtr-bubble', text));
    log.appendChild(row);
    return row;
  }

  function productCard(p, language) {
    var url = safeUrl(p.url, false);
    var card = el(url ? 'a' : 'div', 'vtr-card');
    if (url) {
      card.href = url;
      card.target = '_blank';
      card.rel = 'noopener noreferrer';
    }
    var media = el('div', 'vtr-card-media');
    var initial = el('span', 'vtr-card-initial', (str(p.brand) || str(p.title) || '?').trim().charAt(0).toUpperCase());
    media.appendChild(initial);
    var src = safeUrl(p.image_url, true);
    if (src) {
      var img = el('img', 'vtr-card-img');
      img.alt = '';
      img.loading = 'lazy';
      img.decoding = 'async';
      img.referrerPolicy = 'no-referrer';
      img.addEventListener('error', function () { img.remove(); });
      img.src = src;
      media.appendChild(img);
    }
    card.appendChild(media);
    var body = el('div', 'vtr-card-body');
    if (str(p.brand)) { body.appendChild(el('div', 'vtr-card-brand', p.brand)); }
    body.appendChild(el('div', 'vtr-card-title', str(p.title)));
    var meta = el('div', 'vtr-card-meta');
    var price = formatPrice(p.price, p.currency, language);
    if (price) { meta.appendChild(el('span', 'vtr-card-price', price)); }
    if (typeof p.rating === 'number' && isFinite(p.rating)) {
      var rating = el('span', 'vtr-card-rating', '★ ' + p.rating.toFixed(1));
      rating.setAttribute('aria-label', 'Rated ' + p.rating.toFixed(1));
      meta.appendChild(rating);
    }
    body.appendChild(meta);
    card.appendChild(body);
    return card;
  }

  function renderBot(answer) {
    var row = addMessage('bot', str(answer.reply) || '…');
    var products = Array.isArray(answer.products) ? answer.products : [];
    if (products.length) {
      var grid = el('div', 'vtr-cards');
      products.forEach(function (p) {
        if (p && typeof p === 'object') { grid.appendChild(productCard(p, answer.language)); }
      });
      row.appendChild(grid);
      if (typeof answer.total === 'number' && answer.total > products.length) {
        row.appendChild(el('div', 'vtr-count', 'Showing ' + products.length + ' of ' + answer.total));
      }
    }
    return row;
  }

  function renderChips(list) {
    chips.textContent = '';
    (Array.isArray(list) ? list : []).slice(0, 6).forEach(function (text) {
      if (typeof text !== 'string' || !text.trim()) { return; }
      var chip = el('button', 'vtr-chip', text);
      chip.type = 'button';
      chip.addEventListener('click', function () { submit(text); });
      chips.appendChild(chip);
    });
    chips.hidden = !chips.firstChild;
  }

  function renderEntry(entry) {
    if (entry.who === 'user') { return addMessage('user', entry.text); }
    if (entry.who === 'bot') { return renderBot(entry.answer || {}); }
    return addMessage('bot', entry.text, 'vtr-msg-note');
  }

  function welcome() {
    var back = state.history.length > 0;
    var text = back
      ? 'Welcome back! Pick up where you left off, or ask for something new.'
      : 'Hi! I can help you find the right product. Tell me what you are looking for, like “black sneakers for men under $80”.';
    return addMessage('bot', text, 'vtr-msg-welcome');
  }

  function renderAll() {
    log.textContent = '';
    state.history.forEach(renderEntry);
    var last = welcome();
    var lastBot = null;
    for (var i = state.history.length - 1; i >= 0; i--) {
      if (state.history[i].who === 'bot') { lastBot = state.history[i]; break; }
    }
    renderChips(lastBot && lastBot.answer && lastBot.answer.suggestions && lastBot.answer.suggestions.length
      ? lastBot.answer.suggestions : starters);
    log.scrollTop = log.scrollHeight;
    return last;
  }

  // ---------- talking to the API ----------
  var busy = false;
  var typing = null;
  function setBusy(on) {
    busy = on;
    send.disabled = on;
    panel.classList.toggle('vtr-busy', on);
    if (on) {
      typing = el('div', 'vtr-msg vtr-msg-bot vtr-typing');
      typing.setAttribute('aria-label', 'The assistant is typing');
      var dots = el('div', 'vtr-bubble');
      dots.appendChild(el('span', 'vtr-typing-dot'));
      dots.appendChild(el('span', 'vtr-typing-dot'));
      dots.appendChild(el('span', 'vtr-typing-dot'));
      typing.appendChild(dots);
      log.appendChild(typing);
      log.scrollTop = log.scrollHeight;
    } else if (typing) {
      typing.remove();
      typing = null;
    }
  }

  function errorText(status, body, retryAfter) {
    if (status === 429) {
      return 'You are sending messages very quickly. Please wait ' + (retryAfter || 'a few') + ' seconds and try again.';
    }
    if (status === 503 || status === 504) { return 'We are a little busy right now. Please try again in a moment.'; }
    if (status === 400 && body && body.error && body.error.code === 'message_too_long') {
      return 'That message is too long. Please keep it under ' + MAX_CHARS + ' characters.';
    }
    return 'Sorry, something went wrong. Please try again.';
  }

  function submit(text) {
    var message = String(text || '').trim();
    if (!message || busy) { return; }
    if (message.length > MAX_CHARS) { message = message.slice(0, MAX_CHARS); }
    input.value = '';
    state.history.push({ who: 'user', text: message });
    scrollToNewest(addMessage('user', message));
    save();
    chips.textContent = '';
    chips.hidden = true;
    setBusy(true);
    var payload = { message: message, limit: LIMIT };
    if (state.sessionId) { payload.session_id = state.sessionId; }
    fetch(apiBase + '/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify(payload)
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        return { ok: res.ok, status: res.status, body: body, retryAfter: res.headers.get('Retry-After') };
      });
    }).then(function (r) {
      setBusy(false);
      if (!r.ok || !r.body || typeof r.body !== 'object') {
        var note = errorText(r.status, r.body, r.retryAfter);
        state.history.push({ who: 'note', text: note });
        scrollToNewest(addMessage('bot', note, 'vtr-msg-note'));
        renderChips([message]);
        save();
        return;
      }
      var answer = r.body;
      if (typeof answer.session_id === 'string') { state.sessionId = answer.session_id; }
      var stored = {
        reply: str(answer.reply),
        language: str(answer.language),
        total: answer.total,
        suggestions: Array.isArray(answer.suggestions) ? answer.suggestions.slice(0, 6) : [],
        products: (Array.isArray(answer.products) ? answer.products : []).map(function (p) {
          return {
            id: p.id, title: p.title, brand: p.brand, price: p.price, currency: p.currency,
            rating: p.rating, url: p.url, image_url: p.image_url
          };
        })
      };
      state.history.push({ who: 'bot', answer: stored });
      save();
      scrollToNewest(renderBot(stored));
      renderChips(stored.suggestions);
    }).catch(function () {
      setBusy(false);
      var note = 'Cannot reach the shop assistant. Check your connection and try again.';
      scrollToNewest(addMessage('bot', note, 'vtr-msg-note'));
      renderChips([message]);
    });
  }

  // ---------- events ----------
  function setOpen(open) {
    state.open = open;
    root.classList.toggle('vtr-open', open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', (open ? 'Close ' : 'Open ') + title);
    save();
    if (open) { setTimeout(function () { input.focus({ preventScroll: true }); }, 50); }
  }
  launcher.addEventListener('click', function () { setOpen(!root.classList.contains('vtr-open')); });
  closeBtn.addEventListener('click', function () { setOpen(false); launcher.focus(); });
  resetBtn.addEventListener('click', function () {
    state.sessionId = null;
    state.history = [];
    save();
    renderAll();
    input.focus();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit(input.value);
  });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { setOpen(false); launcher.focus(); }
  });

  function mount() {
    document.body.appendChild(root);
    renderAll();
    setOpen(startOpen || state.open);
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
