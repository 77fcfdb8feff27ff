import { ChartPie, PuzzlePiece } from '@strapi/icons';

const PluginIcon = () => <PuzzlePiece />;
const ReportsIcon = () => <ChartPie />;

export { PluginIcon, ReportsIcon };
