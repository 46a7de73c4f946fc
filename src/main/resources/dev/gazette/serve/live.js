// Gazette live reload: injected into HTML pages by `gazette serve` only, never by `gazette build`.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }
  var page = script.getAttribute('data-build');
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(message) {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'gazette-build-error';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;'
      + 'margin:0;padding:1rem 1.25rem;background:#2b0b0e;color:#ffe9e9;border-top:4px solid #e5484d;'
      + 'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 24px rgba(0,0,0,.4)';
    var title = document.createElement('strong');
    title.textContent = 'Gazette could not build your last change; this page shows the last good build.';
    var text = document.createElement('pre');
    text.style.cssText = 'margin:.5rem 0 0;white-space:pre-wrap;font:inherit';
    text.textContent = message; // textContent, never innerHTML: the message is shown, not parsed
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Hide');
    close.style.cssText = 'position:absolute;top:.25rem;right:.5rem;background:none;border:0;color:inherit;font-size:1.5rem;cursor:pointer';
    close.addEventListener('click', hide);
    overlay.appendChild(close);
    overlay.appendChild(title);
    overlay.appendChild(text);
    document.body.appendChild(overlay);
  }

  function data(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return {};
    }
  }

  var source = new EventSource(script.getAttribute('data-events'));
  source.addEventListener('hello', function (event) {
    var build = data(event).build;
    if (page && build && build !== page) {
      location.reload(); // a build finished between rendering this page and connecting
    }
  });
  source.addEventListener('reload', function () {
    source.close();
    location.reload();
  });
  source.addEventListener('build-error', function (event) {
    show(data(event).message || 'unknown error');
  });
  source.addEventListener('build-ok', hide);
})();
