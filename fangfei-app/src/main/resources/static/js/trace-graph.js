// Draws the fund-tracing graph (ECharts graph series) from the page's JSON: accounts as nodes sized by turnover,
// flows as arrows; accounts with a detector alert in red. The tables on the page show the same figures without script.
(function () {
  var el = document.getElementById('trace-graph');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  fetch(el.getAttribute('data-source'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (g) {
      if (!g) {
        return;
      }
      var html = echarts.format.encodeHTML;
      var yuan = function (fen) { return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 }); };
      var max = 1;
      g.nodes.forEach(function (n) { max = Math.max(max, n.inFen + n.outFen); });
      var categories = [{ name: '账户' }, { name: '监测预警' }];
      // a phone: smaller nodes, closer together, only the larger ones named, the legend below in a readable size
      var narrow = el.clientWidth < 576;
      var nodes = g.nodes.map(function (n) {
        var share = Math.sqrt((n.inFen + n.outFen) / max);
        var name = n.holder || n.name;
        return {
          id: String(n.id), name: n.name + ' ' + n.holder, value: n.inFen + n.outFen,
          symbolSize: narrow ? 8 + 22 * share : 12 + 36 * share, category: n.alerted ? 1 : 0,
          label: { show: !narrow || share > 0.3 || g.nodes.length <= 12, position: 'right', fontSize: narrow ? 11 : 12,
            formatter: narrow && name.length > 8 ? name.substring(0, 8) + '…' : name },
          tip: html(n.name + ' ' + n.holder + (n.role ? '（' + n.role + '）' : '')) + '<br>流入 ' + yuan(n.inFen) + ' 元<br>流出 ' + yuan(n.outFen) + ' 元'
        };
      });
      var links = g.links.map(function (l) {
        return { source: String(l.source), target: String(l.target), value: l.fen,
          tip: yuan(l.fen) + ' 元，' + l.count + ' 笔' + (l.hop ? '（第 ' + l.hop + ' 层）' : '') };
      });
      var chart = echarts.init(el);
      chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
      chart.setOption({
        // the tooltip is our own markup, the names escaped (ECharts' default markup carries
        // style attributes, which the content security policy refuses)
        tooltip: { confine: true, formatter: function (p) { return p.data && p.data.tip ? p.data.tip : ''; } },
        legend: [narrow ? { data: ['账户', '监测预警'], bottom: 4, itemWidth: 18, itemHeight: 12, textStyle: { fontSize: 13 } }
          : { data: ['账户', '监测预警'] }],
        color: ['#5470c6', '#d9534f'],
        series: [{ type: 'graph', layout: 'force', roam: true, draggable: true, data: nodes, links: links,
          categories: categories, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: narrow ? 6 : 8,
          top: narrow ? 8 : 40, bottom: narrow ? 36 : 20, left: 8, right: 8,
          force: narrow ? { repulsion: 90, gravity: 0.15, edgeLength: [30, 80] } : { repulsion: 220, edgeLength: [60, 180] },
          lineStyle: { opacity: 0.6, curveness: 0.1 } }]
      });
      el.setAttribute('data-nodes', String(nodes.length));
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
