// The dashboard's first page: lift intervals and recommendations from the API, with the token the
// user types (kept in this tab's sessionStorage only). Values are written with textContent, never HTML.
(function () {
  const tokenInput = document.getElementById('token');
  const status = document.getElementById('status');
  let chart = null;
  tokenInput.value = sessionStorage.getItem('triangulate.token') || '';

  async function api(path) {
    const res = await fetch(path, { headers: { Authorization: 'Bearer ' + tokenInput.value.trim() } });
    const body = await res.json();
    if (!res.ok) {
      throw new Error(res.status + ': ' + body.error + (body.rule ? ' (' + body.rule + ')' : ''));
    }
    return body.data;
  }

  function pp(x) { return x == null ? null : 100 * x; }

  function drawLift(rows) {
    document.getElementById('ds').textContent = rows.length ? rows[0].ds : '(no experiments yet)';
    const labels = rows.map(r => r.campaign_id);
    const data = {
      labels,
      datasets: [
        { type: 'bar', label: '95% interval', data: rows.map(r => [pp(r.abs_lift_ci_low), pp(r.abs_lift_ci_high)]),
          backgroundColor: rows.map(r => r.abs_lift_ci_low > 0 ? 'rgba(40,120,60,0.45)' : 'rgba(120,120,120,0.35)') },
        { type: 'scatter', label: 'estimate', data: rows.map((r, i) => ({ x: labels[i], y: pp(r.abs_lift) })),
          backgroundColor: '#222', pointRadius: 4 }
      ]
    };
    const options = { maintainAspectRatio: false, animation: false,
      scales: { y: { title: { display: true, text: 'lift, percentage points' } } } };
    if (chart) { chart.destroy(); }
    chart = new Chart(document.getElementById('lift'), { data, options });
    document.getElementById('lift').dataset.bars = String(rows.length);
  }

  function drawRecs(rows) {
    const body = document.querySelector('#recs tbody');
    body.replaceChildren();
    for (const r of rows) {
      const tr = document.createElement('tr');
      for (const v of [r.incrementality_rank, r.campaign_id, r.channel,
          r.incremental_roas == null ? '–' : r.incremental_roas.toFixed(2), r.recommendation,
          Math.round(r.budget_change).toLocaleString()]) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
  }

  async function load() {
    status.textContent = '';
    try {
      const [lift, recs] = await Promise.all([
        api('/api/v1/lift?segment_type=all&limit=1000'), api('/api/v1/recommendations?limit=1000')]);
      drawLift(lift);
      drawRecs(recs);
      sessionStorage.setItem('triangulate.token', tokenInput.value.trim());
    } catch (e) {
      status.textContent = e.message;
    }
  }

  document.getElementById('login').addEventListener('submit', ev => { ev.preventDefault(); load(); });
  if (tokenInput.value) { load(); }
})();
