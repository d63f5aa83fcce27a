// Alerts: whatever columns marts.alerts has (preferred ones first), and a count by severity.
(function () {
  const PREFERRED = ['ds', 'since', 'severity', 'campaign_id', 'channel', 'metric', 'message', 'suggested_action'];
  Dash.start('alerts', async () => {
    const rows = await Dash.rows('/api/v1/alerts');
    document.getElementById('empty').hidden = rows.length > 0;
    document.getElementById('severity-box').hidden = rows.length === 0;
    const seen = [...new Set(rows.flatMap(r => Object.keys(r)))];
    const columns = PREFERRED.filter(c => seen.includes(c)).concat(seen.filter(c => !PREFERRED.includes(c)));
    const order = { critical: 0, high: 1, warning: 2, medium: 2, low: 3, info: 4 };
    rows.sort((a, b) => String(b.ds || '').localeCompare(String(a.ds || '')) || (order[a.severity] ?? 9) - (order[b.severity] ?? 9));
    Dash.table('alerts', columns.map(c => [c.replace(/_/g, ' '), r => (r[c] != null && typeof r[c] === 'object' ? JSON.stringify(r[c]) : r[c])]), rows);
    if (rows.length > 0 && seen.includes('severity')) {
      const levels = [...new Set(rows.map(r => r.severity))].sort((a, b) => (order[a] ?? 9) - (order[b] ?? 9));
      Dash.chart('severity', { data: { labels: levels, datasets: [{ type: 'bar', label: 'alerts',
        data: levels.map(l => rows.filter(r => r.severity === l).length), backgroundColor: levels.map((l, i) => Dash.color(3 - Math.min(i, 3), 0.7)) }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { ticks: { precision: 0 } } } } });
    }
  });
})();
