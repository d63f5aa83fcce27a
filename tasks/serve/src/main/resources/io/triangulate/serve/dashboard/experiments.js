// Experiments: lift with fixed-horizon and always-valid intervals, sequential status, trust checks.
(function () {
  const pp = x => (x == null ? null : 100 * x);
  Dash.start('experiments', async () => {
    const rows = (await Dash.rows('/api/v1/lift?segment_type=all')).sort((a, b) => a.campaign_id.localeCompare(b.campaign_id));
    document.getElementById('ds').textContent = Dash.latest(rows);
    const labels = rows.map(r => r.campaign_id);
    Dash.chart('lift', {
      data: { labels, datasets: [
        { type: 'bar', label: 'always-valid interval (mSPRT)', data: rows.map(r => r.seq_abs_lift_ci_low == null ? null : [pp(r.seq_abs_lift_ci_low), pp(r.seq_abs_lift_ci_high)]),
          backgroundColor: 'rgba(31,119,180,0.25)', grouped: false, barPercentage: 0.8 },
        { type: 'bar', label: '95% interval', data: rows.map(r => [pp(r.abs_lift_ci_low), pp(r.abs_lift_ci_high)]),
          backgroundColor: rows.map(r => (r.abs_lift_ci_low > 0 ? 'rgba(40,120,60,0.6)' : r.abs_lift_ci_high < 0 ? 'rgba(180,40,40,0.6)' : 'rgba(120,120,120,0.5)')),
          grouped: false, barPercentage: 0.4 },
        { type: 'scatter', label: 'estimate', data: rows.map((r, i) => ({ x: labels[i], y: pp(r.abs_lift) })), backgroundColor: '#222', pointRadius: 4 }] },
      options: { scales: { y: { title: { display: true, text: 'lift, percentage points' } } } } });
    Dash.table('experiments', [
      ['campaign', r => r.campaign_id], ['treated n', r => Dash.num(r.treated_n)], ['control n', r => Dash.num(r.control_n)],
      ['lift (pp)', r => Dash.num(pp(r.abs_lift), 2)], ['95% interval', r => Dash.interval(pp(r.abs_lift_ci_low), pp(r.abs_lift_ci_high), x => Dash.num(x, 2))],
      ['always-valid interval', r => Dash.interval(pp(r.seq_abs_lift_ci_low), pp(r.seq_abs_lift_ci_high), x => Dash.num(x, 2))],
      ['sequential status', r => r.seq_status], ['p', r => Dash.num(r.p_value, 3)], ['p (BH, campaigns)', r => Dash.num(r.p_value_bh_campaigns, 3)],
      ['SRM p', r => Dash.num(r.srm_p_value, 3)], ['CUPED lift (pp)', r => Dash.num(pp(r.cuped_abs_lift), 2)],
      ['incr. orders', r => Dash.num(r.incremental_orders, 1)],
      ['95% interval ', r => Dash.interval(r.incremental_orders_ci_low, r.incremental_orders_ci_high, x => Dash.num(x, 1))],
      ['incr. ROAS', r => Dash.num(r.incremental_roas, 2)], ['P(beat control)', r => Dash.pct(r.bayes_prob_beat_control, 1)]], rows);
  });
})();
