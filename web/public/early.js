/*
 * Tandem: the first questions of a visit from a browser that was signed in last time (who am I,
 * is the install set up, and on Home what needs my attention, with Home's own file), asked while
 * the app's own script is still downloading. The app takes these answers instead of asking again (web/src/api.ts).
 * A plain script, not part of the app's bundle, so it can start before the bundle arrives.
 */
(function () {
  try {
    if (window.__tandemStarted || window.localStorage.getItem('tandem.signedIn') !== '1') return;
    var urls = ['/api/me', '/api/setup'];
    if (window.location.pathname === '/') {
      urls.push('/api/attention');
      // Home's own file (named by the build on this script's tag), fetched now rather than after the first file runs.
      var home = document.currentScript && document.currentScript.getAttribute('data-home');
      if (home) {
        var link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = home;
        document.head.appendChild(link);
      }
    }
    var early = {};
    urls.forEach(function (url) {
      early[url] = fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      // An answer nobody takes must not be reported as an unhandled failure.
      early[url].catch(function () {});
    });
    window.__tandemEarly = early;
  } catch (e) {
    // Storage off or fetch missing: the app asks for itself.
  }
})();
