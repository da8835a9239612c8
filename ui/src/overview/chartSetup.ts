import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

// Registering only the bar chart pieces keeps the rest of Chart.js out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

// Same stack as the stylesheet: no web fonts, the app must render offline.
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
Chart.defaults.color = "#3b4654";
// A static summary gains nothing from animation, and it delays what users came to read.
Chart.defaults.animation = false;

export { Chart };
