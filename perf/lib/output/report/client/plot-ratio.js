// The ratio chart: one row per verdict that compares two levels (xsched / baseline arm,
// now / stored baseline), the ratio as a dot, its interval as a whisker, the verdict's
// bar as a red dashed tick, on a log axis where 1 (no change) is a solid line. A now /
// stored row also shows each trial of this run as a hollow ring in a strip just under its
// whisker, so the rings never cover the interval (ratio-trial-points.ts).
var XschedPlots = typeof XschedPlots === 'object' && XschedPlots ? XschedPlots : {};
(function (P) {
  'use strict';
  var STATUS_COLORS = { pass: '#1a7f37', fail: '#c62832', inconclusive: '#a36b00', skip: '#6e7781' };
  var ROW_HEIGHT = 34;
  /** The trial strip's offset below the row's centre: clear of the whisker's 5 px end ticks. */
  var TRIAL_DY = 10;
  var TRIAL_R = 3.5;

  function pct(ratio) {
    var change = (ratio - 1) * 100;
    return (change > 0 ? '+' : '') + change.toFixed(1) + '%';
  }

  /** data: RatioPlotData (perf/lib/output/report/plot-data-types.ts) */
  P.renderRatio = function (data, options) {
    var width = (options && options.width) || 1200;
    var labelWidth = 420;
    var box = { x0: labelWidth, x1: width - 90, y0: 14, y1: 14 + ROW_HEIGHT * data.rows.length };
    var anyTrials = data.rows.some(function (r) { return r.trials; });
    var height = box.y1 + (anyTrials ? 64 : 44);
    var lo = 1;
    var hi = 1;
    data.rows.forEach(function (r) {
      var trialRatios = r.trials ? r.trials.points.map(function (p) { return p.ratio; }) : [];
      [r.ratio, r.low, r.high, r.threshold].concat(trialRatios).forEach(function (v) {
        if (typeof v === 'number' && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      });
    });
    lo = Math.log10(lo) - 0.02;
    hi = Math.log10(hi) + 0.02;
    var lin = P.scale(lo, hi, box.x0, box.x1);
    var sx = function (v) { return lin(Math.log10(v)); };
    var ticks = [0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.5, 2, 3, 5, 10].filter(function (v) {
      var l = Math.log10(v); return l >= lo && l <= hi;
    });
    // Keep ticks at least 36 px apart (1 always stays): near 1 the candidates crowd on a wide range.
    ticks = ticks.filter(function (v) { return v === 1 || Math.abs(sx(v) - sx(1)) >= 36; }).reduce(function (kept, v) {
      if (kept.length === 0 || v === 1 || sx(v) - sx(kept[kept.length - 1]) >= 36) kept.push(v);
      return kept;
    }, []);
    var out = P.open(width, height, data.title);
    out += P.frame(box, ticks.map(function (v) { return { at: sx(v), label: String(v) }; }), [], 'ratio (log scale; 1 = no change)', '');
    out += '<line x1="' + P.px(sx(1)) + '" x2="' + P.px(sx(1)) + '" y1="' + box.y0 + '" y2="' + box.y1 + '" stroke="' + P.INK + '" stroke-width="1.2"/>';
    var drawn = 0;
    data.rows.forEach(function (r, i) {
      var cy = box.y0 + ROW_HEIGHT * (i + 0.5);
      var color = STATUS_COLORS[r.status] || P.MUTED;
      out += P.text(box.x0 - 10, cy + 4, r.label, 'text-anchor="end"');
      if (r.threshold !== null) {
        var tx = P.px(sx(r.threshold));
        out += '<line x1="' + tx + '" x2="' + tx + '" y1="' + P.px(cy - 12) + '" y2="' + P.px(cy + 12) + '" stroke="#c62832" stroke-width="2" stroke-dasharray="3 2"><title>' +
          P.escapeText(r.verdictId + ': bar ' + r.threshold + (r.passBelow ? ' (pass at or below)' : ' (pass at or above)')) + '</title></line>';
      }
      if (r.low !== null && r.high !== null) {
        var x0 = P.px(sx(r.low));
        var x1 = P.px(sx(r.high));
        out += '<path data-interval="' + i + '" d="M' + x0 + ',' + P.px(cy) + 'H' + x1 + 'M' + x0 + ',' + P.px(cy - 5) + 'V' + P.px(cy + 5) + 'M' + x1 + ',' + P.px(cy - 5) + 'V' +
          P.px(cy + 5) + '" stroke="' + color + '" stroke-width="2" fill="none"><title>' + P.escapeText(r.intervalLabel + ': ' + r.low + ' .. ' + r.high) + '</title></path>';
      }
      if (r.trials) {
        out += trialRings(r, i, sx, cy + TRIAL_DY, color);
        drawn += r.trials.points.length;
      }
      out += '<circle data-point cx="' + P.px(sx(r.ratio)) + '" cy="' + P.px(cy) + '" r="5" fill="' + color + '"><title>' +
        P.escapeText(r.verdictId + ' [' + r.status + ']: ratio ' + r.ratio + ' (' + pct(r.ratio) + ')') + '</title></circle>';
      out += P.text(box.x1 + 8, cy + 4, pct(r.ratio) + ' ' + r.status, 'fill="' + color + '" font-weight="600"');
      drawn += 1;
    });
    if (anyTrials) out += trialLegend(box.x0, box.y1 + 54);
    out += '</svg>';
    return { svg: out, points: drawn };
  };

  function ring(x, y, color, attrs) {
    return '<circle ' + (attrs ? attrs + ' ' : '') + 'cx="' + P.px(x) + '" cy="' + P.px(y) + '" r="' + TRIAL_R + '" fill="none" stroke="' + color +
      '" stroke-width="1.5" pointer-events="visible">';
  }

  function trialRings(r, rowIndex, sx, y, color) {
    var t = r.trials;
    return t.points.map(function (p) {
      var tip = r.verdictId + ', trial ' + (p.trial + 1) + ': ' + P.tickLabel(p.value) + ' ' + t.unit + ' / ' + P.tickLabel(t.storedCentral) + ' ' + t.unit +
        ' (stored geometric mean) = ' + p.ratio.toFixed(3) + ' (' + pct(p.ratio) + ')';
      return ring(sx(p.ratio), y, color, 'data-point data-trial-point="' + rowIndex + '"') + '<title>' + P.escapeText(tip) + '</title></circle>';
    }).join('');
  }

  function trialLegend(x, y) {
    return ring(x + 4, y - 4, P.MUTED, '') + '</circle>' +
      P.text(x + 14, y, "one trial of this run / the stored baseline's geometric mean of its trials; the dot is their geometric mean", 'fill="' + P.MUTED + '"');
  }
})(XschedPlots);
