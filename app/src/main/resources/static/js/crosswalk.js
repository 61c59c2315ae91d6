// Crosswalk's page behaviour (no inline scripts: the CSP allows only 'self').
(function () {
  "use strict";

  var exactFmt = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short"
  });

  // "5 min ago" as the server wrote it, kept current; the exact time on hover in the viewer's time zone.
  function relative(date) {
    var s = Math.round((Date.now() - date.getTime()) / 1000);
    var abs = Math.abs(s);
    if (abs < 45) { return "just now"; }
    var amount;
    if (abs < 90 * 60) { amount = Math.max(1, Math.round(abs / 60)) + " min"; }
    else if (abs < 36 * 3600) { amount = Math.round(abs / 3600) + " h"; }
    else { var d = Math.round(abs / 86400); amount = d + (d === 1 ? " day" : " days"); }
    return s < 0 ? "in " + amount : amount + " ago";
  }

  function refreshTimes(root) {
    (root || document).querySelectorAll("time.ago[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (isNaN(date.getTime())) { return; }
      el.title = exactFmt.format(date);
      el.textContent = relative(date);
    });
  }

  // Forms that destroy something ask first: <form data-confirm="Remove …?">.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  }, true);

  // One open menu at a time; a click elsewhere or Escape closes it.
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.menu[open]").forEach(function (d) {
      if (!d.contains(e.target)) { d.removeAttribute("open"); }
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      document.querySelectorAll("details.menu[open]").forEach(function (d) {
        d.removeAttribute("open");
        var s = d.querySelector("summary");
        if (s) { s.focus(); }
      });
    }
  });

  // Other login host: the text field is only needed (and required) for My Domain / other URL.
  function syncHostField() {
    var form = document.getElementById("add-integration");
    if (!form) { return; }
    var kind = form.querySelector("input[name=hostKind]:checked");
    var host = form.querySelector("#host-field");
    if (!kind || !host) { return; }
    var needed = kind.value === "mydomain" || kind.value === "url";
    host.hidden = !needed;
    var input = host.querySelector("input");
    if (input) { input.required = needed; }
  }
  document.addEventListener("change", function (e) {
    if (e.target && e.target.name === "hostKind") { syncHostField(); }
  });

  document.addEventListener("htmx:configRequest", function (e) {
    var header = document.querySelector("meta[name=csrf-header]");
    var token = document.querySelector("meta[name=csrf-token]");
    if (header && token) { e.detail.headers[header.content] = token.content; }
  });
  document.addEventListener("htmx:afterSwap", function (e) { refreshTimes(e.target); });
  document.addEventListener("htmx:sseMessage", function (e) { refreshTimes(e.target); });

  document.addEventListener("DOMContentLoaded", function () {
    refreshTimes();
    syncHostField();
    setInterval(refreshTimes, 30000);
  });
})();
