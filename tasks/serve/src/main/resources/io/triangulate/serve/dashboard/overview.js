// Overview: headline numbers, daily spend by channel, recommendations and the budget change form.
(function () {
  let recs = [];
  let key = Dash.newKey();

  function cards(campaigns, decisions) {
    const sum = (xs, f) => xs.reduce((s, r) => s + (Number(f(r)) || 0), 0);
    const spend = sum(campaigns, r => r.spend);
    const attributed = sum(campaigns, r => r.attributed_revenue);
    const incremental = sum(decisions, r => r.incremental_revenue);
    const items = [
      ['campaigns', campaigns.length], ['spend to date', Dash.num(spend)], ['last-touch revenue', Dash.num(attributed)],
      ['incremental revenue (experiments)', Dash.num(incremental)],
      ['increase budget', decisions.filter(r => r.recommendation === 'increase_budget').length],
      ['reduce budget', decisions.filter(r => r.recommendation === 'reduce_budget').length]];
    const box = document.getElementById('cards');
    box.replaceChildren();
    for (const [label, value] of items) {
      const d = document.createElement('div');
      d.className = 'card';
      const v = document.createElement('b');
      v.textContent = value;
      const l = document.createElement('span');
      l.textContent = label;
      d.append(v, l);
      box.appendChild(d);
    }
  }

  function daily(kpis) {
    const days = [...new Set(kpis.map(r => r.ds))].sort();
    const channels = [...new Set(kpis.map(r => r.channel))].sort();
    const at = new Map(kpis.map(r => [r.ds + '|' + r.channel, r]));
    const datasets = channels.map((c, i) => ({
      type: 'bar', label: c + ' spend', stack: 'spend', backgroundColor: Dash.color(i, 0.7),
      data: days.map(d => Number((at.get(d + '|' + c) || {}).spend || 0)) }));
    datasets.push({ type: 'line', label: 'last-touch revenue (all channels)', yAxisID: 'y', borderColor: '#222', pointRadius: 0,
      data: days.map(d => channels.reduce((s, c) => s + Number((at.get(d + '|' + c) || {}).attributed_revenue || 0), 0)) });
    Dash.chart('daily', { data: { labels: days, datasets },
      options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'per day' } } } } });
  }

  function recTable(rows) {
    Dash.table('recs', [
      ['rank', r => r.incrementality_rank], ['campaign', r => r.campaign_id], ['channel', r => r.channel],
      ['spend', r => Dash.num(r.spend)], ['incr. ROAS', r => Dash.num(r.incremental_roas, 2)],
      ['95% interval', r => Dash.interval(r.incremental_roas_ci_low, r.incremental_roas_ci_high, x => Dash.num(x, 2))],
      ['flag', r => r.efficiency_flag], ['recommendation', r => r.recommendation], ['budget Δ', r => Dash.num(r.budget_change)]],
      rows.slice().sort((a, b) => a.incrementality_rank - b.incrementality_rank));
    const select = document.getElementById('budget-campaign');
    const chosen = select.value;
    select.replaceChildren();
    for (const r of rows) {
      const o = document.createElement('option');
      o.value = r.campaign_id;
      o.textContent = r.campaign_id + ' (' + r.recommendation + ' ' + Dash.num(r.budget_change) + ')';
      select.appendChild(o);
    }
    if (chosen) { select.value = chosen; }
    fillChange();
  }

  function fillChange() {
    const r = recs.find(x => x.campaign_id === document.getElementById('budget-campaign').value);
    const override = document.getElementById('budget-decision').value === 'override';
    const input = document.getElementById('budget-change');
    input.disabled = !override;
    if (!override && r) { input.value = r.budget_change; }
    key = Dash.newKey();
  }

  async function changes() {
    const feed = await Dash.call('GET', '/api/v1/activation/changes?limit=1000');
    Dash.table('changes', [
      ['id', r => r.change_id], ['kind', r => r.kind], ['campaign', r => r.campaign_id],
      ['change', r => JSON.stringify(r.payload.budget_change ?? r.payload.multiplier ?? r.payload.to_creative_id ?? r.payload.action)],
      ['reason', r => r.reason], ['by', r => r.requested_by], ['at', r => r.requested_at], ['status', r => r.status]],
      feed.data.slice(-10).reverse());
  }

  async function submit(ev) {
    ev.preventDefault();
    const out = document.getElementById('budget-result');
    const decision = document.getElementById('budget-decision').value;
    const body = { campaign_id: document.getElementById('budget-campaign').value, decision,
      reason: document.getElementById('budget-reason').value };
    if (decision === 'override') { body.budget_change = Number(document.getElementById('budget-change').value); }
    try {
      const c = await Dash.call('POST', '/api/v1/activation/budget', body, { 'Idempotency-Key': key });
      out.textContent = 'change ' + c.change_id + ' stored (' + c.status + '): budget ' + Dash.num(c.payload.budget_change, 2) + ' for ' + c.campaign_id;
      out.className = 'ok';
      out.dataset.changeId = String(c.change_id);
      key = Dash.newKey();
      await changes();
    } catch (e) {
      out.textContent = e.message;
      out.className = 'error';
    }
  }

  document.getElementById('budget-campaign').addEventListener('change', fillChange);
  document.getElementById('budget-decision').addEventListener('change', fillChange);
  document.getElementById('budget-change').addEventListener('input', () => { key = Dash.newKey(); });
  document.getElementById('budget-reason').addEventListener('input', () => { key = Dash.newKey(); });
  document.getElementById('budget').addEventListener('submit', submit);

  Dash.start('overview', async () => {
    const [campaigns, decisions, kpis] = await Promise.all([
      Dash.rows('/api/v1/campaigns'), Dash.rows('/api/v1/recommendations'), Dash.rows('/api/v1/kpis?grain=channel')]);
    document.getElementById('ds').textContent = Dash.latest(campaigns);
    recs = decisions;
    cards(campaigns, decisions);
    daily(kpis);
    recTable(decisions);
    await changes();
  });
})();
