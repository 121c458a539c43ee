// hp latency over time for one arm-trial: each request at its scheduled time,
// the trial's P99 as a dashed line, and the lp iterations underneath (bands at
// iteration boundaries when there are few, a binned iteration rate otherwise).
var XschedPlots = typeof XschedPlots === 'object' && XschedPlots ? XschedPlots : {};
(function (P) {
  'use strict';

  function lpStrip(lp, box, sx) {
    var out = '';
    if (lp.bands) {
      lp.bands.forEach(function (b, i) {
        var x0 = Math.max(box.x0, sx(b[0]));
        var x1 = Math.min(box.x1, sx(b[1]));
        if (x1 <= x0) return;
        if (i % 2 === 0) {
          out += '<rect x="' + P.px(x0) + '" y="' + box.y0 + '" width="' + P.px(x1 - x0) + '" height="' + (box.y1 - box.y0) +
            '" fill="#6b7785" fill-opacity="0.07"/>';
        }
        out += '<rect x="' + P.px(x0) + '" y="' + (box.y1 + 22) + '" width="' + P.px(Math.max(0.5, x1 - x0 - 0.8)) +
          '" height="12" fill="' + (i % 2 === 0 ? '#8a94a0' : '#b8c0c9') + '"><title>lp iteration ' + (i + 1) + ': ' +
          b[0] + ' s .. ' + b[1] + ' s</title></rect>';
      });
      out += P.text(box.x0, box.y1 + 46, 'lp iterations (' + lp.iterations + '; bands mark iteration boundaries)', 'fill="' + P.MUTED + '" font-size="10"');
      return out;
    }
    if (lp.rate) {
      var max = Math.max.apply(null, lp.rate.iterPerSec.concat([1e-9]));
      var top = box.y1 + 20;
      var bottom = box.y1 + 36;
      var d = 'M' + P.px(sx(0)) + ',' + bottom;
      lp.rate.iterPerSec.forEach(function (v, i) {
        var y = P.px(bottom - ((bottom - top) * v) / max);
        d += 'L' + P.px(sx(i * lp.rate.binSec)) + ',' + y + 'L' + P.px(sx((i + 1) * lp.rate.binSec)) + ',' + y;
      });
      d += 'L' + P.px(sx(lp.rate.iterPerSec.length * lp.rate.binSec)) + ',' + bottom + 'Z';
      out += '<path d="' + d + '" fill="#8a94a0" fill-opacity="0.6" stroke="none"/>';
      out += P.text(box.x0, box.y1 + 48, 'lp iterations: ' + lp.iterations + ' (too many for bands; iter/s per ' +
        P.tickLabel(lp.rate.binSec) + ' s bin, peak ' + P.tickLabel(max) + ')', 'fill="' + P.MUTED + '" font-size="10"');
    }
    return out;
  }

  /** data: TimelinePlotData; trialNumber: the 0-based trial to show (TimelineTrialData.trial); options.logY */
  P.renderTimeline = function (data, trialNumber, options) {
    var width = (options && options.width) || 660;
    var t = data.trials.filter(function (c) { return c.trial === trialNumber; })[0];
    if (!t) {
      return {
        svg: P.open(width, 60, 'no data') + P.text(20, 34, data.arm + ': no hp requests recorded in trial ' + (trialNumber + 1)) + '</svg>',
        points: 0
      };
    }
    var hasLp = !!(t.lp && (t.lp.bands || t.lp.rate));
    var height = hasLp ? 300 : 250;
    var box = { x0: 60, x1: width - 16, y0: 30, y1: hasLp ? 230 : 210 };
    var logY = !!(options && options.logY);
    // The trial's shared bottom (timeline-data.ts), so log panels share their y axis too.
    var minMs = t.yMinMs > 0 ? t.yMinMs : Infinity;
    if (!(minMs < Infinity)) t.points.forEach(function (p) { if (p[1] > 0 && p[1] < minMs) minMs = p[1]; });
    var y = P.yAxis(minMs, Math.max(t.yMaxMs, t.p99Ms || 0), logY, box);
    var sy = y.scale;
    var xTicks = P.niceTicks(t.windowSec, 8).filter(function (v) { return v <= t.windowSec + 1e-9; });
    var sx = P.scale(0, t.windowSec, box.x0, box.x1);
    var shown = t.points.length < t.totalRequests
      ? t.points.length + ' of ' + t.totalRequests + ' requests shown (fastest and slowest per time slice)'
      : t.totalRequests + ' requests';
    var out = P.open(width, height, data.arm + ' trial ' + (t.trial + 1) + ': hp latency over time');
    out += P.text(box.x0, 18, data.arm + ', trial ' + (t.trial + 1) + ': ' + shown, 'font-weight="600"');
    out += P.frame(
      box,
      xTicks.map(function (v) { return { at: sx(v), label: P.tickLabel(v) }; }),
      y.ticks,
      hasLp ? '' : 'scheduled time in the measurement window (s)',
      logY ? 'latency (ms, log)' : 'latency (ms)'
    );
    if (t.lp) out += lpStrip(t.lp, box, sx);
    if (hasLp) {
      out += P.text((box.x0 + box.x1) / 2, box.y1 + 64, 'scheduled time in the measurement window (s)', 'text-anchor="middle" fill="' + P.MUTED + '"');
    }
    var d = '';
    t.points.forEach(function (p) { d += 'M' + P.px(sx(p[0])) + ',' + P.px(sy(p[1])) + 'h0'; });
    out += '<path data-series="requests" d="' + d + '" stroke="' + data.color + '" stroke-opacity="0.75" stroke-width="3.2" stroke-linecap="round" fill="none"/>';
    if (t.p99Ms !== null) {
      var y = P.px(sy(t.p99Ms));
      out += '<line x1="' + box.x0 + '" x2="' + box.x1 + '" y1="' + y + '" y2="' + y + '" stroke="' + P.INK + '" stroke-dasharray="4 3" stroke-width="1"/>';
      out += P.text(box.x1 - 4, y - 4, 'P99 ' + P.tickLabel(t.p99Ms) + ' ms', 'text-anchor="end" font-size="10"');
    }
    out += '</svg>';
    return { svg: out, points: t.points.length };
  };
})(XschedPlots);
