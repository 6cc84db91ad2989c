// Charts of cockpit.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const colours = ['#18864b', '#1f5fbf', '#b26a00', '#d93026', '#909399'];
  const pie = echarts.init(document.getElementById('chart-status'));
  pie.setOption({color: colours, tooltip: {trigger: 'item'}, legend: {bottom: 0},
    series: [{type: 'pie', radius: ['35%', '65%'], data: data.status}]});
  const bar = echarts.init(document.getElementById('chart-completion'));
  bar.setOption({tooltip: {trigger: 'axis'}, grid: {left: 220, right: 30, top: 10, bottom: 30},
    xAxis: {type: 'value', max: v => Math.max(v.max, 120)},
    yAxis: {type: 'category', data: data.names, axisLabel: {width: 200, overflow: 'truncate'}},
    series: [{name: '完成进度', type: 'bar', data: data.completion,
      markLine: data.elapsed === null ? undefined : {data: [{xAxis: data.elapsed, name: '时间进度'}], label: {formatter: '时间进度 {c}%'}}}]});
  // Every bar is a computed figure: a click opens its drill-down.
  bar.on('click', params => { if (data.links[params.dataIndex]) window.location.href = data.links[params.dataIndex]; });
  window.addEventListener('resize', () => { pie.resize(); bar.resize(); });
})();
