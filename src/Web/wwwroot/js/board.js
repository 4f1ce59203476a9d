// Wall screen: fetch the tiles every N seconds and swap them in. Uses no cookie (the token in the URL
// is the credential), so an expired sign-in can never interrupt the screen with a login page.
(function () {
    var board = document.getElementById('board');
    var offline = document.getElementById('offline-warning');
    if (!board || !window.fetch) return;
    var seconds = Math.max(1, parseInt(board.getAttribute('data-refresh'), 10) || 60);
    function tick() {
        fetch(board.getAttribute('data-src'), { credentials: 'omit', cache: 'no-store', redirect: 'error' })
            .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
            .then(function (html) { board.innerHTML = html; offline.hidden = true; board.setAttribute('data-refreshed', new Date().toISOString()); })
            .catch(function () { offline.hidden = false; })
            .then(function () { setTimeout(tick, seconds * 1000); });
    }
    setTimeout(tick, seconds * 1000);
})();
