// Charts of indicator_progress.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const trend = echarts.init(document.getElementById('chart-trend'));
  const series = [{name: '实际', type: 'line', data: data.values, connectNulls: false}];
  if (data.projection.length) series.push({name: '线性预测', type: 'line', data: data.projection, connectNulls: true, lineStyle: {type: 'dashed'}});
  if (data.target !== null) series[0].markLine = {data: [{yAxis: data.target, name: '目标'}], label: {formatter: '目标 {c}'}};
  trend.setOption({tooltip: {trigger: 'axis'}, legend: {}, xAxis: {type: 'category', data: data.years}, yAxis: {type: 'value', scale: true}, series: series});
  const bars = echarts.init(document.getElementById('chart-divisions'));
  bars.setOption({tooltip: {trigger: 'axis'}, grid: {bottom: 60}, xAxis: {type: 'category', data: data.divisions, axisLabel: {rotate: 30}},
    yAxis: {type: 'value'}, series: [{type: 'bar', data: data.division_values}]});
  bars.on('click', params => { window.location.href = data.division_links[params.dataIndex]; });
  window.addEventListener('resize', () => { trend.resize(); bars.resize(); });
})();
