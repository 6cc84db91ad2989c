// Charts of project_progress.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const chart = echarts.init(document.getElementById('chart-progress'));
  chart.setOption({tooltip: {trigger: 'axis'}, legend: {}, xAxis: {type: 'category', data: data.dates},
    yAxis: [{type: 'value', name: '%', max: 100}, {type: 'value', name: '万元'}],
    series: [{name: '形象进度', type: 'line', data: data.progress}, {name: '累计完成投资', type: 'bar', yAxisIndex: 1, data: data.spent}]});
  window.addEventListener('resize', () => chart.resize());
})();
