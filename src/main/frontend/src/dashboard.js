// The dashboards' charts (templates/reporting/*.html): each <canvas data-chart="ID"> is drawn with Chart.js
// from the page's figures, <script type="application/json" id="dashboard-data">, the same rows as the table
// beside it. Only the parts of Chart.js a bar chart needs are bundled.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// colours that stay apart for people with the commonest colour blindness (Okabe and Ito)
const COLOURS = ['#0072B2', '#E69F00', '#D55E00', '#999999', '#009E73', '#CC79A7', '#56B4E9', '#F0E442'];

function draw(canvas, figures) {
  const rows = figures.labels.length;
  // one bar (or group of bars) per row, laid out across: long names read best beside their bars
  canvas.parentElement.style.height = Math.max(160, 70 + rows * (figures.chart === 'STACKED_BARS' ? 30 : 22 * figures.datasets.length + 12)) + 'px';
  const stacked = figures.chart === 'STACKED_BARS';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: figures.labels,
      datasets: figures.datasets.map((set, i) => ({
        label: set.label,
        data: set.data.map(v => (v === '' ? null : v)),
        backgroundColor: COLOURS[i % COLOURS.length]
      }))
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: c => `${c.dataset.label}: ${c.formattedValue}${figures.percent ? '%' : ''}` } }
      },
      scales: {
        x: { stacked, beginAtZero: true, max: figures.percent ? 100 : undefined,
             ticks: { precision: 0, callback: v => (figures.percent ? v + '%' : v) } },
        y: { stacked }
      }
    }
  });
}

const data = document.getElementById('dashboard-data');
if (data) {
  for (const figures of JSON.parse(data.textContent)) {
    const canvas = document.querySelector(`canvas[data-chart="${figures.id}"]`);
    if (canvas) {
      draw(canvas, figures);
    }
  }
}
