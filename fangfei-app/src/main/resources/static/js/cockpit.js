// Draws the leaders' cockpit: the township map (schematic tiles, or the imported GeoJSON) and the
// clue months, from the figures the page carries (or /cockpit/data); every tile and bar opens its list. The page's tables carry the
// same figures without script and for print.
(function () {
  var mapEl = document.getElementById('cockpit-map');
  var printButton = document.querySelector('[data-print]');
  if (printButton) {
    printButton.addEventListener('click', function () { window.print(); });
  }
  if (!mapEl || typeof echarts === 'undefined') {
    return;
  }
  var charts = [];
  // the figures come with the page (computed once per load); fetched only when they do not
  var carried = mapEl.getAttribute('data-figures');
  var figures = carried ? Promise.resolve(JSON.parse(carried))
    : fetch(mapEl.getAttribute('data-source'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; });
  figures
    .then(function (data) {
      if (!data) {
        return;
      }
      var geo = mapEl.getAttribute('data-geojson');
      if (geo) {
        fetch(geo, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; })
          .then(function (g) { return g ? boundaries(data, g) : tiles(data); });
      } else {
        tiles(data);
      }
      months(data.months);
    });
  // the tiles are sized from the map's width, so they are laid out again when it changes
  // (a phone turned, the print page) rather than stretched
  var relayout = [];
  function resize() {
    charts.forEach(function (c) { c.resize(); });
    relayout.forEach(function (f) { f(); });
  }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);

  function draw(el, option, onClick) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
    chart.setOption(option);
    if (onClick) {
      chart.on('click', onClick);
    }
    charts.push(chart);
    return chart;
  }

  function open(link) {
    if (link) {
      window.location.href = link;
    }
  }

  function tooltip(t) {
    return t.name + '<br>主体 ' + t.total + '，红色 ' + t.red + '，橙色 ' + t.orange + '<br>橙红占比 ' + t.share + '%';
  }

  function tiles(data) {
    var chart = null;
    function option() {
      var narrow = mapEl.clientWidth < 500;
      var cols = narrow ? 4 : data.columns;
      var points = data.townships.map(function (t, i) {
        return { name: t.name, value: [i % cols, Math.floor(i / cols)], t: t,
          itemStyle: { color: t.total === 0 ? '#ced4da' : t.colour },
          label: { color: t.worst === 'YELLOW' || t.total === 0 ? '#212529' : '#fff' } };
      });
      var rows = Math.ceil(points.length / cols);
      var cellWidth = (mapEl.clientWidth - 20) / cols;
      var cellHeight = (mapEl.clientHeight - 20) / rows;
      return {
        animation: false,
        tooltip: { formatter: function (p) { return tooltip(p.data.t); } },
        grid: { left: 10, right: 10, top: 10, bottom: 10 },
        xAxis: { type: 'value', min: -0.5, max: cols - 0.5, show: false },
        yAxis: { type: 'value', min: -0.5, max: rows - 0.5, inverse: true, show: false },
        series: [{ type: 'scatter', symbol: 'roundRect', symbolSize: [cellWidth - 6, Math.min(cellHeight - 6, cellWidth * 0.8)], data: points,
          label: { show: true, formatter: function (p) { return p.data.t.name + '\n' + p.data.t.share + '%'; },
            fontSize: narrow ? 10 : 12 } }]
      };
    }
    chart = draw(mapEl, option(), function (p) { open(p.data && p.data.t.link); });
    var width = mapEl.clientWidth;
    relayout.push(function () {
      if (mapEl.clientWidth !== width) {
        width = mapEl.clientWidth;
        chart.setOption(option(), true);
      }
    });
  }

  function boundaries(data, geojson) {
    echarts.registerMap('county', geojson);
    var byName = {};
    data.townships.forEach(function (t) { byName[t.name] = t; });
    draw(mapEl, {
      animation: false,
      tooltip: { formatter: function (p) { return byName[p.name] ? tooltip(byName[p.name]) : p.name; } },
      series: [{ type: 'map', map: 'county', roam: false, label: { show: true, fontSize: 10 },
        data: data.townships.map(function (t) { return { name: t.name, itemStyle: { areaColor: t.colour } }; }) }]
    }, function (p) { open(byName[p.name] && byName[p.name].link); });
  }

  function months(list) {
    var el = document.getElementById('cockpit-months');
    if (!el) {
      return;
    }
    draw(el, {
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' }, // the default HTML one carries style attributes the CSP refuses
      legend: { data: ['受理', '销号'] },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: list.map(function (m) { return m.month.substring(2); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '受理', type: 'bar', data: list.map(function (m) { return m.registered; }), itemStyle: { color: '#2f6fd6' } },
        { name: '销号', type: 'line', data: list.map(function (m) { return m.closed; }), itemStyle: { color: '#198754' } }]
    }, function (p) { open(p.seriesName === '销号' ? '/clues?state=CLOSED' : '/clues'); });
  }
})();
