// Browser only: draws every [data-plot] element of report.html from the JSON its
// data-source names, records data-rendered-points (or data-render-error), and
// redraws plots when a trial is picked or the latency axis is switched to log.
(function (P) {
  'use strict';

  function readData(el) {
    var source = document.getElementById(el.getAttribute('data-source'));
    if (!source) throw new Error('no data element "' + el.getAttribute('data-source') + '"');
    return JSON.parse(source.textContent);
  }

  function draw(el) {
    try {
      var kind = el.getAttribute('data-plot');
      var data = readData(el);
      var options = { logY: el.getAttribute('data-log-y') === 'true' };
      var result;
      if (kind === 'spectrum') result = P.renderSpectrum(data, options);
      else if (kind === 'timeline') result = P.renderTimeline(data, Number(el.getAttribute('data-trial') || '0'), options);
      else if (kind === 'throughput') result = P.renderThroughput(data);
      else if (kind === 'ratio') result = P.renderRatio(data);
      else throw new Error('unknown plot kind "' + kind + '"');
      el.innerHTML = result.svg;
      el.setAttribute('data-rendered-points', String(result.points));
      el.removeAttribute('data-render-error');
    } catch (error) {
      el.textContent = 'This plot could not be drawn: ' + error.message;
      el.setAttribute('data-render-error', String(error.message));
      el.setAttribute('data-rendered-points', '0');
    }
  }

  var plots = document.querySelectorAll('[data-plot]');
  for (var i = 0; i < plots.length; i++) draw(plots[i]);

  var selects = document.querySelectorAll('select[data-trial-group]');
  for (var j = 0; j < selects.length; j++) {
    selects[j].addEventListener('change', function (event) {
      var group = event.target.getAttribute('data-trial-group');
      var panels = document.querySelectorAll('[data-plot="timeline"][data-trial-group="' + group + '"]');
      for (var k = 0; k < panels.length; k++) {
        panels[k].setAttribute('data-trial', event.target.value);
        draw(panels[k]);
      }
    });
  }

  var toggles = document.querySelectorAll('input[data-log-y-group]');
  for (var m = 0; m < toggles.length; m++) {
    toggles[m].addEventListener('change', function (event) {
      var group = event.target.getAttribute('data-log-y-group');
      var targets = document.querySelectorAll('[data-plot][data-log-group="' + group + '"]');
      for (var n = 0; n < targets.length; n++) {
        targets[n].setAttribute('data-log-y', event.target.checked ? 'true' : 'false');
        draw(targets[n]);
      }
    });
  }
})(XschedPlots);
