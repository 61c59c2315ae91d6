// Forms marked data-unsaved-warning warn before the page is left with changes not saved.
// A static file (no inline script: the Content-Security-Policy allows scripts from 'self' only).
(function () {
  function watch(form) {
    var initial = new URLSearchParams(new FormData(form)).toString();
    var notice = form.querySelector('.unsaved');
    var submitting = false;
    function dirty() {
      return !submitting && new URLSearchParams(new FormData(form)).toString() !== initial;
    }
    function update() {
      if (notice) {
        notice.hidden = !dirty();
      }
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', function () { submitting = true; });
    window.addEventListener('beforeunload', function (e) {
      if (dirty()) {
        e.preventDefault();
        e.returnValue = '';
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-unsaved-warning]').forEach(watch);
  });
})();
