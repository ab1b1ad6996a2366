// The Brighter console: reads and acts through the actuator endpoint named in the page's
// <meta name="brighter-endpoint">. Every value from the service is set as text, never as HTML.
(function () {
  'use strict';
  const endpoint = document.querySelector('meta[name="brighter-endpoint"]').content;
  const status = document.getElementById('status');

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text == null ? '' : String(text);
    if (className) td.className = className;
    return td;
  }

  function button(label, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.className = className;
    b.addEventListener('click', onClick);
    return b;
  }

  function age(iso) {
    const seconds = Math.round(parseDuration(iso));
    if (seconds < 60) return seconds + ' s';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min';
    return Math.round(seconds / 3600) + ' h';
  }

  // ISO-8601 durations as Jackson writes them (PT1M2.5S) or as seconds.
  function parseDuration(value) {
    if (typeof value === 'number') return value;
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value || '');
    if (!m) return 0;
    return (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0));
  }

  async function get(path) {
    const response = await fetch(endpoint + path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('GET ' + path + ': ' + response.status);
    return response.json();
  }

  async function act(path, body) {
    const response = await fetch(endpoint + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    });
    if (!response.ok) {
      throw new Error(body.action + ' refused (' + response.status + '): writes need '
        + 'management.endpoint.brighter.access=unrestricted');
    }
    return response.json();
  }

  function say(text, problem) {
    status.textContent = text;
    status.className = problem ? 'problem' : '';
  }

  async function run(label, work) {
    try {
      const outcome = await work();
      say(label + (outcome && outcome.count != null ? ': ' + outcome.count : ''));
    } catch (e) {
      say(e.message, true);
    }
    await refresh();
  }

  function renderSubscriptions(subscriptions) {
    const body = document.querySelector('#subscriptions tbody');
    body.replaceChildren();
    if (subscriptions.length === 0) {
      cell(body.insertRow(), 'No subscriptions', 'empty').colSpan = 8;
    }
    for (const s of subscriptions) {
      const row = body.insertRow();
      row.dataset.subscription = s.name;
      cell(row, s.name);
      cell(row, s.routingKey);
      cell(row, s.running + ' of ' + s.performers);
      cell(row, s.handled);
      cell(row, s.requeued);
      cell(row, s.rejected);
      cell(row, s.problems.join('; '), s.problems.length ? 'problem' : '');
      const actions = row.insertCell();
      const path = '/subscriptions/' + encodeURIComponent(s.name);
      actions.append(s.running > 0
        ? button('Shut', 'shut', () => run('Shut ' + s.name, () => act(path, { action: 'shut' })))
        : button('Open', 'open', () => run('Opened ' + s.name, () => act(path, { action: 'open' }))));
    }
  }

  function renderOutbox(outbox) {
    const summary = document.querySelector('#outbox .summary');
    const body = document.querySelector('#outbox tbody');
    body.replaceChildren();
    if (!outbox) {
      summary.textContent = 'This service has no outbox.';
      return;
    }
    summary.textContent = outbox.outstanding + ' outstanding; ' + outbox.sentSinceStart
      + ' sent and ' + outbox.archivedSinceStart + ' archived since start'
      + (outbox.complete ? '' : ' (per topic: the first ones only)');
    if (outbox.topics.length === 0) {
      cell(body.insertRow(), 'Nothing waits', 'empty').colSpan = 3;
    }
    for (const t of outbox.topics) {
      const row = body.insertRow();
      cell(row, t.topic);
      cell(row, t.outstanding);
      cell(row, age(t.oldestAge));
    }
  }

  async function renderQueue(container, queue) {
    const path = '/dead-letters/' + encodeURIComponent(queue.name);
    const header = document.createElement('div');
    header.className = 'queue-header';
    const title = document.createElement('h3');
    title.textContent = queue.name + ' (' + queue.count + ')';
    header.append(title,
      button('Re-drive all', 'redrive-all',
        () => run('Re-drove', () => act(path, { action: 'redrive-matching' }))),
      button('Purge', 'purge', () => {
        if (confirm('Remove every dead letter of ' + queue.name + '?')) {
          run('Purged', () => act(path, { action: 'purge' }));
        }
      }));
    const table = document.createElement('table');
    table.dataset.queue = queue.name;
    const head = table.createTHead().insertRow();
    for (const h of ['Id', 'From topic', 'Reason', 'Rejected', 'Re-drives', '']) {
      const th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    const letters = await get(path);
    if (letters.length === 0) {
      cell(body.insertRow(), 'No dead letters', 'empty').colSpan = 6;
    }
    for (const l of letters) {
      const row = body.insertRow();
      row.dataset.id = l.id;
      cell(row, l.id);
      cell(row, l.topic);
      cell(row, l.reason, 'reason');
      cell(row, l.timestamp);
      cell(row, l.redriveCount);
      const actions = row.insertCell();
      actions.append(
        button('Inspect', 'inspect', () => inspect(path + '/' + encodeURIComponent(l.id))),
        ' ',
        button('Re-drive', 'redrive',
          () => run('Re-drove ' + l.id, () => act(path, { action: 'redrive', ids: l.id }))));
    }
    container.append(header, table);
  }

  async function inspect(path) {
    try {
      const message = await get(path);
      const inspector = document.getElementById('inspector');
      inspector.querySelector('.message-id').textContent = message.summary.id;
      const body = inspector.querySelector('.headers tbody');
      body.replaceChildren();
      const headers = Object.entries(message.headers).sort(([a], [b]) => a.localeCompare(b));
      for (const [name, value] of headers) {
        const row = body.insertRow();
        cell(row, name);
        cell(row, value);
      }
      inspector.querySelector('.body').textContent = message.body;
      inspector.querySelector('.truncated').textContent =
        message.bodyTruncated ? '(cut: ' + message.summary.bodyBytes + ' bytes in all)' : '';
      inspector.hidden = false;
    } catch (e) {
      say(e.message, true);
    }
  }

  async function refresh() {
    try {
      const overview = await get('');
      renderSubscriptions(overview.subscriptions);
      renderOutbox(overview.outbox);
      const container = document.querySelector('#dead-letters .queues');
      const fresh = document.createElement('div');
      if (overview.deadLetterQueues.length === 0) {
        fresh.textContent = 'No dead-letter queues';
        fresh.className = 'empty';
      }
      for (const queue of overview.deadLetterQueues) {
        await renderQueue(fresh, queue);
      }
      container.replaceChildren(...fresh.childNodes);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      say(e.message, true);
    }
  }

  document.getElementById('refresh').addEventListener('click', refresh);
  document.querySelector('#inspector .close')
    .addEventListener('click', () => { document.getElementById('inspector').hidden = true; });
  refresh();
  setInterval(refresh, 5000);
})();
