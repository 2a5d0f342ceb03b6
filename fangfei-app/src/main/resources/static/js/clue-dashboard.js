// Draws the clue dashboard's charts from /api/v1/clues/dashboard; the page's tables show the same figures without script.
(function () {
  var script = document.getElementById('dashboard-script');
  if (!script || typeof echarts === 'undefined') {
    return;
  }
  fetch(script.getAttribute('data-source'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (figures) {
      if (!figures) {
        return;
      }
      pie('chart-state', figures.byState);
      pie('chart-source', figures.bySource);
      bars('chart-township', figures.byTownship.slice(0, 15));
    });

  // tooltips render as rich text inside the chart: ECharts' default HTML tooltip carries style
  // attributes, which the content security policy refuses.
  // marks the chart once drawn, so that a screenshot or a test can wait for the finished picture
  function draw(el, option) {
    var chart = echarts.init(el);
    chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
    chart.setOption(option);
    // a phone turned, a window narrowed: the chart follows its box instead of spilling out
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function pie(id, counts) {
    var el = document.getElementById(id);
    if (!el || counts.length === 0) {
      return;
    }
    draw(el, {
      tooltip: { trigger: 'item', renderMode: 'richText' },
      series: [{ type: 'pie', radius: ['35%', '65%'],
        data: counts.map(function (c) { return { name: c.label, value: c.count }; }) }]
    });
  }

  function bars(id, counts) {
    var el = document.getElementById(id);
    if (!el || counts.length === 0) {
      return;
    }
    draw(el, {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 80, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map(function (c) { return c.label; }) },
      series: [{ type: 'bar', data: counts.map(function (c) { return c.count; }) }]
    });
  }
})();
