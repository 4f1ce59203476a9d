// The guidance chat widget (issue #17), shared by the resident page /neuvonta, the embed script /chat/embed.js and the
// advisors' console. No inline script (CSP script-src 'self'); texts come from /chat/texts/{lang}; the chat id is kept in
// sessionStorage so a reload, a reconnect or a server restart shows the same conversation again (history from the database).
(function () {
  'use strict';
  var KEY = 'tilannekuva.chat.id';

  function fmt(s, args) { return String(s).replace(/\{(\d+)\}/g, function (_, i) { return args[+i] === undefined ? '' : args[+i]; }); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function loadTexts(base, lang) {
    return fetch(base + '/chat/texts/' + encodeURIComponent(lang), { credentials: 'omit' }).then(function (r) { return r.json(); });
  }

  function connection(base, withCredentials) {
    return new signalR.HubConnectionBuilder()
      .withUrl(base + '/chat/hub', { withCredentials: withCredentials })
      .withAutomaticReconnect([0, 1000, 2000, 3000, 5000, 5000, 10000, 10000, 10000, 30000])
      .build();
  }

  function days(t, open) {
    return open.split('').map(function (d) { return t['Guidance.Day.' + d] || d; }).join(', ');
  }

  // One message as a list item: who, the text, and for bot answers the article it came from.
  function renderMessage(t, m, base) {
    var who = { Resident: 'Guidance.Chat.You', Bot: 'Guidance.Chat.Bot', Advisor: 'Guidance.Chat.Advisor', System: null }[m.sender];
    var li = el('div', { 'class': 'tk-msg tk-' + m.sender.toLowerCase(), 'data-id': m.id });
    if (m.sender === 'System') {
      var parts = m.text.split(':');
      var text = parts[0] === 'callback' ? t['Guidance.Chat.CallbackDone']
        : parts[0] === 'transfer' ? fmt(t['Guidance.Chat.Transferred'], [parts[1]])
        : parts[0] === 'end' ? t['Guidance.Chat.Ended'] + ' ' + (t['Guidance.Resolution.' + parts[1]] || '') : m.text;
      li.appendChild(el('p', null, text));
      return li;
    }
    li.appendChild(el('span', { 'class': 'tk-who' }, (t[who] || m.sender) + ': '));
    li.appendChild(el('span', { 'class': 'tk-text' }, m.text));
    if (m.articleQuestion) {
      var src = el('p', { 'class': 'tk-source' });
      src.appendChild(document.createTextNode(fmt(t['Guidance.Chat.Source'], ['']) ));
      var a = m.sourceUrl ? el('a', { href: m.sourceUrl, rel: 'noopener', target: '_blank' }, m.articleQuestion) : el('span', null, m.articleQuestion);
      src.appendChild(a);
      li.appendChild(src);
      if (m.trayEntryId) {
        var s = el('p', { 'class': 'tk-service' });
        s.appendChild(el('a', { href: base + '/palvelut/' + m.trayEntryId }, t['Guidance.Chat.Service']));
        li.appendChild(s);
      }
      if (m.eServiceUrl) {
        var e = el('p', { 'class': 'tk-eservice' });
        e.appendChild(el('a', { href: m.eServiceUrl, rel: 'noopener', target: '_blank' }, t['Guidance.Chat.EService']));
        li.appendChild(e);
      }
    } else if (m.sender === 'Bot' && m.trayEntryId) {
      // The second source: a service from the service tray when no article was confident.
      var tray = el('p', { 'class': 'tk-source tk-from-tray' });
      tray.appendChild(document.createTextNode(fmt(t['Guidance.Chat.Source'], [''])));
      tray.appendChild(el('a', { href: base + '/palvelut/' + m.trayEntryId }, t['Guidance.Chat.FromTray']));
      li.appendChild(tray);
    }
    return li;
  }

  function mount(root, opts) {
    var base = opts.base || '';
    var lang = opts.lang || 'fi';
    var team = opts.team || null;
    var store = opts.storage || window.sessionStorage;
    var t = null, conn = null, id = store.getItem(KEY), seen = {}, ended = false;

    root.classList.add('tk-chat');
    var log = el('div', { 'class': 'tk-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
    var status = el('p', { 'class': 'tk-status', role: 'status', 'aria-live': 'polite' });
    var form = el('form', { 'class': 'tk-form' });
    var inputId = 'tk-input-' + Math.random().toString(36).slice(2, 8);
    var label = el('label', { 'for': inputId });
    var input = el('textarea', { id: inputId, rows: '2', maxlength: '2000', required: 'required' });
    var send = el('button', { type: 'submit', 'class': 'tk-send' });
    form.appendChild(label); form.appendChild(input); form.appendChild(send);
    var actions = el('div', { 'class': 'tk-actions' });
    var person = el('button', { type: 'button', 'class': 'tk-person' });
    var end = el('button', { type: 'button', 'class': 'tk-end' });
    actions.appendChild(person); actions.appendChild(end);
    var queue = el('div', { 'class': 'tk-queue', hidden: 'hidden' });
    var callback = el('form', { 'class': 'tk-callback', hidden: 'hidden' });
    var phoneId = inputId + '-phone';
    var phoneLabel = el('label', { 'for': phoneId });
    var phone = el('input', { id: phoneId, type: 'tel', autocomplete: 'tel', required: 'required' });
    var callbackSend = el('button', { type: 'submit' });
    callback.appendChild(phoneLabel); callback.appendChild(phone); callback.appendChild(callbackSend);
    var closing = el('div', { 'class': 'tk-closing', hidden: 'hidden' });
    [log, status, queue, callback, form, actions, closing].forEach(function (e) { root.appendChild(e); });

    function say(text) { status.textContent = text; }
    function add(m) {
      if (seen[m.id]) return;
      seen[m.id] = true;
      log.appendChild(renderMessage(t, m, base));
      log.scrollTop = log.scrollHeight;
    }
    function showQueue(q) {
      queue.hidden = false;
      queue.textContent = '';
      if (q.position > 0) queue.appendChild(el('p', null, fmt(t['Guidance.Chat.Queue'], [q.teamName, fmt(t['Guidance.Chat.Position'], [q.position]), q.estimatedMinutes])));
      if (!q.open) queue.appendChild(el('p', null, t['Guidance.Chat.Closed']));
      queue.appendChild(el('p', null, fmt(t['Guidance.Chat.Hours'], [days(t, q.openDays), q.opens, q.closes])));
      if (q.callbackOffered) { queue.appendChild(el('p', null, t['Guidance.Chat.CallbackOffer'])); callback.hidden = false; }
    }
    function showEnded(feedbackUrl) {
      ended = true;
      form.hidden = true; actions.hidden = true; callback.hidden = true; queue.hidden = true;
      closing.hidden = false;
      closing.textContent = '';
      closing.appendChild(el('p', null, t['Guidance.Chat.Ended']));
      var fs = el('fieldset');
      fs.appendChild(el('legend', null, t['Guidance.Chat.HandledQuestion']));
      var yes = el('button', { type: 'button', 'class': 'tk-yes' }, t['Guidance.Chat.Yes']);
      var no = el('button', { type: 'button', 'class': 'tk-no' }, t['Guidance.Chat.No']);
      fs.appendChild(yes); fs.appendChild(no);
      closing.appendChild(fs);
      function answer(v) {
        conn.invoke('Leave', id, v).then(function (url) { fs.disabled = true; say(t['Guidance.Chat.Thanks']); link(url || feedbackUrl); }).catch(fail);
      }
      yes.addEventListener('click', function () { answer(true); });
      no.addEventListener('click', function () { answer(false); });
      link(feedbackUrl);
      var again = el('button', { type: 'button', 'class': 'tk-new' }, t['Guidance.Chat.NewChat']);
      again.addEventListener('click', function () { store.removeItem(KEY); id = null; ended = false; seen = {}; log.textContent = ''; closing.hidden = true; form.hidden = false; actions.hidden = false; greet(); input.focus(); });
      closing.appendChild(again);
    }
    function link(url) {
      if (!url || closing.querySelector('.tk-feedback')) return;
      var p = el('p', { 'class': 'tk-feedback' });
      p.appendChild(el('a', { href: (url.indexOf('http') === 0 ? '' : base) + url }, t['Guidance.Chat.Feedback']));
      closing.appendChild(p);
    }
    function fail(e) {
      var key = e && e.message ? (e.message.match(/Guidance\.Error\.[A-Za-z]+/) || [])[0] : null;
      say(t[key] || t['Guidance.Error.Failed']);
    }
    function greet() { add({ id: 'greeting', sender: 'Bot', text: t['Guidance.Chat.Greeting'] }); }
    function apply(j) {
      id = j.id; store.setItem(KEY, id);
      j.messages.forEach(add);
      if (j.queue) showQueue(j.queue);
      // Accepted while this page was away (reconnect, restart): no queue to show any more.
      if (j.state === 'Active') { queue.hidden = true; callback.hidden = true; }
      if (j.state === 'Ended') showEnded(j.feedbackUrl);
    }
    function join() {
      if (!id) return Promise.resolve();
      return conn.invoke('Join', id).then(apply).catch(function () { store.removeItem(KEY); id = null; });
    }
    function ensure() { return id ? Promise.resolve() : conn.invoke('Start', lang, team).then(apply); }
    function start() {
      say(t['Guidance.Chat.Connecting']);
      return conn.start().then(function () { say(t['Guidance.Chat.Connected']); return join(); })
        .catch(function () { setTimeout(start, 2000); });
    }

    return loadTexts(base, lang).then(function (texts) {
      t = texts;
      root.setAttribute('aria-label', t['Guidance.Chat.Title']);
      log.setAttribute('aria-label', t['Guidance.Chat.Log']);
      label.textContent = t['Guidance.Chat.Input'];
      send.textContent = t['Guidance.Chat.Send'];
      person.textContent = t['Guidance.Chat.AskPerson'];
      end.textContent = t['Guidance.Chat.End'];
      phoneLabel.textContent = t['Guidance.Chat.Phone'];
      callbackSend.textContent = t['Guidance.Chat.CallbackSend'];
      greet();
      conn = connection(base, !!opts.withCredentials);
      conn.on('message', function (cid, m) { if (cid === id) add(m); });
      conn.on('queue', function (cid, q) { if (cid === id) showQueue(q); });
      conn.on('state', function (cid, state, url) {
        if (cid !== id) return;
        if (state === 'Active') { queue.hidden = true; callback.hidden = true; say(t['Guidance.Chat.Accepted']); }
        if (state === 'Ended' && !ended) showEnded(url);
      });
      conn.onreconnecting(function () { say(t['Guidance.Chat.Reconnecting']); });
      conn.onreconnected(function () { say(t['Guidance.Chat.Connected']); join(); });
      conn.onclose(function () { say(t['Guidance.Chat.Reconnecting']); setTimeout(start, 1000); });
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var text = input.value.trim();
        if (!text) return;
        ensure().then(function () { return conn.invoke('Send', id, text); }).then(function () { input.value = ''; input.focus(); }).catch(fail);
      });
      person.addEventListener('click', function () { ensure().then(function () { return conn.invoke('AskPerson', id); }).then(showQueue).catch(fail); });
      end.addEventListener('click', function () {
        if (!id) { store.removeItem(KEY); return; }
        conn.invoke('Leave', id, null).then(function (url) { showEnded(url); }).catch(fail);
      });
      callback.addEventListener('submit', function (ev) {
        ev.preventDefault();
        conn.invoke('Callback', id, phone.value).then(function () { phone.value = ''; say(t['Guidance.Chat.CallbackDone']); }).catch(fail);
      });
      return start();
    });
  }

  window.TilannekuvaChat = { mount: mount, fmt: fmt, el: el, loadTexts: loadTexts, connection: connection, renderMessage: renderMessage };
})();
