// Contact sampling quick entry (Pages/Sampling/Record): a tap on an outcome button saves. Each record gets an id
// here and waits in localStorage until the server has it, so records made offline are sent when the network
// answers again and a resend is stored once (the server keys records by this id). No inline script (CSP).
(function () {
    var form = document.getElementById('record-form');
    if (!form) return;
    var key = form.getAttribute('data-queue');
    var countKey = key + '-count';
    var status = document.getElementById('sampling-status');
    var countLine = document.getElementById('sampling-count');
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    var sending = false;

    function load() { try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch (e) { return []; } }
    function store(q) { localStorage.setItem(key, JSON.stringify(q)); }
    function say(text) { status.textContent = text; }
    function fmt(attr, n) { return form.getAttribute(attr).replace('{0}', String(n)); }
    function showCount() { countLine.textContent = fmt('data-count', parseInt(localStorage.getItem(countKey) || '0', 10)); }

    function uuid() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
        return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }
    function localTime(d) {
        function p(n) { return (n < 10 ? '0' : '') + n; }
        return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
    }

    // Sends the queue in order; stops at the first network failure and tries again later.
    function flush() {
        if (sending) return;
        var q = load();
        if (q.length === 0) return;
        sending = true;
        var record = q[0];
        fetch(form.getAttribute('data-save'), {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token ? token.value : '' },
            body: JSON.stringify(record)
        }).then(function (r) {
            sending = false;
            if (r.status === 200 || r.status === 201 || r.status === 400) {
                // Stored (or stored before), or refused for good: either way it leaves the queue.
                store(load().filter(function (x) { return x.clientId !== record.clientId; }));
                if (r.status === 400) r.json().then(function (e) { say(e.message || ''); }).catch(function () {});
                var left = load().length;
                if (left > 0) flush(); else if (r.status !== 400) say(form.getAttribute('data-saved') + ' · ' + form.getAttribute('data-sent'));
                document.body.setAttribute('data-queue', String(load().length));
            } else {
                say(fmt('data-queued', load().length));
            }
        }).catch(function () {
            sending = false;
            say(fmt('data-queued', load().length));
            document.body.setAttribute('data-queue', String(load().length));
        });
    }

    form.addEventListener('submit', function (e) {
        e.preventDefault();
        var outcome = (e.submitter && e.submitter.value) || 'value';
        var channel = form.querySelector('input[name="channel"]:checked');
        var reason = form.querySelector('input[name="reason"]:checked');
        var digital = form.querySelector('input[name="digital"]:checked');
        if (!channel || !reason) return;
        var failure = outcome.indexOf('failure:') === 0;
        var q = load();
        q.push({
            clientId: uuid(), channel: channel.value, reason: reason.value,
            demand: failure ? 'failure' : 'value', failureKind: failure ? outcome.slice(8) : null,
            digitalPossible: digital ? digital.value === 'yes' : null, recordedAt: localTime(new Date())
        });
        store(q);
        localStorage.setItem(countKey, String(parseInt(localStorage.getItem(countKey) || '0', 10) + 1));
        showCount();
        // Ready for the next contact: the channel stays, the rest clears.
        reason.checked = false;
        if (digital) digital.checked = false;
        say(form.getAttribute('data-saved'));
        document.body.setAttribute('data-queue', String(q.length));
        window.scrollTo(0, 0);
        flush();
    });

    // The page itself for a reload without network (sampling-sw.js). The first visit is not yet under the worker,
    // so the page and what it loads are put in the worker's cache from here.
    function keepForOffline() {
        if (!('serviceWorker' in navigator) || !window.caches) return;
        navigator.serviceWorker.register('/sampling-sw.js', { scope: '/sampling/' }).then(function () {
            return navigator.serviceWorker.ready;
        }).then(function () {
            var urls = [location.pathname];
            document.querySelectorAll('script[src], link[rel="stylesheet"][href]').forEach(function (el) {
                var u = new URL(el.src || el.href, location.href);
                if (u.origin === location.origin) urls.push(u.pathname + u.search);
            });
            return caches.open('tilannekuva-sampling-v1').then(function (cache) { return cache.addAll(urls); });
        }).then(function () {
            document.body.setAttribute('data-offline-ready', '1');
        }).catch(function () { /* without the worker the queue still keeps records; only a reload needs the network */ });
    }

    window.addEventListener('online', flush);
    setInterval(flush, 5000);
    showCount();
    flush();
    keepForOffline();
})();
