/*
 * Tandem: the first questions of a visit from a browser that was signed in last time (who am I,
 * and on Home what needs my attention, with Home's own file), asked while
 * the app's own script is still downloading. The app takes these answers instead of asking again (web/src/api.ts).
 * A plain script, not part of the app's bundle: the build writes it into index.html itself
 * (web/vite.config.ts, without this comment), so the questions leave as the page is read rather
 * than a round trip later; the server allows exactly this script by its hash (security-headers.ts).
 * HOME_FILE is replaced by the build with the address of Home's own file.
 */
(function () {
  try {
    if (window.__tandemStarted || window.localStorage.getItem('tandem.signedIn') !== '1') return;
    // Not "is the install set up": someone was signed in, so it is (SetupGate asks only when nobody is).
    var urls = ['/api/me'];
    if (window.location.pathname === '/') {
      urls.push('/api/attention');
      // Home's own file, fetched now rather than after the first file runs.
      var home = HOME_FILE;
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
    // The first date formatter of a page loads the browser's locale data: about 60 ms on a slow
    // tablet (lists and numbers about 10 ms more). Done now, while the page waits for the app's
    // files, instead of inside Home's first render; the data stays loaded for the app's own formatters.
    setTimeout(function () {
      try {
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
        new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' }).format(['a', 'b']);
        new Intl.NumberFormat().format(1);
      } catch (e) {
        // An older browser without one of these: the app makes its own when it needs them.
      }
    }, 0);
  } catch (e) {
    // Storage off or fetch missing: the app asks for itself.
  }
})();
