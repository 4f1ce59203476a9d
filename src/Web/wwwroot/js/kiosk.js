// Kiosk idle reset: after the idle time without a touch or key the form clears (no network needed).
// Settings come from the script element's data attributes, so the page needs no inline script (CSP script-src 'self').
(function () {
    var script = document.currentScript;
    var idleMs = parseInt(script.getAttribute('data-idle-ms'), 10) || 60000, timer;
    var path = script.getAttribute('data-path') || location.pathname;
    var reloadInstead = script.getAttribute('data-reload') === 'true';
    var form = document.getElementById('feedback-form');
    function clear() {
        if (reloadInstead || !form) { location.replace(path); return; }
        form.reset();
        window.scrollTo(0, 0);
        document.body.setAttribute('data-reset', String(Date.now()));
        arm();
    }
    function arm() { clearTimeout(timer); timer = setTimeout(clear, idleMs); }
    ['pointerdown', 'keydown', 'input', 'change', 'scroll', 'touchstart'].forEach(function (e) {
        document.addEventListener(e, arm, { passive: true });
    });
    if (form) form.addEventListener('submit', function () {
        var b = form.querySelector('button[type=submit]'); if (b) b.disabled = true;
    });
    arm();
})();
