import { ChartPie, PuzzlePiece, Shield } from '@strapi/icons';

const PluginIcon = () => <PuzzlePiece />;
const ReportsIcon = () => <ChartPie />;
const AccountsIcon = () => <Shield />;

export { AccountsIcon, PluginIcon, ReportsIcon };
