// Loaded only through dynamic import() from OverviewChart, so ECharts lands in its own chunk.
// Tree-shaken: only the bar, line and pie (donut) charts, the components it needs and the canvas renderer.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
export type { EChartsType } from 'echarts/core';
