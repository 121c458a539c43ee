// Shared SVG helpers for the report's plots. A plain script (no modules, no
// dependencies): report.html inlines it, and Node evaluates it (vm) to draw the
// plot attached to Vitest results, so there is one drawing implementation.
// Every renderer returns { svg: string, points: number } and uses presentation
// attributes only, so an SVG is complete on its own.
var XschedPlots = typeof XschedPlots === 'object' && XschedPlots ? XschedPlots : {};
(function (P) {
  'use strict';
  P.FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
  P.INK = '#1d232b';
  P.MUTED = '#5b6673';
  P.GRID = '#e3e7ec';

  var ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  P.escapeText = function (value) {
    return String(value).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  };

  /** Coordinates to 0.01 px: enough for the eye, keeps the markup small. */
  P.px = function (v) { return Math.round(v * 100) / 100; };

  P.scale = function (d0, d1, r0, r1) {
    var span = d1 - d0 || 1;
    return function (v) { return r0 + ((v - d0) * (r1 - r0)) / span; };
  };

  /** Round tick values (1, 2, 5 x 10^k) covering [0, max]. */
  P.niceTicks = function (max, count) {
    if (!(max > 0)) return [0, 1];
    var raw = max / (count || 5);
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 2.5, 5, 10].map(function (m) { return m * mag; }).filter(function (s) { return s >= raw; })[0];
    var ticks = [];
    for (var v = 0; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
    if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
    return ticks;
  };

  /** Round ticks (1, 2, 2.5, 5 x 10^k steps) covering [lo, hi], for an axis that does not start at 0. */
  P.zoomTicks = function (lo, hi, count) {
    var raw = (hi - lo) / (count || 5);
    if (!(raw > 0)) return [lo, lo + 1];
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 2.5, 5, 10].map(function (m) { return m * mag; }).filter(function (s) { return s >= raw; })[0];
    var ticks = [];
    for (var v = Math.floor(lo / step) * step; v <= hi + step * 0.999; v += step) ticks.push(Math.round(v / step) * step);
    return ticks;
  };

  /**
   * A y axis for latencies: linear from 0, or log10 (1-2-5 ticks) when logY, so
   * a 3 ms line and a 500 ms line can be read on the same plot.
   */
  P.yAxis = function (minPositive, max, logY, box) {
    if (!logY) {
      var ticks = P.niceTicks(max * 1.04, 6);
      var linear = P.scale(0, ticks[ticks.length - 1], box.y1, box.y0);
      return { scale: linear, ticks: ticks.map(function (v) { return { at: linear(v), label: P.tickLabel(v) }; }) };
    }
    var lo = Math.pow(10, Math.floor(Math.log10(minPositive > 0 ? minPositive : 0.01)));
    var hi = Math.pow(10, Math.ceil(Math.log10(max > lo ? max : lo * 10)));
    var log = P.scale(Math.log10(lo), Math.log10(hi), box.y1, box.y0);
    var scale = function (v) { return log(Math.log10(Math.max(v, lo))); };
    var logTicks = [];
    for (var d = lo; d < hi * 1.0001; d *= 10) {
      [1, 2, 5].forEach(function (m) { if (d * m <= hi * 1.0001) logTicks.push(d * m); });
    }
    return { scale: scale, ticks: logTicks.map(function (v) { return { at: scale(v), label: P.tickLabel(v) }; }) };
  };

  P.tickLabel = function (v) {
    if (v === 0) return '0';
    var a = Math.abs(v);
    if (a >= 100) return String(Math.round(v));
    if (a >= 10) return String(Math.round(v * 10) / 10);
    if (a >= 1) return String(Math.round(v * 100) / 100);
    return String(Math.round(v * 1000) / 1000);
  };

  P.open = function (width, height, label) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + width + ' ' + height + '" width="' + width +
      '" height="' + height + '" role="img" aria-label="' + P.escapeText(label) + '" font-family="' + P.FONT +
      '" font-size="11" fill="' + P.INK + '"><rect width="100%" height="100%" fill="#ffffff"/>';
  };

  P.text = function (x, y, content, attrs) {
    return '<text x="' + P.px(x) + '" y="' + P.px(y) + '"' + (attrs ? ' ' + attrs : '') + '>' + P.escapeText(content) + '</text>';
  };

  /**
   * Grid, axes and labels for a plot area. box: {x0, x1, y0 (top), y1 (bottom)};
   * xTicks/yTicks: [{at: px, label}].
   */
  P.frame = function (box, xTicks, yTicks, xLabel, yLabel) {
    var out = '';
    yTicks.forEach(function (t) {
      out += '<line x1="' + box.x0 + '" x2="' + box.x1 + '" y1="' + P.px(t.at) + '" y2="' + P.px(t.at) + '" stroke="' + P.GRID + '"/>';
      out += P.text(box.x0 - 6, t.at + 4, t.label, 'text-anchor="end" fill="' + P.MUTED + '"');
    });
    xTicks.forEach(function (t) {
      out += '<line y1="' + box.y0 + '" y2="' + box.y1 + '" x1="' + P.px(t.at) + '" x2="' + P.px(t.at) + '" stroke="' + P.GRID + '"/>';
      out += P.text(t.at, box.y1 + 15, t.label, 'text-anchor="middle" fill="' + P.MUTED + '"');
    });
    out += '<rect x="' + box.x0 + '" y="' + box.y0 + '" width="' + (box.x1 - box.x0) + '" height="' + (box.y1 - box.y0) +
      '" fill="none" stroke="#aab3bd"/>';
    if (xLabel) out += P.text((box.x0 + box.x1) / 2, box.y1 + 31, xLabel, 'text-anchor="middle" fill="' + P.MUTED + '"');
    if (yLabel) {
      var cy = (box.y0 + box.y1) / 2;
      out += P.text(14, cy, yLabel, 'text-anchor="middle" fill="' + P.MUTED + '" transform="rotate(-90 14 ' + P.px(cy) + ')"');
    }
    return out;
  };

  /** A hollow diamond marker (stored-baseline values). */
  P.diamond = function (x, y, color, title) {
    var r = 4.5;
    return '<path d="M' + P.px(x) + ',' + P.px(y - r) + 'L' + P.px(x + r) + ',' + P.px(y) + 'L' + P.px(x) + ',' + P.px(y + r) +
      'L' + P.px(x - r) + ',' + P.px(y) + 'Z" fill="#ffffff" stroke="' + color + '" stroke-width="1.5">' +
      (title ? '<title>' + P.escapeText(title) + '</title>' : '') + '</path>';
  };

  /** Legend entries laid out left to right, wrapping at maxX. items: [{label, color, dashed, marker: 'dot'|'diamond'|undefined}] */
  P.legend = function (items, x, y, maxX) {
    var out = '';
    var cx = x;
    var cy = y;
    items.forEach(function (item) {
      var width = 30 + item.label.length * 6.2;
      if (cx + width > maxX && cx > x) { cx = x; cy += 16; }
      if (item.marker === 'dot') {
        out += '<circle cx="' + P.px(cx + 9) + '" cy="' + P.px(cy - 4) + '" r="3.5" fill="' + item.color + '"/>';
      } else if (item.marker === 'diamond') {
        out += P.diamond(cx + 9, cy - 4, item.color, '');
      } else {
        out += '<line x1="' + P.px(cx) + '" x2="' + P.px(cx + 18) + '" y1="' + P.px(cy - 4) + '" y2="' + P.px(cy - 4) +
          '" stroke="' + item.color + '" stroke-width="2"' + (item.dashed ? ' stroke-dasharray="5 3"' : '') + '/>';
      }
      out += P.text(cx + 23, cy, item.label);
      cx += width;
    });
    return { svg: out, bottom: cy };
  };
})(XschedPlots);
