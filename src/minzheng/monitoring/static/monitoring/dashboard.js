// Charts of dashboard.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const list = document.getElementById('chart-rule').dataset.listUrl;
  const rule = echarts.init(document.getElementById('chart-rule'));
  rule.setOption({tooltip: {trigger: 'axis'}, grid: {left: 170, right: 20},
    yAxis: {type: 'category', data: data.rule.map(d => d.name)}, xAxis: {type: 'value'},
    series: [{type: 'bar', data: data.rule.map(d => d.value)}]});
  rule.on('click', p => { window.location = list + '?rule=' + data.rule[p.dataIndex].key; });
  const status = echarts.init(document.getElementById('chart-status'));
  status.setOption({tooltip: {trigger: 'item'}, series: [
    {type: 'pie', radius: ['0%', '35%'], data: data.severity, label: {position: 'inner'}},
    {type: 'pie', radius: ['45%', '70%'], data: data.status}]});
  status.on('click', p => { window.location = list + (p.seriesIndex === 0 ? '?severity=' : '?status=') + p.data.key; });
  window.addEventListener('resize', () => { rule.resize(); status.resize(); });
})();
