// Creatives and segments: experiment lift by segment, and delivery per creative.
(function () {
  const pp = x => (x == null ? null : 100 * x);
  let lift = [];

  function options(id, values) {
    const s = document.getElementById(id);
    const chosen = s.value;
    s.replaceChildren(...values.map(v => Object.assign(document.createElement('option'), { value: v, textContent: v })));
    if (values.includes(chosen)) { s.value = chosen; }
  }

  function segments() {
    const c = document.getElementById('campaign').value;
    const t = document.getElementById('segment-type').value;
    const rows = lift.filter(r => r.campaign_id === c && r.segment_type === t).sort((a, b) => a.segment_value.localeCompare(b.segment_value));
    const labels = rows.map(r => r.segment_value);
    Dash.chart('segments', { data: { labels, datasets: [
      { type: 'bar', label: '95% interval', data: rows.map(r => [pp(r.abs_lift_ci_low), pp(r.abs_lift_ci_high)]),
        backgroundColor: rows.map(r => (r.abs_lift_ci_low > 0 ? 'rgba(40,120,60,0.6)' : 'rgba(120,120,120,0.5)')) },
      { type: 'scatter', label: 'estimate', data: rows.map((r, i) => ({ x: labels[i], y: pp(r.abs_lift) })), backgroundColor: '#222', pointRadius: 4 }] },
      options: { scales: { y: { title: { display: true, text: 'lift, percentage points' } } } } });
  }

  function creatives(daily) {
    const by = new Map();
    for (const r of daily) {
      const a = by.get(r.creative_id) || { creative_id: r.creative_id, campaign_id: r.campaign_id, channel: r.channel,
        creative_name: r.creative_name, format: r.format, impressions: 0, clicks: 0, spend: 0 };
      a.impressions += Number(r.impressions);
      a.clicks += Number(r.clicks);
      a.spend += Number(r.spend);
      by.set(r.creative_id, a);
    }
    const rows = [...by.values()].sort((a, b) => a.campaign_id.localeCompare(b.campaign_id) || a.creative_id.localeCompare(b.creative_id));
    const campaigns = [...new Set(rows.map(r => r.campaign_id))];
    Dash.chart('creatives', { data: { labels: rows.map(r => r.creative_id), datasets: [
      { type: 'bar', label: 'click-through rate, %', data: rows.map(r => (r.impressions ? 100 * r.clicks / r.impressions : null)),
        backgroundColor: rows.map(r => Dash.color(campaigns.indexOf(r.campaign_id), 0.75)) }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { title: { display: true, text: 'CTR, % (colour: campaign)' } } } } });
    Dash.table('creative-table', [['creative', r => r.creative_id], ['name', r => r.creative_name], ['format', r => r.format],
      ['campaign', r => r.campaign_id], ['channel', r => r.channel], ['impressions', r => Dash.num(r.impressions)],
      ['clicks', r => Dash.num(r.clicks)], ['CTR', r => (r.impressions ? Dash.pct(r.clicks / r.impressions) : null)],
      ['spend', r => Dash.num(r.spend)], ['CPC', r => (r.clicks ? Dash.num(r.spend / r.clicks, 2) : null)]], rows);
  }

  document.getElementById('campaign').addEventListener('change', segments);
  document.getElementById('segment-type').addEventListener('change', segments);

  Dash.start('creatives and segments', async () => {
    const [rows, daily] = await Promise.all([Dash.rows('/api/v1/lift'), Dash.rows('/api/v1/creatives')]);
    lift = rows.filter(r => r.segment_type !== 'all');
    document.getElementById('ds').textContent = Dash.latest(rows);
    options('campaign', [...new Set(lift.map(r => r.campaign_id))].sort());
    options('segment-type', [...new Set(lift.map(r => r.segment_type))].sort());
    segments();
    creatives(daily);
  });
})();
