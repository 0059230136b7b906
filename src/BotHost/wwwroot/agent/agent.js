// Agent console: REST for actions, SignalR for live tickets and messages. Plain DOM, usable by keyboard.
(function () {
  const $ = id => document.getElementById(id);
  const state = { me: null, tickets: new Map(), selected: null, transcript: [], hub: null };

  async function api(path, options = {}) {
    const response = await fetch('/agent/api' + path, {
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      ...options,
      body: options.body ? JSON.stringify(options.body) : undefined
    });
    if (response.status === 401 && path !== '/login') { showLogin(); throw new Error('signed out'); }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((data && (data.title || data.detail)) || response.statusText);
    return data;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null) node.setAttribute(k, v);
    }
    for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
    return node;
  }

  // Messages are Markdown (the bot's articles, agents' bold); escape first, then allow bold, italics and safe links.
  function markdown(text) {
    const escaped = String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const html = escaped
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])\*(?!\s)(.+?)\*(?=[\s).,!?]|$)/gm, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/)[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    const node = el('div', { class: 'text' });
    node.innerHTML = html;
    return node;
  }

  function showLogin() { $('app').hidden = true; $('login').hidden = false; $('login-id').focus(); }

  $('login-form').addEventListener('submit', async e => {
    e.preventDefault();
    $('login-error').textContent = '';
    try {
      await api('/login', { method: 'POST', body: { id: $('login-id').value, password: $('login-password').value } });
      await start();
    } catch (err) { $('login-error').textContent = err.message; }
  });

  $('logout').addEventListener('click', async () => {
    await api('/logout', { method: 'POST' });
    if (state.hub) await state.hub.stop();
    location.reload();
  });

  $('presence').addEventListener('change', () => api('/presence', { method: 'POST', body: { status: $('presence').value } }));

  function waitedFor(ticket) {
    const minutes = Math.max(0, Math.round((Date.now() - new Date(ticket.createdAt)) / 60000));
    return minutes < 1 ? 'just now' : `${minutes} min`;
  }

  function renderQueue() {
    const waiting = [], mine = [], others = [];
    for (const t of state.tickets.values()) {
      if (t.status === 'Waiting') waiting.push(t);
      else if (t.status === 'Assigned' && t.assigneeId === state.me.id) mine.push(t);
      else if (t.status === 'Assigned') others.push(t);
    }
    waiting.sort((a, b) => b.priority - a.priority || new Date(a.createdAt) - new Date(b.createdAt));
    const item = t => el('li', {
      tabindex: 0, role: 'button', 'data-ticket': t.id, class: state.selected === t.id ? 'selected' : '',
      'aria-label': `Ticket ${t.id}, ${t.language}, ${t.reason}, queue ${t.queue}`,
      onclick: () => select(t.id), onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(t.id); } }
    },
      el('div', { class: 'line1' }, el('span', {}, `#${t.id}`), el('span', {}, waitedFor(t))),
      el('div', {}, el('span', { class: 'badge lang' }, t.language.toUpperCase()), el('span', { class: 'badge' + (t.priority >= 10 ? ' high' : '') }, `P${t.priority}`), el('span', { class: 'badge' }, t.queue)),
      el('div', { class: 'meta' }, `${t.reason} · ${t.channel}${t.playerId ? ' · ' + t.playerId : ''}`));
    $('waiting').replaceChildren(...waiting.map(item));
    $('mine').replaceChildren(...mine.map(item));
    $('others').replaceChildren(...others.map(item));
    $('waiting-count').textContent = waiting.length;
  }

  function renderTranscript() {
    const box = document.querySelector('.transcript');
    if (!box) return;
    box.replaceChildren(...state.transcript.map(m => el('div', { class: `msg ${m.sender}${m.internal ? ' internal' : ''}`, 'data-seq': m.seq },
      el('div', { class: 'who' }, `${m.internal ? 'Note · ' : ''}${m.senderName || m.sender} · ${new Date(m.at).toLocaleTimeString()}`),
      markdown(m.text))));
    box.scrollTop = box.scrollHeight;
  }

  async function select(id) {
    state.selected = id;
    renderQueue();
    const { ticket, transcript } = await api(`/tickets/${id}`);
    state.tickets.set(ticket.id, ticket);
    state.transcript = transcript;
    const held = ticket.status === 'Assigned' && ticket.assigneeId === state.me.id;
    const account = ticket.accountSnapshotJson ? JSON.parse(ticket.accountSnapshotJson) : null;
    // Candidates that round to 0 % tell the agent nothing; the first is always shown.
    const intents = ticket.topIntents.filter((i, n) => n === 0 || i.score >= 0.005)
      .map(i => `${i.intent} ${(i.score * 100).toFixed(0)}%`).join(', ') || '—';
    const pane = $('ticket');
    pane.replaceChildren(
      el('dl', { class: 'context' },
        el('h1', {}, `Ticket #${ticket.id}`, el('span', { class: 'badge lang' }, ticket.language.toUpperCase()), el('span', { class: 'badge' }, ticket.status),
          ticket.status === 'Waiting' ? el('button', { id: 'claim', onclick: () => claim(ticket.id) }, 'Claim') : ''),
        el('dt', {}, 'Reason'), el('dd', { id: 'ctx-reason' }, ticket.reason),
        el('dt', {}, 'Queue'), el('dd', {}, ticket.queue),
        el('dt', {}, 'Channel'), el('dd', {}, ticket.channel),
        el('dt', {}, 'Player'), el('dd', {}, account ? `${account.displayName} (${ticket.playerId})${account.isVip ? ' · VIP' : ''}` : (ticket.playerId || 'not signed in')),
        el('dt', {}, 'Top intents'), el('dd', {}, intents),
        el('dt', {}, 'Articles shown'), el('dd', {}, ticket.articlesShown.join(', ') || '—'),
        el('dt', {}, 'Balance'), el('dd', {}, account ? `${account.balance} ${account.currency}` : '—'),
        el('dt', {}, 'SLA due'), el('dd', {}, new Date(ticket.slaDueAt).toLocaleTimeString())),
      el('div', { class: 'transcript', role: 'log', 'aria-label': 'Transcript' }),
      el('form', { class: 'composer', id: 'composer', onsubmit: e => { e.preventDefault(); send(false); } },
        el('textarea', { id: 'reply', placeholder: held ? 'Reply to the player (Enter to send, Shift+Enter for a new line)' : 'Claim the ticket to reply; notes are always possible', 'aria-label': 'Message',
          onkeydown: e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(false); } },
          oninput: () => { if (held) typing(ticket.id); } }),
        el('button', { type: 'submit', id: 'send', disabled: held ? null : 'disabled' }, 'Send'),
        el('button', { type: 'button', class: 'secondary', id: 'note', onclick: () => send(true) }, 'Add note')));
    renderTranscript();
    loadCanned(ticket.language);
    (held ? $('reply') : ($('claim') || $('reply'))).focus();
  }

  // The player sees "typing…" while the agent writes; at most one signal every 3 seconds.
  let lastTyping = 0;
  function typing(id) {
    if (Date.now() - lastTyping < 3000) return;
    lastTyping = Date.now();
    api(`/tickets/${id}/typing`, { method: 'POST' }).catch(() => {});
  }

  async function claim(id) {
    try {
      const ticket = await api(`/tickets/${id}/claim`, { method: 'POST' });
      state.tickets.set(ticket.id, ticket);
      await select(id);
    } catch (err) { alert(err.message); await refresh(); }
  }

  async function send(internal) {
    const text = $('reply').value.trim();
    if (!text || !state.selected) return;
    try {
      const message = await api(`/tickets/${state.selected}/${internal ? 'notes' : 'messages'}`, { method: 'POST', body: { text } });
      $('reply').value = '';
      addMessage(state.selected, message);
    } catch (err) { alert(err.message); }
  }

  function addMessage(ticketId, message) {
    if (ticketId !== state.selected || state.transcript.some(m => m.seq === message.seq)) return;
    state.transcript.push(message);
    state.transcript.sort((a, b) => a.seq - b.seq);
    renderTranscript();
  }

  async function loadCanned(language) {
    const list = await api(`/canned?language=${encodeURIComponent(language)}`);
    $('canned').replaceChildren(...list.map(c => el('li', { tabindex: 0, title: c.text,
      onclick: () => insert(c.text), onkeydown: e => { if (e.key === 'Enter') insert(c.text); } }, c.title)));
  }

  function insert(text) { const box = $('reply'); if (box) { box.value = text; box.focus(); } }

  $('kb-form').addEventListener('submit', async e => {
    e.preventDefault();
    const ticket = state.tickets.get(state.selected);
    const hits = await api(`/kb?q=${encodeURIComponent($('kb-query').value)}&language=${ticket ? ticket.language : 'en'}`);
    $('kb-results').replaceChildren(...hits.map(h => el('li', { tabindex: 0, title: 'Send this article to the player',
      onclick: () => sendArticle(h.articleId), onkeydown: e2 => { if (e2.key === 'Enter') sendArticle(h.articleId); } },
      h.title, el('small', {}, h.snippet))));
  });

  async function sendArticle(articleId) {
    if (!state.selected) return;
    try { addMessage(state.selected, await api(`/tickets/${state.selected}/article`, { method: 'POST', body: { articleId } })); }
    catch (err) { alert(err.message); }
  }

  $('transfer-form').addEventListener('submit', async e => {
    e.preventDefault();
    if (!state.selected) return;
    try {
      const ticket = await api(`/tickets/${state.selected}/transfer`, { method: 'POST', body: { queue: $('transfer-queue').value, note: $('transfer-note').value } });
      $('transfer-note').value = '';
      state.selected = null;
      $('ticket').replaceChildren(el('p', { class: 'empty', id: 'transferred-note' },
        `Ticket #${ticket.id} transferred to ${ticket.queue}${ticket.assigneeId ? ' (' + ticket.assigneeId + ')' : ''}. The context and your note went along.`));
      await refresh();
    } catch (err) { alert(err.message); }
  });

  $('resolve-form').addEventListener('submit', async e => {
    e.preventDefault();
    if (!state.selected) return;
    try {
      const ticket = await api(`/tickets/${state.selected}/resolve`, { method: 'POST', body: { resolutionCode: $('resolution').value } });
      state.tickets.delete(ticket.id);
      state.selected = null;
      $('ticket').replaceChildren(el('p', { class: 'empty', id: 'resolved-note' }, `Ticket #${ticket.id} resolved. The player is back with the bot and is asked for a rating.`));
      renderQueue();
    } catch (err) { alert(err.message); }
  });

  async function refresh() {
    const tickets = await api('/tickets');
    state.tickets = new Map(tickets.map(t => [t.id, t]));
    renderQueue();
  }

  async function start() {
    state.me = await api('/me');
    $('login').hidden = true;
    $('app').hidden = false;
    $('me').textContent = `${state.me.displayName} · ${state.me.role} · ${state.me.queues.join(', ')}`;
    const queues = await api('/queues');
    $('transfer-queue').replaceChildren(...queues.map(q => el('option', { value: q.name }, `${q.displayName || q.name} (L${q.tier})`)));
    await refresh();
    // WebSockets only, without the negotiate round trip: the connection lives on the host that accepted it, so several
    // hosts behind a load balancer need no sticky sessions.
    state.hub = new signalR.HubConnectionBuilder()
      .withUrl('/agent/hub', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
      .withAutomaticReconnect()
      .build();
    state.hub.on('Ticket', ticket => {
      if (ticket.status === 'Resolved' || ticket.status === 'Abandoned') state.tickets.delete(ticket.id); else state.tickets.set(ticket.id, ticket);
      renderQueue();
    });
    state.hub.on('Message', (ticketId, message) => addMessage(ticketId, message));
    state.hub.onreconnecting(() => { $('connection').textContent = 'reconnecting…'; });
    state.hub.onreconnected(async () => { await state.hub.invoke('Ready'); $('connection').textContent = 'live'; await refresh(); });
    await state.hub.start();
    // Tickets created between the first fetch and joining the queue groups were pushed to nobody: once the hub
    // says this connection is in its groups, fetch again.
    await state.hub.invoke('Ready');
    await refresh();
    $('connection').textContent = 'live';
    document.body.dataset.ready = 'true';
  }

  api('/me').then(() => start()).catch(() => showLogin());
  setInterval(renderQueue, 30000);
})();
