// Charts of dashboard.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const trend = echarts.init(document.getElementById('chart-trend'));
  trend.setOption({
    tooltip: {trigger: 'axis'}, legend: {top: 0, data: ['户数', '金额（元）']}, grid: {top: 50, left: 60, right: 70, bottom: 40},
    xAxis: {type: 'category', data: data.months}, yAxis: [{type: 'value', name: '户'}, {type: 'value', name: '元'}],
    series: [{name: '户数', type: 'bar', data: data.households}, {name: '金额（元）', type: 'line', yAxisIndex: 1, data: data.amounts}]
  });
  const pie = echarts.init(document.getElementById('chart-programs'));
  pie.setOption({tooltip: {trigger: 'item'}, series: [{type: 'pie', radius: ['35%', '65%'], data: data.programs}]});
  window.addEventListener('resize', () => { trend.resize(); pie.resize(); });
})();
