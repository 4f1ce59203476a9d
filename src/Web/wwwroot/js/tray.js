// Service tray: the print button (the page works without this file; the browser's own print does the same).
document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
