// Attribution vs experiments: each model's credit per campaign against the experiment's interval.
(function () {
  Dash.start('attribution vs experiments', async () => {
    const rows = await Dash.rows('/api/v1/attribution?scope=campaign');
    document.getElementById('ds').textContent = Dash.latest(rows);
    const campaigns = [...new Set(rows.map(r => r.scope_id))].sort();
    const models = [...new Set(rows.map(r => r.model))].sort();
    const at = new Map(rows.map(r => [r.scope_id + '|' + r.model, r]));
    const experiment = c => rows.find(r => r.scope_id === c) || {};
    const datasets = models.map((m, i) => ({ type: 'bar', label: m, backgroundColor: Dash.color(i, 0.75),
      data: campaigns.map(c => (at.get(c + '|' + m) || {}).credited_conversions ?? null) }));
    datasets.push({ type: 'bar', label: 'experiment: incremental orders, 95% interval', backgroundColor: 'rgba(0,0,0,0.18)',
      borderColor: '#000', borderWidth: 1,
      data: campaigns.map(c => (experiment(c).incremental_orders_ci_low == null ? null
        : [experiment(c).incremental_orders_ci_low, experiment(c).incremental_orders_ci_high])) });
    Dash.chart('attribution', { data: { labels: campaigns, datasets },
      options: { scales: { y: { title: { display: true, text: 'conversions / orders' } } } } });
    Dash.table('ratios', [['campaign', r => r.c], ['incremental orders', r => Dash.num(experiment(r.c).incremental_orders, 1)]]
      .concat(models.map(m => [m, r => Dash.num((at.get(r.c + '|' + m) || {}).attribution_ratio, 2)])),
      campaigns.map(c => ({ c })));
  });
})();
