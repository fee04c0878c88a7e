/*! Vitrine chat widget. Add to any page with
 *   <script src="https://YOUR-VITRINE/widget.js" data-vitrine-api="https://YOUR-VITRINE" defer></script>
 * Optional attributes: data-vitrine-open="true" (start open),
 * data-vitrine-title="...", data-vitrine-suggestions="first|second|third",
 * data-vitrine-lang="en|pt" (the language before the first answer; else the
 * page's lang, then the browser's). Every string follows the language of the
 * conversation as the API returns it.
 *
 * Security: every catalog and bot string is rendered with textContent or DOM
 * APIs, never innerHTML; links only use http(s) URLs; images are only <img>
 * elements (where SVG runs no script) from http(s), the Vitrine server itself
 * (relative paths) or data:image URLs of raster or SVG types. No build step,
 * no dependencies. */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__vitrineWidget) { return; }
  window.__vitrineWidget = true;

  var scriptUrl = new URL(script.src, document.baseURI);
  var apiAttr = script.getAttribute('data-vitrine-api');
  var apiBase = (apiAttr ? new URL(apiAttr, scriptUrl) : scriptUrl).origin;
  var startOpen = script.getAttribute('data-vitrine-open') === 'true';
  var customTitle = script.getAttribute('data-vitrine-title');
  var customStarters = script.getAttribute('data-vitrine-suggestions');
  var STORE_KEY = 'vitrine:' + apiBase;
  var MAX_HISTORY = 30;
  var MAX_CHARS = 2000;
  var MAX_DATA_URL = 100000;
  var LIMIT = 8;

  // ---------- words, one table per language ----------
  var WORDS = {
    en: {
      locale: 'en-US',
      title: 'Shopping assistant',
      open: 'Open {title}', close: 'Close {title}', closeShort: 'Close',
      status: 'Online · replies instantly',
      reset: 'New conversation', resetLabel: 'Start a new conversation',
      suggestions: 'Suggestions', moreSuggestions: 'More suggestions',
      placeholder: 'Ask for a product…', message: 'Message', send: 'Send',
      footer: 'Powered by Vitrine',
      welcome: 'Hi! I can help you find the right product. Tell me what you are looking for, like “black sneakers for men under $80”.',
      welcomeBack: 'Welcome back! Pick up where you left off, or ask for something new.',
      starters: 'Black sneakers for men|Something under $50|Best rated first',
      showing: 'Showing {shown} of {total}',
      rated: 'Rated {rating} out of 5', was: 'Was {price}', off: '{percent}% off',
      colour: 'Colour', colours: 'Colours', size: 'Size', sizes: 'Sizes', more: '+{count} more',
      typing: 'The assistant is typing',
      tooFast: 'You are sending messages very quickly. Please wait {seconds} seconds and try again.',
      aFew: 'a few',
      busy: 'We are a little busy right now. Please try again in a moment.',
      tooLong: 'That message is too long. Please keep it under {max} characters.',
      failed: 'Sorry, something went wrong. Please try again.',
      offline: 'Cannot reach the shop assistant. Check your connection and try again.'
    },
    pt: {
      locale: 'pt-BR',
      title: 'Assistente de compras',
      open: 'Abrir {title}', close: 'Fechar {title}', closeShort: 'Fechar',
      status: 'Online · responde na hora',
      reset: 'Nova conversa', resetLabel: 'Começar uma nova conversa',
      suggestions: 'Sugestões', moreSuggestions: 'Mais sugestões',
      placeholder: 'Peça um produto…', message: 'Mensagem', send: 'Enviar',
      footer: 'Com tecnologia Vitrine',
      welcome: 'Olá! Posso ajudar você a encontrar o produto certo. Diga o que procura, por exemplo “tênis preto masculino até R$ 300”.',
      welcomeBack: 'Que bom ver você de novo! Continue de onde parou ou peça algo novo.',
      starters: 'Tênis preto masculino|Algo até R$ 100|Melhores avaliados',
      showing: 'Mostrando {shown} de {total}',
      rated: 'Nota {rating} de 5', was: 'De {price}', off: '{percent}% de desconto',
      colour: 'Cor', colours: 'Cores', size: 'Tamanho', sizes: 'Tamanhos', more: '+{count}',
      typing: 'O assistente está digitando',
      tooFast: 'Você está enviando mensagens muito rápido. Espere {seconds} segundos e tente de novo.',
      aFew: 'alguns',
      busy: 'Estamos com muito movimento agora. Tente de novo em instantes.',
      tooLong: 'Essa mensagem é longa demais. Use menos de {max} caracteres.',
      failed: 'Desculpe, algo deu errado. Tente de novo.',
      offline: 'Não foi possível falar com o assistente da loja. Verifique sua conexão e tente de novo.'
    }
  };
  function langOf(tag) {
    var code = String(tag || '').trim().toLowerCase().split(/[-_]/)[0];
    return WORDS.hasOwnProperty(code) ? code : null;
  }
  function browserLang() {
    var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < list.length; i++) { if (langOf(list[i])) { return langOf(list[i]); } }
    return null;
  }
  // Before the first answer: the widget's attribute, the page's lang, the browser's.
  var initialLang = langOf(script.getAttribute('data-vitrine-lang')) ||
    langOf(document.documentElement.getAttribute('lang')) || browserLang() || 'en';
  var lang = initialLang;
  function t(key, values) {
    var text = (WORDS[lang] || WORDS.en)[key];
    return String(text).replace(/\{(\w+)\}/g, function (m, name) {
      return values && values[name] !== undefined ? String(values[name]) : m;
    });
  }
  function title() { return customTitle || t('title'); }
  function number(n) {
    try { return new Intl.NumberFormat(t('locale')).format(n); } catch (e) { return String(n); }
  }

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
  var ICON_NEXT = 'M9 6l6 6-6 6';

  /** A link: absolute http(s) only. */
  function safeLink(value) {
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) { return null; }
    try { return new URL(value.trim()).href; } catch (e) { return null; }
  }
  /** An image source: http(s), a path on the Vitrine server, or a raster/SVG data URL. */
  function safeImage(value) {
    if (typeof value !== 'string') { return null; }
    var v = value.trim();
    if (!v) { return null; }
    if (/^data:/i.test(v)) {
      var ok = v.length <= MAX_DATA_URL &&
        /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)(;[a-z0-9=.+-]+)*(;base64)?,/i.test(v);
      return ok ? v : null;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^https?:/i.test(v)) { return null; }
    try {
      var url = new URL(v, apiBase + '/');
      return /^https?:$/.test(url.protocol) ? url.href : null;
    } catch (e) { return null; }
  }

  // Colour names (English and Portuguese) -> swatch colours; longer names first.
  var SWATCHES = [
    ['navy blue', '#1f2a4d'], ['azul marinho', '#1f2a4d'], ['off white', '#f3efe6'], ['off-white', '#f3efe6'],
    ['rose gold', '#d8a48f'], ['sky blue', '#8ec5f0'], ['azul claro', '#8ec5f0'], ['dark green', '#1f5132'],
    ['verde militar', '#4b5320'], ['navy', '#1f2a4d'], ['marinho', '#1f2a4d'], ['black', '#1f1f22'],
    ['preto', '#1f1f22'], ['preta', '#1f1f22'], ['white', '#f7f7f5'], ['branco', '#f7f7f5'],
    ['branca', '#f7f7f5'], ['grey', '#8c8c8c'], ['gray', '#8c8c8c'], ['cinza', '#8c8c8c'],
    ['charcoal', '#3d3f44'], ['grafite', '#3d3f44'], ['blue', '#2f6fd0'], ['azul', '#2f6fd0'],
    ['teal', '#1f7a7a'], ['turquoise', '#2ec4c4'], ['turquesa', '#2ec4c4'], ['red', '#c8282d'],
    ['vermelho', '#c8282d'], ['vermelha', '#c8282d'], ['burgundy', '#7a1f33'], ['maroon', '#7a1f33'],
    ['vinho', '#7a1f33'], ['bordô', '#7a1f33'], ['green', '#2e7d4f'], ['verde', '#2e7d4f'],
    ['olive', '#6b6b2a'], ['oliva', '#6b6b2a'], ['khaki', '#b9a77a'], ['cáqui', '#b9a77a'],
    ['beige', '#d9c7a3'], ['bege', '#d9c7a3'], ['nude', '#e3c4a8'], ['cream', '#f1e8d2'],
    ['creme', '#f1e8d2'], ['brown', '#7a4b2a'], ['marrom', '#7a4b2a'], ['caramelo', '#b06a2c'],
    ['tan', '#c49a6c'], ['pink', '#e79bb8'], ['rosa', '#e79bb8'], ['yellow', '#f1c21b'],
    ['amarelo', '#f1c21b'], ['amarela', '#f1c21b'], ['mustard', '#d1a227'], ['mostarda', '#d1a227'],
    ['purple', '#7b4fa6'], ['roxo', '#7b4fa6'], ['roxa', '#7b4fa6'], ['lilac', '#b9a2d8'],
    ['lilás', '#b9a2d8'], ['violet', '#7f3fbf'], ['orange', '#ee7a1c'], ['laranja', '#ee7a1c'],
    ['coral', '#f27b6b'], ['silver', '#c0c4c8'], ['prata', '#c0c4c8'], ['prateado', '#c0c4c8'],
    ['gold', '#d4af37'], ['dourado', '#d4af37'], ['golden', '#d4af37']
  ];
  /** The swatch colour of a colour name (the first known colour word in it), or null. */
  function swatchOf(name) {
    var text = ' ' + String(name || '').toLowerCase().replace(/[^a-zà-ÿ-]+/g, ' ') + ' ';
    var best = null;
    var bestAt = Infinity;
    for (var i = 0; i < SWATCHES.length; i++) {
      var at = text.indexOf(' ' + SWATCHES[i][0] + ' ');
      if (at >= 0 && at < bestAt) { best = SWATCHES[i][1]; bestAt = at; }
    }
    return best;
  }

  var LOCALE_BY_CURRENCY = {
    USD: 'en-US', BRL: 'pt-BR', INR: 'en-IN', GBP: 'en-GB', EUR: 'de-DE',
    CAD: 'en-CA', AUD: 'en-AU', MXN: 'es-MX', JPY: 'ja-JP', CHF: 'de-CH'
  };
  function formatPrice(price, currency) {
    if (typeof price !== 'number' || !isFinite(price)) { return ''; }
    var code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : null;
    var locale = (code && LOCALE_BY_CURRENCY[code]) || t('locale');
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
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }

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
          open: parsed.open === true,
          lang: langOf(parsed.lang)
        };
      }
    } catch (e) { /* storage unavailable or corrupt: start fresh */ }
    return { sessionId: null, history: [], open: false, lang: null };
  }
  function save() {
    try {
      state.history = state.history.slice(-MAX_HISTORY);
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) { /* private mode or full: the conversation just won't survive a reload */ }
  }
  if (state.lang) { lang = state.lang; }

  // ---------- layout ----------
  var root = el('div', 'vtr-root');
  var launcher = el('button', 'vtr-launcher');
  launcher.type = 'button';
  launcher.appendChild(icon(ICON_CHAT, 26));

  var panel = el('section', 'vtr-panel');
  var header = el('header', 'vtr-header');
  var avatar = el('div', 'vtr-avatar');
  avatar.appendChild(icon(ICON_BAG, 20));
  var heading = el('div', 'vtr-heading');
  var titleEl = el('div', 'vtr-title');
  heading.appendChild(titleEl);
  var status = el('div', 'vtr-status');
  status.appendChild(el('span', 'vtr-dot'));
  var statusText = el('span', 'vtr-status-text');
  status.appendChild(statusText);
  heading.appendChild(status);
  var resetBtn = el('button', 'vtr-icon-btn vtr-reset');
  resetBtn.type = 'button';
  resetBtn.appendChild(icon(ICON_RESET, 18));
  var closeBtn = el('button', 'vtr-icon-btn vtr-close');
  closeBtn.type = 'button';
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

  // The chip row scrolls sideways: faded edges and a "more" arrow say so.
  var chipRow = el('div', 'vtr-chip-row');
  var chips = el('div', 'vtr-chips');
  var chipsNext = el('button', 'vtr-chips-next');
  chipsNext.type = 'button';
  chipsNext.tabIndex = -1;
  chipsNext.appendChild(icon(ICON_NEXT, 16));
  chipRow.appendChild(chips);
  chipRow.appendChild(chipsNext);

  var form = el('form', 'vtr-composer');
  var input = el('input', 'vtr-input');
  input.type = 'text';
  input.maxLength = MAX_CHARS;
  input.autocomplete = 'off';
  var send = el('button', 'vtr-send');
  send.type = 'submit';
  send.appendChild(icon(ICON_SEND, 18));
  form.appendChild(input);
  form.appendChild(send);

  var footer = el('div', 'vtr-footer');

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(chipRow);
  panel.appendChild(form);
  panel.appendChild(footer);
  root.appendChild(panel);
  root.appendChild(launcher);

  /** Puts every fixed string of the widget in the current language. */
  function applyWords() {
    root.setAttribute('lang', t('locale'));
    root.setAttribute('data-lang', lang);
    var open = root.classList.contains('vtr-open');
    launcher.setAttribute('aria-label', t(open ? 'close' : 'open', { title: title() }));
    panel.setAttribute('aria-label', title());
    titleEl.textContent = title();
    statusText.textContent = t('status');
    resetBtn.title = t('reset');
    resetBtn.setAttribute('aria-label', t('resetLabel'));
    closeBtn.title = t('closeShort');
    closeBtn.setAttribute('aria-label', t('close', { title: title() }));
    chips.setAttribute('aria-label', t('suggestions'));
    chipsNext.setAttribute('aria-label', t('moreSuggestions'));
    input.placeholder = t('placeholder');
    input.setAttribute('aria-label', t('message'));
    send.setAttribute('aria-label', t('send'));
    footer.textContent = t('footer');
    var welcomeBubble = log.querySelector('.vtr-msg-welcome .vtr-bubble');
    if (welcomeBubble) { welcomeBubble.textContent = welcomeText(); }
  }
  function setLang(next) {
    var code = langOf(next);
    if (!code || code === lang) { return; }
    lang = code;
    state.lang = code;
    applyWords();
    loadOpening(code);
  }
  // What this catalog's chat opens with (GET /api/welcome), per language:
  // a greeting with a request it answers, and its main product types. The
  // built-in words stand in until it arrives, or if it never does.
  var opening = {};
  function starters() {
    if (customStarters) { return customStarters.split('|'); }
    var o = opening[lang];
    return o && o.suggestions && o.suggestions.length ? o.suggestions : t('starters').split('|');
  }
  function loadOpening(code) {
    if (opening[code] || !window.fetch) { return; }
    opening[code] = { pending: true };
    fetch(apiBase + '/api/welcome?lang=' + encodeURIComponent(code))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (w) {
        if (!w || typeof w.reply !== 'string') { delete opening[code]; return; }
        opening[code] = { reply: w.reply, suggestions: Array.isArray(w.suggestions) ? w.suggestions : [] };
        if (code !== lang || state.history.length > 0) { return; }
        var bubble = log.querySelector('.vtr-msg-welcome .vtr-bubble');
        if (bubble) { bubble.textContent = welcomeText(); }
        renderChips(starters());
      })
      .catch(function () { delete opening[code]; });
  }

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

  /** Distinct non-empty strings of `key` in `variants`, in order. */
  function distinct(variants, key, first) {
    var seen = {};
    var out = [];
    [{ v: first }].concat(variants.map(function (v) { return { v: v && v[key] }; })).forEach(function (item) {
      var value = str(item.v).trim();
      if (value && !seen[value.toLowerCase()]) { seen[value.toLowerCase()] = true; out.push(value); }
    });
    return out;
  }

  function colourLine(colours) {
    var line = el('div', 'vtr-card-colors');
    var label = colours.length > 1 ? t('colours') : t('colour');
    line.setAttribute('aria-label', label + ': ' + colours.join(', '));
    colours.slice(0, 5).forEach(function (name) {
      var dot = el('span', 'vtr-swatch');
      var swatch = swatchOf(name);
      if (swatch) { dot.style.backgroundColor = swatch; } else { dot.classList.add('vtr-swatch-unknown'); }
      dot.title = name;
      line.appendChild(dot);
    });
    var text = colours.length === 1 ? colours[0]
      : colours.length > 5 ? t('more', { count: colours.length - 5 }) : '';
    if (text) { line.appendChild(el('span', 'vtr-card-color-name', text)); }
    return line;
  }

  function productCard(p) {
    var url = safeLink(p.url);
    var card = el(url ? 'a' : 'div', 'vtr-card');
    if (url) {
      card.href = url;
      card.target = '_blank';
      card.rel = 'noopener noreferrer';
    }
    var media = el('div', 'vtr-card-media');
    var initial = el('span', 'vtr-card-initial', (str(p.brand) || str(p.title) || '?').trim().charAt(0).toUpperCase());
    media.appendChild(initial);
    var src = safeImage(p.image_url);
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
    var price = num(p.price);
    var listPrice = num(p.list_price);
    var onSale = price !== null && listPrice !== null && listPrice > price;
    if (onSale) {
      var percent = Math.round((1 - price / listPrice) * 100);
      if (percent >= 1) {
        var badge = el('span', 'vtr-card-badge', '−' + percent + '%');
        badge.setAttribute('aria-label', t('off', { percent: percent }));
        media.appendChild(badge);
      }
    }
    card.appendChild(media);
    var body = el('div', 'vtr-card-body');
    if (str(p.brand)) { body.appendChild(el('div', 'vtr-card-brand', p.brand)); }
    var titleText = str(p.title);
    var name = el('div', 'vtr-card-title', titleText);
    name.title = titleText;
    body.appendChild(name);
    var variants = Array.isArray(p.variants) ? p.variants.filter(function (v) { return v && typeof v === 'object'; }) : [];
    var colours = distinct(variants, 'color', p.color);
    // `variants` are the model's other rows: its own size joins theirs,
    // numbers in order when every size is one.
    var sizes = distinct(variants, 'size', p.size);
    if (sizes.every(function (s) { return /^\d+([.,]\d+)?$/.test(s); })) {
      sizes.sort(function (a, b) { return parseFloat(a.replace(',', '.')) - parseFloat(b.replace(',', '.')); });
    }
    var sizeText = sizes.slice(0, 6).join(' · ') + (sizes.length > 6 ? ' ' + t('more', { count: sizes.length - 6 }) : '');
    var sizeLabel = (sizes.length > 1 ? t('sizes') : t('size')) + ' ';
    // One compact line when it fits a card: one colour and one size, or a
    // few swatches and a short size list (a model's variants).
    var oneLine = (colours.length <= 1 && sizes.length <= 1) ||
      (colours.length <= 3 && (sizeLabel + sizeText).length <= 16);
    if (oneLine) {
      if (colours.length || sizes.length) {
        var facts = colours.length ? colourLine(colours) : el('div', 'vtr-card-colors');
        if (sizes.length) {
          var size = el('span', 'vtr-card-size');
          if (colours.length) { size.appendChild(el('span', 'vtr-card-sep', '·')); }
          size.appendChild(el('span', 'vtr-card-label', sizeLabel));
          size.appendChild(document.createTextNode(sizeText));
          facts.appendChild(size);
        }
        body.appendChild(facts);
      }
    } else {
      if (colours.length) { body.appendChild(colourLine(colours)); }
      if (sizes.length) {
        var sizeLine = el('div', 'vtr-card-sizes');
        sizeLine.appendChild(el('span', 'vtr-card-label', sizeLabel));
        sizeLine.appendChild(document.createTextNode(sizeText));
        body.appendChild(sizeLine);
      }
    }
    var meta = el('div', 'vtr-card-meta');
    var priceBox = el('span', 'vtr-card-prices');
    var priceText = formatPrice(price, p.currency);
    if (priceText) { priceBox.appendChild(el('span', 'vtr-card-price' + (onSale ? ' vtr-card-sale' : ''), priceText)); }
    if (onSale) {
      var was = el('s', 'vtr-card-list-price', formatPrice(listPrice, p.currency));
      was.setAttribute('aria-label', t('was', { price: formatPrice(listPrice, p.currency) }));
      priceBox.appendChild(was);
    }
    meta.appendChild(priceBox);
    var rating = num(p.rating);
    if (rating !== null) {
      var stars = el('span', 'vtr-card-rating', '★ ' + rating.toLocaleString(t('locale'), { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
      stars.setAttribute('aria-label', t('rated', { rating: rating.toLocaleString(t('locale'), { maximumFractionDigits: 1 }) }));
      meta.appendChild(stars);
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
        if (p && typeof p === 'object') { grid.appendChild(productCard(p)); }
      });
      row.appendChild(grid);
      if (typeof answer.total === 'number' && answer.total > products.length) {
        row.appendChild(el('div', 'vtr-count', t('showing', { shown: number(products.length), total: number(answer.total) })));
      }
    }
    return row;
  }

  function updateChipHints() {
    var max = chips.scrollWidth - chips.clientWidth;
    chipRow.classList.toggle('vtr-more-left', chips.scrollLeft > 2);
    chipRow.classList.toggle('vtr-more-right', max - chips.scrollLeft > 2);
  }
  chips.addEventListener('scroll', updateChipHints, { passive: true });
  window.addEventListener('resize', updateChipHints);
  chipsNext.addEventListener('click', function () {
    chips.scrollBy({ left: Math.max(80, chips.clientWidth * 0.7), behavior: 'smooth' });
  });

  function renderChips(list) {
    chips.textContent = '';
    (Array.isArray(list) ? list : []).slice(0, 6).forEach(function (text) {
      if (typeof text !== 'string' || !text.trim()) { return; }
      var chip = el('button', 'vtr-chip', text);
      chip.type = 'button';
      chip.addEventListener('click', function () { submit(text); });
      chips.appendChild(chip);
    });
    chipRow.hidden = !chips.firstChild;
    chips.scrollLeft = 0;
    updateChipHints();
  }

  function renderEntry(entry) {
    if (entry.who === 'user') { return addMessage('user', entry.text); }
    if (entry.who === 'bot') { return renderBot(entry.answer || {}); }
    return addMessage('bot', entry.text, 'vtr-msg-note');
  }

  function welcomeText() {
    if (state.history.length > 0) { return t('welcomeBack'); }
    var o = opening[lang];
    return o && o.reply ? o.reply : t('welcome');
  }
  function welcome() { return addMessage('bot', welcomeText(), 'vtr-msg-welcome'); }

  function renderAll() {
    log.textContent = '';
    state.history.forEach(renderEntry);
    var last = welcome();
    var lastBot = null;
    for (var i = state.history.length - 1; i >= 0; i--) {
      if (state.history[i].who === 'bot') { lastBot = state.history[i]; break; }
    }
    renderChips(lastBot && lastBot.answer && lastBot.answer.suggestions && lastBot.answer.suggestions.length
      ? lastBot.answer.suggestions : starters());
    log.scrollTop = log.scrollHeight;
    applyWords();
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
      typing.setAttribute('aria-label', t('typing'));
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
      var seconds = /^\d{1,5}$/.test(String(retryAfter || '')) ? number(Number(retryAfter)) : t('aFew');
      return t('tooFast', { seconds: seconds });
    }
    if (status === 503 || status === 504) { return t('busy'); }
    if (status === 400 && body && body.error && body.error.code === 'message_too_long') {
      return t('tooLong', { max: number(MAX_CHARS) });
    }
    return t('failed');
  }

  /** What is kept of a product in the stored history (what a card shows). */
  function keep(p) {
    var variants = Array.isArray(p.variants) ? p.variants.slice(0, 60).filter(function (v) {
      return v && typeof v === 'object';
    }).map(function (v) { return { color: str(v.color), size: str(v.size) }; }) : [];
    return {
      id: p.id, title: p.title, brand: p.brand, price: p.price, list_price: p.list_price,
      currency: p.currency, color: p.color, size: p.size, rating: p.rating, url: p.url,
      image_url: p.image_url, variants: variants
    };
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
    chipRow.hidden = true;
    setBusy(true);
    var payload = { message: message, limit: LIMIT, language: lang };
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
      setLang(answer.language);
      var stored = {
        reply: str(answer.reply),
        language: str(answer.language),
        total: answer.total,
        suggestions: Array.isArray(answer.suggestions) ? answer.suggestions.slice(0, 6) : [],
        products: (Array.isArray(answer.products) ? answer.products : []).filter(function (p) {
          return p && typeof p === 'object';
        }).map(keep)
      };
      state.history.push({ who: 'bot', answer: stored });
      save();
      scrollToNewest(renderBot(stored));
      renderChips(stored.suggestions);
    }).catch(function () {
      setBusy(false);
      scrollToNewest(addMessage('bot', t('offline'), 'vtr-msg-note'));
      renderChips([message]);
    });
  }

  // ---------- events ----------
  function setOpen(open) {
    state.open = open;
    root.classList.toggle('vtr-open', open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', t(open ? 'close' : 'open', { title: title() }));
    save();
    if (open) {
      setTimeout(function () { input.focus({ preventScroll: true }); updateChipHints(); }, 50);
    }
  }
  launcher.addEventListener('click', function () { setOpen(!root.classList.contains('vtr-open')); });
  closeBtn.addEventListener('click', function () { setOpen(false); launcher.focus(); });
  resetBtn.addEventListener('click', function () {
    state.sessionId = null;
    state.history = [];
    state.lang = null;
    lang = initialLang;
    save();
    renderAll();
    loadOpening(lang);
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
    loadOpening(lang);
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
