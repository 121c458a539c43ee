// hp latency percentile spectrum, drawn the way HdrHistogram plots are: x is the
// percentile on a log scale of 1/(1-p) (0% .. 99.99%), y the latency in ms; each
// trial's P50/P90/P99/P99.9 as hollow points over its arm's merged line.
var XschedPlots = typeof XschedPlots === 'object' && XschedPlots ? XschedPlots : {};
(function (P) {
  'use strict';
  var MAX_DECADES = 4;
  var TICKS = [['0%', 0], ['90%', 1], ['99%', 2], ['99.9%', 3], ['99.99%', 4]];

  function decadesOf(percentile) {
    if (percentile >= 100) return MAX_DECADES;
    return Math.min(MAX_DECADES, Math.log10(100 / (100 - percentile)));
  }

  /** data: SpectrumPlotData (perf/lib/output/report/plot-data-types.ts) */
  P.renderSpectrum = function (data, options) {
    var width = (options && options.width) || 660;
    var height = (options && options.height) || 360;
    var legendItems = data.series.map(function (s) {
      return { label: s.label + ' (n=' + s.count + ')', color: s.color, dashed: s.dashed };
    });
    var legend = P.legend(legendItems, 60, 20, width - 10);
    var box = { x0: 60, x1: width - 30, y0: legend.bottom + 14, y1: height - 42 };
    var maxMs = 0;
    var minMs = Infinity;
    function widen(p) { if (p[1] > maxMs) maxMs = p[1]; if (p[1] > 0 && p[1] < minMs) minMs = p[1]; }
    data.series.forEach(function (s) {
      s.points.forEach(widen);
      (s.trials || []).forEach(function (t) { t.points.forEach(widen); });
    });
    var logY = !!(options && options.logY);
    var y = P.yAxis(minMs, maxMs, logY, box);
    var sy = y.scale;
    var sx = P.scale(0, MAX_DECADES, box.x0, box.x1);
    var out = P.open(width, height, data.title);
    out += P.frame(
      box,
      TICKS.map(function (t) { return { at: sx(t[1]), label: t[0] }; }),
      y.ticks,
      'percentile (log scale of 1/(1-p))',
      logY ? 'hp latency (ms, log scale)' : 'hp latency (ms)'
    );
    var drawn = 0;
    // Solid lines first, stored-baseline dashes after: the dashes stay visible where the lines coincide,
    // and a white edge under each dashed line keeps it apart from the solid line of the same colour.
    var ordered = data.series.filter(function (s) { return !s.dashed; }).concat(data.series.filter(function (s) { return s.dashed; }));
    ordered.forEach(function (s) {
      if (s.points.length === 0) return;
      var d = s.points.map(function (p, i) {
        return (i === 0 ? 'M' : 'L') + P.px(sx(decadesOf(p[0]))) + ',' + P.px(sy(p[1]));
      }).join('');
      // A continuous white edge: where the stored line coincides with this run's, its dashes still read as dashes.
      if (s.dashed) out += '<path d="' + d + '" fill="none" stroke="#ffffff" stroke-width="4.5" stroke-linejoin="round"/>';
      out += '<path data-series="' + (s.dashed ? 'stored' : 'measured') + '" d="' + d + '" fill="none" stroke="' + s.color + '" stroke-width="' + (s.dashed ? 2 : 2.2) + '"' +
        (s.dashed ? ' stroke-dasharray="6 4"' : '') + ' stroke-linejoin="round"><title>' +
        P.escapeText(s.label) + '</title></path>';
      var last = s.points[s.points.length - 1];
      out += '<circle cx="' + P.px(sx(decadesOf(last[0]))) + '" cy="' + P.px(sy(last[1])) + '" r="' + (s.dashed ? 3.5 : 2.5) + '" fill="' + (s.dashed ? '#ffffff' : s.color) +
        '" stroke="' + s.color + '"><title>' + P.escapeText(s.label + ': ' + last[1] + ' ms at ' + last[0] + '% (last resolvable percentile)') + '</title></circle>';
      drawn += s.points.length;
    });
    // Each trial's own percentiles, small hollow marks over the merged lines: the spread between trials.
    var trialMarks = 0;
    data.series.forEach(function (s) {
      (s.trials || []).forEach(function (t) {
        t.points.forEach(function (p) {
          out += '<circle data-series="trial" cx="' + P.px(sx(decadesOf(p[0]))) + '" cy="' + P.px(sy(p[1])) + '" r="3" fill="none" stroke="' + s.color +
            '" stroke-width="1.2" opacity="0.85"><title>' + P.escapeText(s.label + ' trial ' + t.trial + ': P' + p[0] + ' ' + p[1] + ' ms') + '</title></circle>';
          trialMarks += 1;
        });
      });
    });
    out += legend.svg + '</svg>';
    return { svg: out, points: drawn, trialMarks: trialMarks };
  };
})(XschedPlots);
