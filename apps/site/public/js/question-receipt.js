// Thank-you page: shows the tracking code from `?ma=` (the CMS's redirect puts it there), with a copy button
// and a link that looks it up. The CMS checks every code; this only refuses to show what is not one.
(function () {
  var code = (new URLSearchParams(location.search).get('ma') || '').toUpperCase();
  if (!/^[0-9A-Z]{10}$/.test(code)) return;
  document.getElementById('tracking-code').textContent = code;
  document.getElementById('receipt').hidden = false;
  var link = document.getElementById('status-link');
  link.href = link.getAttribute('href') + '?ma=' + encodeURIComponent(code);
  var button = document.getElementById('copy-code');
  var done = document.getElementById('copy-done');
  button.addEventListener('click', function () {
    var ok = function () {
      done.textContent = 'Đã sao chép mã.';
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code).then(ok, function () {
        done.textContent = 'Không sao chép được, vui lòng chọn mã và sao chép bằng tay.';
      });
    } else {
      getSelection().selectAllChildren(document.getElementById('tracking-code'));
      done.textContent = 'Mã đã được chọn, hãy nhấn Ctrl+C để sao chép.';
    }
  });
})();
