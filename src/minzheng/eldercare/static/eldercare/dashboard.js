// Charts of dashboard.html (moved out of the template: the CSP allows no inline script).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const bar = echarts.init(document.getElementById('chart-beds'));
  bar.setOption({ tooltip: {trigger: 'axis'}, legend: {data: ['床位', '护理型床位', '在住']},
    xAxis: {type: 'category', data: data.divisions, axisLabel: {rotate: 30}}, yAxis: {type: 'value'},
    series: [{name: '床位', type: 'bar', data: data.beds}, {name: '护理型床位', type: 'bar', data: data.nursing},
             {name: '在住', type: 'bar', data: data.occupied}] });
  const pie = echarts.init(document.getElementById('chart-levels'));
  pie.setOption({ tooltip: {trigger: 'item'}, series: [{type: 'pie', radius: '65%', data: data.levels}] });
  window.addEventListener('resize', () => { bar.resize(); pie.resize(); });
})();
