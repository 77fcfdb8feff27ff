// Question lookup: asks the CMS (GET /api/questions/status/<code>) and shows the stage in plain words and,
// once published, the answer. The code comes from the form or from `?ma=` (link on the thank-you page).
(function () {
  var form = document.getElementById('status-form');
  var out = document.getElementById('status-result');
  if (!form || !out) return;
  var input = form.elements.namedItem('ma');
  var day = function (iso) {
    return iso
      ? new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
      : '';
  };
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };

  function render(d) {
    var box = el('div', 'result');
    box.appendChild(el('p', null, 'Mã tra cứu: ' + d.code));
    box.appendChild(el('p', 'stage', d.stageLabel));
    if (d.receivedAt) box.appendChild(el('p', 'meta', 'Ngày tiếp nhận: ' + day(d.receivedAt)));
    if (d.answeredAt) box.appendChild(el('p', 'meta', 'Ngày trả lời: ' + day(d.answeredAt)));
    if (d.answer) {
      box.appendChild(el('h2', null, 'Trả lời'));
      // Plain text: the answer is Markdown; its marks are dropped rather than rendered as HTML here.
      d.answer.split(/\n\s*\n/).forEach(function (para) {
        box.appendChild(el('p', null, para.replace(/[*_#>`]+/g, '').trim()));
      });
    }
    if (d.slug) {
      const p = el('p');
      const a = el('a', null, 'Xem câu hỏi và trả lời trên trang Hỏi đáp');
      a.href = form.getAttribute('data-questions') + encodeURIComponent(d.slug) + '/';
      p.appendChild(a);
      box.appendChild(p);
    }
    out.textContent = '';
    out.appendChild(box);
  }

  function lookup(raw) {
    var code = raw.toUpperCase().replace(/[\s-]/g, '');
    out.textContent = 'Đang tra cứu…';
    fetch(form.getAttribute('data-api') + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (res.ok && body && body.data) return render(body.data);
          out.textContent = (body && body.error && body.error.message) || 'Không tra cứu được. Vui lòng thử lại sau.';
        });
      })
      .catch(function () {
        out.textContent = 'Không kết nối được máy chủ. Vui lòng thử lại sau.';
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    history.replaceState(null, '', '?ma=' + encodeURIComponent(input.value.trim()));
    lookup(input.value);
  });
  var given = new URLSearchParams(location.search).get('ma');
  if (given) {
    input.value = given;
    lookup(given);
  }
})();
