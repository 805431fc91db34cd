// Build screen: follow the build's progress, then show its outcome (the page works without this:
// it reloads itself through a meta refresh).
(function () {
  "use strict";
  var box = document.getElementById("kemajuan");
  if (!box) return;
  var bar = document.getElementById("bilah");
  var stage = document.getElementById("tahap");
  var count = document.getElementById("hitung");
  function ask() {
    fetch(box.dataset.url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (k) {
        if (k.keadaan !== "berjalan") { window.location.reload(); return; }
        stage.textContent = k.tahap;
        if (k.jumlah) {
          bar.max = k.jumlah;
          bar.value = k.selesai;
          count.textContent = k.selesai + " dari " + k.jumlah;
        } else {
          bar.removeAttribute("value");
          count.textContent = "";
        }
        setTimeout(ask, 300);
      })
      .catch(function () { setTimeout(ask, 1000); });
  }
  setTimeout(ask, 300);
})();
