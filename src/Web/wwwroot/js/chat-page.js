// The resident page /neuvonta: mounts the widget on #tk-chat (language and team from its data attributes).
(function () {
  var root = document.getElementById('tk-chat');
  if (root) window.TilannekuvaChat.mount(root, { base: '', lang: root.dataset.lang, team: root.dataset.team || null });
})();
