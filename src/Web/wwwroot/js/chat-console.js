// The advisors' console /neuvonta/konsoli: the queues of the advisor's teams, several chats open at once, canned replies,
// transfer to another team's queue, end with a resolution; and remote consultation to a staff-only team.
(function () {
  'use strict';
  var C = window.TilannekuvaChat, el = C.el, fmt = C.fmt;
  var root = document.getElementById('tk-console');
  if (!root) return;
  var lang = root.dataset.lang || 'fi';
  var t, conn, allTeams = [], open = {};
  var queues = document.getElementById('tk-queues'), chats = document.getElementById('tk-chats'), status = document.getElementById('tk-console-status');
  var RESOLUTIONS = ['Handled', 'DirectedToService', 'CallbackBooked', 'Transferred', 'NoAnswer'];

  function say(s) { status.textContent = s; }
  function fail(e) { var k = e && e.message ? (e.message.match(/Guidance\.Error\.[A-Za-z]+/) || [])[0] : null; say(t[k] || t['Guidance.Error.Failed']); }
  function minutes(since) { return Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 60000)) + ' min'; }

  function refresh() {
    return conn.invoke('Queues').then(function (q) {
      allTeams = q.allTeams;
      var consult = document.getElementById('tk-consult-team');
      if (consult && !consult.options.length) q.allTeams.filter(function (x) { return x.staffOnly; }).forEach(function (x) { consult.appendChild(el('option', { value: x.code }, x.name)); });
      queues.textContent = '';
      if (!q.myTeams.length) { queues.appendChild(el('p', null, t['Guidance.Console.NoTeams'])); return; }
      if (!q.chats.length) { queues.appendChild(el('p', null, t['Guidance.Console.Empty'])); return; }
      var table = el('table', { 'class': 'data tk-queue-table' });
      var head = el('tr');
      ['Guidance.Console.Team', 'Guidance.Console.State', 'Guidance.Console.Waiting', 'Guidance.Console.Chats'].forEach(function (k, i) { head.appendChild(el('th', { scope: 'col' }, i === 3 ? '' : t[k])); });
      table.appendChild(el('thead')).appendChild(head);
      var body = el('tbody');
      q.chats.forEach(function (c) {
        var tr = el('tr', { 'data-chat': c.id });
        var team = q.myTeams.filter(function (x) { return x.code === c.teamCode; })[0];
        tr.appendChild(el('td', null, team ? team.name : c.teamCode));
        tr.appendChild(el('td', null, t['Guidance.Console.State.' + c.state] + (c.advisor ? ' (' + c.advisor + ')' : '') + (c.consultant ? ' – ' + fmt(t['Guidance.Console.Consultant'], [c.consultant]) : '')));
        tr.appendChild(el('td', null, minutes(c.queuedAt || c.startedAt)));
        var td = el('td');
        var b = el('button', { type: 'button', 'class': c.state === 'Queued' ? 'tk-accept' : 'tk-open' }, c.state === 'Queued' ? t['Guidance.Console.Accept'] : t['Guidance.Console.Open']);
        b.addEventListener('click', function () { conn.invoke(c.state === 'Queued' ? 'Accept' : 'Open', c.id).then(show).then(refresh).catch(fail); });
        if (!open[c.id]) td.appendChild(b);
        tr.appendChild(td);
        body.appendChild(tr);
      });
      table.appendChild(body);
      queues.appendChild(table);
    }).catch(fail);
  }

  function show(c) {
    if (open[c.id]) return;
    var n = Object.keys(open).length + 1;
    var box = el('section', { 'class': 'tk-console-chat', 'data-chat': c.id, 'aria-label': fmt(t['Guidance.Console.Chat'], [n]) });
    box.appendChild(el('h3', null, fmt(t['Guidance.Console.Chat'], [n]) + (c.consultant ? ' – ' + fmt(t['Guidance.Console.Consultant'], [c.consultant]) : '')));
    var log = el('div', { 'class': 'tk-log', role: 'log', 'aria-live': 'polite', tabindex: '0', 'aria-label': t['Guidance.Chat.Log'] });
    var seen = {};
    function add(m) { if (seen[m.id]) return; seen[m.id] = true; log.appendChild(C.renderMessage(t, relabel(m), '')); log.scrollTop = log.scrollHeight; }
    c.messages.forEach(add);
    box.appendChild(log);
    var id = 'tk-r-' + c.id.slice(0, 8);
    var form = el('form', { 'class': 'tk-form' });
    form.appendChild(el('label', { 'for': id }, t['Guidance.Console.Reply']));
    var input = el('textarea', { id: id, rows: '2', maxlength: '2000' });
    form.appendChild(input);
    form.appendChild(el('button', { type: 'submit', 'class': 'tk-send' }, t['Guidance.Chat.Send']));
    box.appendChild(form);
    var tools = el('div', { 'class': 'tk-tools' });
    var cannedId = id + '-c', canned = el('select', { id: cannedId });
    [1, 2, 3, 4].forEach(function (i) { canned.appendChild(el('option', { value: t['Guidance.Console.Canned.' + i] }, t['Guidance.Console.Canned.' + i])); });
    var insert = el('button', { type: 'button' }, t['Guidance.Console.Insert']);
    insert.addEventListener('click', function () { input.value = canned.value; input.focus(); });
    tools.appendChild(el('label', { 'for': cannedId }, t['Guidance.Console.Canned'])); tools.appendChild(canned); tools.appendChild(insert);
    var teamId = id + '-t', teamSel = el('select', { id: teamId });
    allTeams.filter(function (x) { return x.code !== c.teamCode; }).forEach(function (x) { teamSel.appendChild(el('option', { value: x.code }, x.name)); });
    var transfer = el('button', { type: 'button', 'class': 'tk-transfer' }, t['Guidance.Console.Transfer']);
    transfer.addEventListener('click', function () { conn.invoke('Transfer', c.id, teamSel.value).then(function () { close(); refresh(); }).catch(fail); });
    tools.appendChild(el('label', { 'for': teamId }, t['Guidance.Console.TransferTo'])); tools.appendChild(teamSel); tools.appendChild(transfer);
    var resId = id + '-e', res = el('select', { id: resId });
    RESOLUTIONS.forEach(function (r) { res.appendChild(el('option', { value: r }, t['Guidance.Resolution.' + r])); });
    var endB = el('button', { type: 'button', 'class': 'tk-endchat' }, t['Guidance.Console.EndChat']);
    endB.addEventListener('click', function () { conn.invoke('End', c.id, res.value).then(function () { close(); refresh(); }).catch(fail); });
    tools.appendChild(el('label', { 'for': resId }, t['Guidance.Console.Resolution'])); tools.appendChild(res); tools.appendChild(endB);
    box.appendChild(tools);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      conn.invoke('Reply', c.id, text).then(function (m) { add(m); input.value = ''; input.focus(); }).catch(fail);
    });
    function close() { delete open[c.id]; box.remove(); }
    open[c.id] = { add: add, close: close };
    chats.appendChild(box);
    input.focus();
  }

  // In the console the other side is the client (or the consulting professional), not "you".
  function relabel(m) { return m.sender === 'Resident' ? Object.assign({}, m, { sender: 'Resident' }) : m; }

  C.loadTexts('', lang).then(function (texts) {
    t = Object.assign({}, texts, { 'Guidance.Chat.You': texts['Guidance.Chat.Resident'] });
    conn = C.connection('', true);
    conn.on('queues', refresh);
    conn.on('message', function (cid, m) { if (open[cid]) open[cid].add(m); });
    conn.on('state', function (cid, state) { if (state === 'Ended' && open[cid]) say(t['Guidance.Chat.Ended']); refresh(); });
    // After a reconnect (or a server restart) the new connection is in no group: the queues and every open chat are fetched again
    // from the database, so whatever was sent during the gap shows (messages already shown are skipped by id).
    function refetch() {
      return Promise.all(Object.keys(open).map(function (cid) {
        return conn.invoke('Open', cid).then(function (c) { c.messages.forEach(open[cid].add); })
          .catch(function () { if (open[cid]) open[cid].close(); });
      })).then(refresh).then(function () { say(t['Guidance.Console.Refetched']); root.dataset.refetched = String(Date.now()); });
    }
    conn.onreconnected(refetch);
    // Automatic reconnecting gave up (a long restart): start again every few seconds until the server answers, then refetch.
    conn.onclose(function () {
      say(t['Guidance.Chat.Reconnecting']);
      (function again() { conn.start().then(refetch).catch(function () { setTimeout(again, 2000); }); })();
    });
    // A team membership changed: the server already left the groups of teams no longer ours; chats of those teams close here.
    conn.on('membership', function () {
      Promise.all(Object.keys(open).map(function (cid) {
        return conn.invoke('Open', cid).catch(function () { if (open[cid]) open[cid].close(); });
      })).then(refresh).then(function () { say(t['Guidance.Console.Membership']); });
    });
    var consult = document.getElementById('tk-consult');
    consult.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var box = document.getElementById('tk-consult-chat');
      box.textContent = '';
      var mountRoot = el('div');
      box.appendChild(mountRoot);
      conn.invoke('Consult', lang, document.getElementById('tk-consult-team').value).then(function (j) {
        window.sessionStorage.setItem('tilannekuva.chat.id', j.id);
        C.mount(mountRoot, { base: '', lang: lang, withCredentials: true });
      }).catch(fail);
    });
    return conn.start().then(refresh);
  });
})();
