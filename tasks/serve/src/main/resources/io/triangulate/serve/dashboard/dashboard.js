// Shared by every dashboard page: the API token, calls to /api/v1, navigation, tables and charts.
//
// Authentication is the API's own: the user pastes a token (`triangulate serve token create`) once;
// it is kept in this tab's sessionStorage (gone when the tab closes, never in a cookie, never sent
// anywhere but this server's /api in the Authorization header). A link may carry it as
// `#token=…` (a URL fragment never reaches the server); the page moves it to sessionStorage and
// strips it from the address bar. Values are written with textContent, never as HTML.
const Dash = (function () {
  const KEY = 'triangulate.token';
  const PAGES = [
    ['/', 'Overview'], ['/experiments.html', 'Experiments'], ['/attribution.html', 'Attribution vs experiments'],
    ['/mmm.html', 'MMM & budget'], ['/creatives.html', 'Creatives & segments'], ['/alerts.html', 'Alerts']];
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  const charts = {};

  if (location.hash.startsWith('#token=')) {
    sessionStorage.setItem(KEY, decodeURIComponent(location.hash.slice(7)));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function token() { return sessionStorage.getItem(KEY) || ''; }

  function status(text, ok) {
    const s = document.getElementById('status');
    s.textContent = text;
    s.className = ok ? 'ok' : '';
  }

  async function call(method, path, body, headers) {
    const res = await fetch(path, {
      method, body: body == null ? undefined : JSON.stringify(body),
      headers: Object.assign({ Authorization: 'Bearer ' + token() }, body == null ? {} : { 'Content-Type': 'application/json' }, headers || {})
    });
    const json = await res.json();
    if (!res.ok) {
      throw new Error(res.status + ': ' + json.error + (json.field ? ' [' + json.field + ']' : '') + (json.rule ? ' (' + json.rule + ')' : ''));
    }
    return json;
  }

  /** Every row of a paginated read endpoint (walks next_offset; the marts are small). */
  async function rows(path) {
    const out = [];
    let offset = 0;
    for (let i = 0; i < 100; i++) {
      const page = await call('GET', path + (path.includes('?') ? '&' : '?') + 'limit=1000&offset=' + offset);
      out.push(...page.data);
      if (page.page.next_offset == null) { return out; }
      offset = page.page.next_offset;
    }
    return out;
  }

  /** An Idempotency-Key: random, so a repeated click of the same request is one change, not two. */
  function newKey() {
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return 'ui-' + Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  }

  function header(title) {
    const h = document.createElement('header');
    const h1 = document.createElement('h1');
    h1.textContent = 'Triangulate';
    const nav = document.createElement('nav');
    for (const [href, label] of PAGES) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = label;
      if (href === location.pathname || (href === '/' && location.pathname === '/index.html')) { a.className = 'current'; }
      nav.appendChild(a);
    }
    const form = document.createElement('form');
    form.id = 'login';
    form.innerHTML = '<label>API token <input id="token" type="password" autocomplete="off" size="28" placeholder="trg_…"></label>'
      + ' <button type="submit">Use</button> <span id="status" role="status"></span>';
    h.append(h1, nav, form);
    document.body.prepend(h);
    document.title = 'Triangulate: ' + title;
    form.querySelector('#token').value = token();
    return form;
  }

  /** Sets up the page; {@code load} runs once a token is there, and again when one is entered. */
  function start(title, load) {
    const form = header(title);
    async function run() {
      if (!token()) { status('enter an API token (triangulate serve token create --role reader)'); return; }
      status('loading…', true);
      try {
        await load();
        status('', true);
        document.body.dataset.loaded = 'true';
      } catch (e) {
        status(e.message);
        document.body.dataset.loaded = 'error';
      }
    }
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      sessionStorage.setItem(KEY, form.querySelector('#token').value.trim());
      run();
    });
    run();
  }

  /** A Chart.js chart on canvas {@code id}, replacing the previous one; no animation (prints, tests). */
  function chart(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    config.options = Object.assign({ maintainAspectRatio: false, animation: false }, config.options || {});
    const canvas = document.getElementById(id);
    charts[id] = new Chart(canvas, config);
    canvas.dataset.points = String(config.data.datasets.reduce((n, d) => n + d.data.filter(v => v != null).length, 0));
    return charts[id];
  }

  /** Fills table {@code id}: columns are [header, row => value] pairs. */
  function table(id, columns, data) {
    const t = document.getElementById(id);
    const head = document.createElement('tr');
    for (const [h] of columns) {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    }
    const body = document.createElement('tbody');
    for (const r of data) {
      const tr = document.createElement('tr');
      for (const [, f] of columns) {
        const td = document.createElement('td');
        const v = f(r);
        td.textContent = v == null ? '–' : v;
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    const thead = document.createElement('thead');
    thead.appendChild(head);
    t.replaceChildren(thead, body);
  }

  function num(x, digits) {
    if (x == null) { return null; }
    const d = digits == null ? 0 : digits;
    const v = Math.abs(x) < 0.5 * Math.pow(10, -d) ? 0 : Number(x); // no "-0" for a rounding residue
    return v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  }
  function pct(x, digits) { return x == null ? null : num(100 * x, digits == null ? 2 : digits) + '%'; }
  function interval(lo, hi, f) { return lo == null || hi == null ? null : '[' + f(lo) + ', ' + f(hi) + ']'; }
  function color(i, alpha) {
    const c = COLORS[i % COLORS.length];
    if (alpha == null) { return c; }
    const n = parseInt(c.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }
  function latest(data) { return data.reduce((m, r) => (r.ds > m ? r.ds : m), ''); }

  return { start, call, rows, newKey, chart, table, num, pct, interval, color, latest, status };
})();
