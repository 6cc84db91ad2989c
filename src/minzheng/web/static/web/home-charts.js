// Charts of home.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const bar = echarts.init(document.getElementById('chart-divisions'));
  bar.setOption({
    tooltip: {trigger: 'axis'}, legend: {data: ['户数', '人数']},
    grid: {left: 50, right: 20, bottom: 60},
    xAxis: {type: 'category', data: data.names, axisLabel: {rotate: 30}},
    yAxis: {type: 'value'},
    series: [{name: '户数', type: 'bar', data: data.households}, {name: '人数', type: 'bar', data: data.persons}]
  });
  const pie = echarts.init(document.getElementById('chart-ages'));
  pie.setOption({tooltip: {trigger: 'item'}, series: [{type: 'pie', radius: ['35%', '65%'], data: data.ages}]});
  window.addEventListener('resize', () => { bar.resize(); pie.resize(); });
})();
