// One script tag on a county's own site (its origin listed in Guidance:AllowedOrigins):
//   <script src="https://<tilannekuva>/chat/embed.js" data-team="NEUVONTA" data-lang="fi" async></script>
// Adds a button that opens the chat panel; loads the SignalR client, the widget and its stylesheet from the product's own origin.
(function () {
  var me = document.currentScript;
  if (!me) return;
  var base = new URL(me.src).origin;
  var lang = me.getAttribute('data-lang') || (document.documentElement.lang || 'fi').slice(0, 2);
  if (['fi', 'sv', 'en'].indexOf(lang) < 0) lang = 'fi';
  var team = me.getAttribute('data-team');

  function script(src) {
    return new Promise(function (ok, fail) { var s = document.createElement('script'); s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
  }
  var css = document.createElement('link');
  css.rel = 'stylesheet'; css.href = base + '/css/chat.css';
  document.head.appendChild(css);

  var wrap = document.createElement('div');
  wrap.className = 'tk-embed';
  var open = document.createElement('button');
  open.type = 'button'; open.className = 'tk-embed-open'; open.setAttribute('aria-expanded', 'false');
  var panel = document.createElement('section');
  panel.className = 'tk-embed-panel'; panel.hidden = true; panel.id = 'tk-embed-panel';
  open.setAttribute('aria-controls', panel.id);
  var close = document.createElement('button');
  close.type = 'button'; close.className = 'tk-embed-close';
  var root = document.createElement('div');
  panel.appendChild(close); panel.appendChild(root);
  wrap.appendChild(open); wrap.appendChild(panel);
  (document.body || document.documentElement).appendChild(wrap);

  var mounted = null;
  function show(v) {
    panel.hidden = !v; open.setAttribute('aria-expanded', String(v));
    if (v) { if (!mounted) mounted = window.TilannekuvaChat.mount(root, { base: base, lang: lang, team: team, withCredentials: false }); panel.querySelector('textarea') && panel.querySelector('textarea').focus(); }
    else open.focus();
  }
  open.addEventListener('click', function () { show(panel.hidden); });
  close.addEventListener('click', function () { show(false); });
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') show(false); });

  Promise.all([window.signalR ? null : script(base + '/lib/signalr/signalr.min.js'), window.TilannekuvaChat ? null : script(base + '/js/chat.js'),
    fetch(base + '/chat/texts/' + lang, { credentials: 'omit' }).then(function (r) { return r.json(); })])
    .then(function (r) {
      var t = r[2];
      open.textContent = t['Guidance.Chat.Open'];
      close.textContent = t['Guidance.Chat.Close'];
      panel.setAttribute('aria-label', t['Guidance.Chat.Title']);
      if (window.sessionStorage.getItem('tilannekuva.chat.id')) show(true);
    });
})();
