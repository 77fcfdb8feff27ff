// The question form with JavaScript: marks when it was opened (the CMS refuses forms sent faster than a
// person can fill them), then posts by fetch and shows refusals next to the form with the input kept.
// Without this file the form posts as plain HTML and the CMS redirects to the site's own pages.
(function () {
  var form = document.getElementById('ask-form');
  var box = document.getElementById('ask-errors');
  var started = document.getElementById('f-started');
  if (!form || !box || !started) return;
  started.value = String(Date.now());
  var button = form.querySelector('button[type="submit"]');

  function show(message, errors) {
    box.textContent = '';
    var h = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = 'Chưa gửi được câu hỏi. ';
    h.appendChild(strong);
    h.appendChild(document.createTextNode(message));
    box.appendChild(h);
    var shown = {};
    var list = document.createElement('ul');
    (errors || []).forEach(function (e) {
      var name = e.path && e.path[0];
      var input = name && form.elements.namedItem(name);
      if (input && input.setAttribute && input.type !== 'hidden') input.setAttribute('aria-invalid', 'true');
      if (e.message && !shown[e.message] && e.message !== message) {
        shown[e.message] = true;
        const li = document.createElement('li');
        li.textContent = e.message;
        list.appendChild(li);
      }
    });
    if (list.children.length) box.appendChild(list);
    box.hidden = false;
    box.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
    if (button) button.disabled = true;
    // Urlencoded with Accept: JSON — the CMS answers JSON, and no CORS preflight is needed.
    fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)),
    })
      .then(function (res) {
        return res.json().then(
          function (body) {
            return { ok: res.ok, body: body };
          },
          function () {
            return { ok: false, body: null };
          },
        );
      })
      .then(function (r) {
        if (r.ok && r.body && r.body.data && r.body.data.code) {
          location.assign(form.getAttribute('data-thanks') + '?ma=' + encodeURIComponent(r.body.data.code));
          return;
        }
        var err = (r.body && r.body.error) || {};
        show(err.message || 'Máy chủ không trả lời đúng. Vui lòng thử lại sau.', (err.details && err.details.errors) || []);
      })
      .catch(function () {
        show('Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng rồi gửi lại; nội dung đã nhập vẫn còn.', []);
      })
      .then(function () {
        if (button) button.disabled = false;
      });
  });
})();
