// Draws every chart of the page from its data-chart attribute (an ECharts option built by the view):
// the Content-Security-Policy allows no inline script, so pages declare charts as data and this one
// static script draws them. ECharts itself is loaded only on pages that have a chart.
(function () {
  const echartsUrl = document.currentScript.dataset.echarts;
  const drawn = [];
  let loading = null;

  function loadEcharts() {
    if (window.echarts) return Promise.resolve();
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = echartsUrl;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(element) {
    if (element.dataset.chartDrawn) return;
    element.dataset.chartDrawn = '1';
    const chart = echarts.init(element);
    chart.setOption(JSON.parse(element.dataset.chart));
    // A figure with a link opens its drill-down (the list behind the number).
    chart.on('click', params => {
      const link = params.data && params.data.link;
      if (link) window.location.href = link;
    });
    drawn.push(chart);
  }

  function drawAll(root) {
    const elements = root.querySelectorAll('[data-chart]');
    if (elements.length) loadEcharts().then(() => elements.forEach(draw));
  }

  window.addEventListener('resize', () => drawn.forEach(chart => chart.resize()));
  document.addEventListener('htmx:afterSettle', event => drawAll(event.target));
  drawAll(document);
})();
