import type { ReactNode } from 'react';
import type { Column } from '../../components/DataTable.tsx';

/** A threshold the analytic takes as a query parameter, shown as a number input. */
export interface Threshold {
  param: string;
  label: string;
  defaultValue: number;
  min: number;
  max: number;
}

/** What a chart or table renderer gets besides the data. */
export interface RenderContext {
  guildId: string;
  timeZone: string;
}

/** One analytic page: where its data comes from and how it is shown. */
export interface AnalyticPageDef<Data = unknown, Row = unknown> {
  id: string;
  title: string;
  /** The path under `/guilds/:guildId/`. */
  path: string;
  /** PRODUCT.md's definition, in one line. */
  definition: string;
  thresholds: readonly Threshold[];
  /** Extra fixed controls (heatmap metric, zone) live in the page; these are query defaults. */
  toRows(data: Data): readonly Row[];
  columns(context: RenderContext): readonly Column<Row>[];
  rowKey(row: Row): string;
  chart?(data: Data, rows: readonly Row[], context: RenderContext): ReactNode;
  chartTitle?: string;
  /** Takes the time zone as `tz` (shows a zone switch). */
  zoned?: boolean;
  /** Extra query choices, e.g. the heatmap's metric. */
  choices?: { param: string; label: string; options: readonly string[] };
  emptyText: string;
}

/** Erases a page definition's types so pages of different shapes share one list. */
export const defineAnalytic = <Data, Row>(def: AnalyticPageDef<Data, Row>): AnalyticPageDef =>
  def as unknown as AnalyticPageDef;
