// blessed-contrib's line chart on its own: its package index loads every widget (maps with their
// world data, markdown, an ES parser) and all their packages, where omtop draws one line chart.
declare module 'blessed-contrib/lib/widget/charts/line.js' {
  import type contrib from 'blessed-contrib';

  const line: typeof contrib.line;
  export default line;
}
