// Loaded only through dynamic import() from OverviewChart, so ECharts lands in its own chunk.
// Tree-shaken: only the bar chart, the components it needs and the canvas renderer.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
export type { EChartsType } from 'echarts/core';
