// Buttons that once had inline handlers (not allowed by the CSP): data-print prints the page,
// data-confirm asks before submitting.
document.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('[data-print],[data-confirm]') : null;
    if (!el) return;
    if (el.hasAttribute('data-print')) { window.print(); return; }
    if (!window.confirm(el.getAttribute('data-confirm'))) e.preventDefault();
});
