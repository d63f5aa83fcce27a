// MMM: channel ROAS intervals, and the budget slider that asks the fitted optimiser for a plan.
(function () {
  const slider = document.getElementById('budget');
  let pending = null;

  function roas(rows) {
    Dash.chart('roas', { data: { labels: rows.map(r => r.channel), datasets: [
      { type: 'bar', label: '90% interval', data: rows.map(r => (r.roas_low == null ? null : [r.roas_low, r.roas_high])),
        backgroundColor: 'rgba(31,119,180,0.4)' },
      { type: 'scatter', label: 'ROAS', data: rows.map(r => ({ x: r.channel, y: r.roas })), backgroundColor: '#222', pointRadius: 4 }] },
      options: { scales: { y: { title: { display: true, text: 'incremental revenue per unit of spend' } } } } });
  }

  function draw(plan) {
    const ch = plan.channels;
    document.getElementById('budget-value').textContent = Dash.num(plan.budget);
    document.getElementById('budget-share').textContent = '(' + Dash.num(100 * plan.budget / plan.current_budget) + '% of current '
      + Dash.num(plan.current_budget) + ')';
    const t = plan.total;
    const c = plan.current;
    document.getElementById('prediction').textContent = 'Predicted incremental revenue ' + Dash.num(t.expected_revenue)
      + ' (90% band ' + Dash.num(t.expected_revenue_low) + '–' + Dash.num(t.expected_revenue_high) + '), ROAS '
      + Dash.num(t.roas, 2) + (t.mroas == null ? '' : ', marginal ROAS ' + Dash.num(t.mroas, 2)) + '; today\u2019s split: '
      + Dash.num(c.expected_revenue) + ' (' + Dash.num(c.expected_revenue_low) + '–' + Dash.num(c.expected_revenue_high) + ').';
    Dash.chart('allocation', { data: { labels: ch.map(r => r.channel), datasets: [
      { type: 'bar', label: 'current spend', data: ch.map(r => r.current_spend), backgroundColor: 'rgba(120,120,120,0.5)' },
      { type: 'bar', label: 'optimal spend', data: ch.map(r => r.optimal_spend), backgroundColor: 'rgba(31,119,180,0.8)' }] },
      options: { indexAxis: 'y', scales: { x: { title: { display: true, text: 'spend over the horizon' } } } } });
    const labels = ['today\u2019s split', 'optimal at this budget'];
    Dash.chart('revenue', { data: { labels, datasets: [
      { type: 'bar', label: '90% band', data: [[c.expected_revenue_low, c.expected_revenue_high], [t.expected_revenue_low, t.expected_revenue_high]],
        backgroundColor: ['rgba(120,120,120,0.4)', 'rgba(44,160,44,0.45)'] },
      { type: 'scatter', label: 'predicted incremental revenue', data: [{ x: labels[0], y: c.expected_revenue }, { x: labels[1], y: t.expected_revenue }],
        backgroundColor: '#222', pointRadius: 5 }] },
      options: { scales: { y: { title: { display: true, text: 'incremental revenue over the horizon' } } } } });
    Dash.table('plan', [['channel', r => r.channel], ['current', r => Dash.num(r.current_spend)], ['optimal', r => Dash.num(r.optimal_spend)],
      ['change', r => Dash.num(r.change)], ['revenue', r => Dash.num(r.expected_revenue)],
      ['90% band', r => Dash.interval(r.expected_revenue_low, r.expected_revenue_high, x => Dash.num(x))],
      ['ROAS', r => Dash.num(r.roas, 2)], ['mROAS', r => Dash.num(r.mroas, 2)]], ch.concat([t]));
    slider.dataset.planned = String(plan.budget);
  }

  let asked = 0;
  async function plan(budget) {
    const ticket = ++asked;
    document.getElementById('prediction').textContent = 'asking the optimiser…';
    const p = await Dash.call('GET', '/api/v1/mmm/plan' + (budget == null ? '' : '?budget=' + encodeURIComponent(budget)));
    if (ticket === asked) { draw(p); } // a slower answer to an earlier position must not win
    return p;
  }

  // Ask once the slider rests for a moment: every pixel of a drag would be a request.
  slider.addEventListener('input', () => {
    document.getElementById('budget-value').textContent = Dash.num(Number(slider.value));
    clearTimeout(pending);
    pending = setTimeout(() => plan(Number(slider.value)).catch(e => Dash.status(e.message)), 150);
  });

  Dash.start('MMM and budget scenarios', async () => {
    const summary = await Dash.rows('/api/v1/mmm');
    const models = [...new Set(summary.map(r => r.model))];
    const model = models.includes('bayesian') ? 'bayesian' : models[0];
    const rows = summary.filter(r => r.model === model);
    document.getElementById('ds').textContent = Dash.latest(summary);
    document.getElementById('model').textContent = model || '(none fitted yet)';
    roas(rows);
    const p = await plan(null);
    document.getElementById('horizon').textContent = p.horizon_periods + ' periods of ' + p.period_days + ' days';
    slider.min = p.min_budget;
    slider.max = p.max_budget;
    slider.step = (p.max_budget - p.min_budget) / 200;
    slider.value = p.current_budget;
  });
})();
