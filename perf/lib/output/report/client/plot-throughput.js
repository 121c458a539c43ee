// lp throughput per arm: a bar at the mean of the trials, each trial as a dot,
// and the stored baseline's trials as hollow diamonds beside the bar.
var XschedPlots = typeof XschedPlots === 'object' && XschedPlots ? XschedPlots : {};
(function (P) {
  'use strict';


  /** data: ThroughputPlotData */
  P.renderThroughput = function (data, options) {
    var width = (options && options.width) || 420;
    var height = (options && options.height) || 360;
    var anyStored = data.bars.some(function (b) { return b.storedIterPerSec; });
    var legendItems = [{ label: 'trial', color: P.INK, marker: 'dot' }];
    if (anyStored) legendItems.push({ label: 'stored baseline trial', color: P.MUTED, marker: 'diamond' });
    var legend = P.legend(legendItems, 60, 20, width - 10);
    var box = { x0: 60, x1: width - 16, y0: legend.bottom + 14, y1: height - 42 };
    var max = 0;
    var min = Infinity;
    data.bars.forEach(function (b) {
      b.trialIterPerSec.concat(b.storedIterPerSec || [], [b.meanIterPerSec]).forEach(function (v) { if (v > max) max = v; if (v < min) min = v; });
    });
    // Zoomed to the data (not from 0): lp losses of 1% are what the verdict judges, and must show.
    var pad = Math.max((max - min) * 0.25, max * 0.005, 1e-9);
    var y0 = Math.max(0, min - pad);
    var y1 = max + pad;
    var yTicks = P.zoomTicks(y0, y1, 6);
    var sy = P.scale(yTicks[0], yTicks[yTicks.length - 1], box.y1, box.y0);
    var slot = (box.x1 - box.x0) / data.bars.length;
    var out = P.open(width, height, data.title);
    out += P.frame(
      box,
      data.bars.map(function (b, i) { return { at: box.x0 + slot * (i + 0.5), label: b.arm }; }),
      yTicks.map(function (v) { return { at: sy(v), label: P.tickLabel(v) }; }),
      '',
      'lp iterations / s'
    );
    var drawn = 0;
    data.bars.forEach(function (b, i) {
      var cx = box.x0 + slot * (i + 0.5);
      var barWidth = Math.min(56, slot * 0.5);
      var top = sy(b.meanIterPerSec);
      out += '<rect x="' + P.px(cx - barWidth / 2) + '" y="' + P.px(top) + '" width="' + P.px(barWidth) + '" height="' +
        P.px(box.y1 - top) + '" fill="' + b.color + '" fill-opacity="0.35" stroke="' + b.color + '"><title>' +
        P.escapeText(b.arm + ': mean ' + b.meanIterPerSec + ' iter/s') + '</title></rect>';
      var lowest = Math.min.apply(null, b.trialIterPerSec.concat([b.meanIterPerSec]));
      var highest = Math.max.apply(null, b.trialIterPerSec.concat([b.meanIterPerSec]));
      out += '<path d="M' + P.px(cx) + ',' + P.px(sy(lowest)) + 'V' + P.px(sy(highest)) + 'M' + P.px(cx - 8) + ',' + P.px(sy(lowest)) + 'h16M' +
        P.px(cx - 8) + ',' + P.px(sy(highest)) + 'h16" stroke="' + P.INK + '" stroke-width="1.2" fill="none"><title>' +
        P.escapeText(b.arm + ': range of trials ' + lowest + ' .. ' + highest + ' iter/s') + '</title></path>';
      out += P.text(cx, Math.min(top, sy(highest)) - 6, P.tickLabel(b.meanIterPerSec), 'text-anchor="middle" font-weight="600"');
      drawn += 1;
      b.trialIterPerSec.forEach(function (v, k) {
        var dx = (k - (b.trialIterPerSec.length - 1) / 2) * 6;
        out += '<circle data-point cx="' + P.px(cx + dx) + '" cy="' + P.px(sy(v)) + '" r="3.5" fill="' + P.INK + '"><title>' +
          P.escapeText(b.arm + ' trial ' + (k + 1) + ': ' + v + ' iter/s') + '</title></circle>';
        drawn += 1;
      });
      (b.storedIterPerSec || []).forEach(function (v, k) {
        out += P.diamond(cx + barWidth / 2 + 10, sy(v), P.MUTED, b.arm + ' stored baseline trial ' + (k + 1) + ': ' + v + ' iter/s');
        drawn += 1;
      });
    });
    out += legend.svg + '</svg>';
    return { svg: out, points: drawn };
  };
})(XschedPlots);
