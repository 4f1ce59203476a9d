// Service worker of contact sampling (scope /sampling/). A reception desk's network comes and goes: the quick-entry
// page, its scripts and its styles are kept here, so that a reload without network shows the form again, while
// records wait in localStorage until the server has them (js/sampling.js). Network first: whenever the server
// answers, the current page is shown and kept; the cache is only the fallback. Only GETs of this origin are
// touched, and of pages only the quick-entry page is kept (results and other pages are never stored).
var CACHE = 'tilannekuva-sampling-v1';
var RECORD_PAGE = /^\/sampling\/\d+\/record$/;

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', function (e) {
    var request = e.request;
    var url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) return;
    var keep = request.mode === 'navigate' ? RECORD_PAGE.test(url.pathname) : /^\/(css|js|lib)\//.test(url.pathname);
    e.respondWith(fetch(request).then(function (response) {
        if (keep && response.ok && !response.redirected) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
    }).catch(function () {
        return caches.match(request).then(function (hit) { return hit || Response.error(); });
    }));
});
