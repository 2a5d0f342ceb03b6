// Sends the CSRF token with every htmx request; confirms destructive buttons; prints from
// buttons marked data-print (no inline handlers: the content security policy refuses them).
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });
  document.body.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) {
      e.preventDefault();
    }
  });
  document.body.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) {
      window.print();
    }
  });
})();
