// The Secure Communities dashboard: fetches the metrics and the outcome table from the GraphQL API with the viewer's
// bearer token (typed in, or given as #token=... in the address, kept in sessionStorage only) and draws them.
(function () {
  const query = `query Dashboard($from: DateOnly!, $to: DateOnly!, $level: ScIarLevel) {
    secureCommunitiesMetrics(from: $from, to: $to) { byMonth { month transmissions matches level1 level2 level3 usc } }
    secureCommunitiesOutcomes(from: $from, to: $to, level: $level) { months rows { code label depth counts total } }
  }`;
  const $ = (id) => document.getElementById(id);
  const status = (text, error) => { $('status').textContent = text; $('status').className = error ? 'error' : ''; };
  const charts = {};
  window.scDashboard = { charts, ready: false };

  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('token')) { sessionStorage.setItem('sengraph.token', params.get('token')); history.replaceState(null, '', location.pathname + location.search); }
  $('token').value = sessionStorage.getItem('sengraph.token') || '';
  const search = new URLSearchParams(location.search);
  $('from').value = search.get('from') || '2008-10-27';
  $('to').value = search.get('to') || '2009-04-30';
  $('level').value = search.get('level') || '';

  function draw(id, type, labels, datasets, stacked) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), {
      type, data: { labels, datasets },
      options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked }, y: { stacked, beginAtZero: true } } },
    });
  }

  function table(outcomes) {
    const head = '<tr><th></th>' + outcomes.months.map((m) => `<th>${m}</th>`).join('') + '<th>Total</th></tr>';
    $('outcomes').tHead.innerHTML = head;
    const body = $('outcomes').tBodies[0];
    body.textContent = '';
    for (const row of outcomes.rows) {
      const tr = body.insertRow();
      const label = tr.insertCell();
      label.textContent = row.label;
      if (row.depth > 0) label.className = 'depth1';
      for (const v of row.counts.concat([row.total])) tr.insertCell().textContent = v.toLocaleString('en-US');
    }
  }

  async function load() {
    const token = $('token').value.trim();
    if (!token) { status('A bearer token is needed: the page shows what your roles may read.', true); return; }
    sessionStorage.setItem('sengraph.token', token);
    status('Loading…');
    const variables = { from: $('from').value, to: $('to').value, level: $('level').value || null };
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify({ query, variables, operationName: 'Dashboard' }),
    });
    const result = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
    if (result.errors && result.errors.length) { status(result.errors.map((e) => e.message).join(' '), true); return; }
    const months = result.data.secureCommunitiesMetrics.byMonth;
    const labels = months.map((m) => m.month);
    draw('transmissions', 'bar', labels, [
      { label: 'Transmissions', data: months.map((m) => m.transmissions), backgroundColor: '#1f5fa8' },
      { label: 'IDENT matches', data: months.map((m) => m.matches), backgroundColor: '#e07b00' },
    ], false);
    draw('matches', 'bar', labels, [
      { label: 'Level 1', data: months.map((m) => m.level1), backgroundColor: '#b50909' },
      { label: 'Level 2', data: months.map((m) => m.level2), backgroundColor: '#e07b00' },
      { label: 'Level 3', data: months.map((m) => m.level3), backgroundColor: '#f2c14e' },
      { label: 'USC', data: months.map((m) => m.usc), backgroundColor: '#6a8caf' },
    ], true);
    table(result.data.secureCommunitiesOutcomes);
    status(`Shown: ${variables.from} to ${variables.to}.`);
    window.scDashboard.ready = true;
  }

  $('range').addEventListener('submit', (e) => { e.preventDefault(); load().catch((err) => status(String(err), true)); });
  if ($('token').value) load().catch((err) => status(String(err), true));
})();
