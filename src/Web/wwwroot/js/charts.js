// Interactive dashboard charts (Chart.js, served from /lib/chartjs): values on hover, series toggled from the legend.
// The server-rendered SVG stays in the page until this runs (and without JavaScript); every chart has its data table.
(function () {
  if (typeof Chart === 'undefined') return;
  var lang = document.documentElement.lang || 'fi';
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  document.querySelectorAll('figure[data-chart]').forEach(function (fig) {
    var spec;
    try { spec = JSON.parse(fig.getAttribute('data-chart')); } catch (e) { return; }
    var fmt = function (v) { return v === null || v === undefined ? '–' : number.format(v) + (spec.suffix || ''); };
    var wrap = document.createElement('div');
    wrap.className = 'chart-canvas';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', fig.getAttribute('aria-label') || '');
    wrap.appendChild(canvas);
    var svg = fig.querySelector('svg');
    if (svg) svg.setAttribute('hidden', '');
    fig.appendChild(wrap);
    var datasets = spec.series.map(function (s) {
      return {
        label: s.name, data: s.values, borderColor: s.color, backgroundColor: s.fill ? s.color + '33' : s.color,
        borderDash: s.dashed ? [6, 4] : [], pointRadius: s.points ? 3 : 0, borderWidth: s.width || 2,
        fill: s.fill || false, spanGaps: false, hidden: false
      };
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + fmt(ctx.parsed.y); } } }
        },
        scales: { y: { title: { display: !!spec.yTitle, text: spec.yTitle }, ticks: { callback: function (v) { return number.format(v); } } } }
      }
    });
  });
})();
