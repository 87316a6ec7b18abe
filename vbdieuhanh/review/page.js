// vbdieuhanh review page: counts the marks shown, fills the JSON views, collects corrections and
// downloads them as corrections.json. Document text is never inserted as HTML (textContent only).
(function () {
  "use strict";
  var node = document.getElementById("vbdh-data");
  var data = JSON.parse(node.textContent);
  var schema = node.getAttribute("data-schema");

  var shown = 0;
  document.querySelectorAll("mark.v.first").forEach(function (mark) {
    var box = mark.getBoundingClientRect();
    if (mark.getClientRects().length > 0 && box.width > 0 && box.height > 0) { shown += 1; }
  });
  var status = document.getElementById("status");
  status.textContent = shown + " giá trị được đánh dấu trong " + data.length + " văn bản";
  document.body.setAttribute("data-marks-visible", String(shown));

  document.querySelectorAll("pre.json").forEach(function (pre) {
    pre.textContent = JSON.stringify(data[Number(pre.getAttribute("data-doc"))].record, null, 2);
  });

  function parseValue(input) {
    var path = input.getAttribute("data-path");
    var text = input.value.trim();
    if (/\.assignees$/.test(path)) {
      return text.split(";").map(function (part) { return part.trim(); }).filter(Boolean).map(function (part) {
        var coordinate = /\(phối hợp\)$/.test(part);
        return { name: part.replace(/\s*\(phối hợp\)$/, ""), role: coordinate ? "coordinate" : "lead" };
      });
    }
    return text === "" ? null : text;
  }

  function collect() {
    var byDoc = {};
    document.querySelectorAll("input.fix").forEach(function (input) {
      var changed = input.value.trim() !== input.getAttribute("data-orig").trim();
      input.classList.toggle("changed", changed);
      if (!changed) { return; }
      var index = input.getAttribute("data-doc");
      byDoc[index] = byDoc[index] || {};
      byDoc[index][input.getAttribute("data-path")] = parseValue(input);
    });
    var documents = Object.keys(byDoc).map(function (index) {
      var item = data[Number(index)];
      return { file: item.file, sha256: item.sha256, set: byDoc[index] };
    });
    return { schema: schema, documents: documents };
  }

  function refresh() {
    var payload = collect();
    var count = payload.documents.reduce(function (n, d) { return n + Object.keys(d.set).length; }, 0);
    document.getElementById("changes").textContent =
      count ? count + " trường đã sửa" : "chưa sửa trường nào";
    var preview = document.getElementById("preview");
    preview.hidden = count === 0;
    preview.textContent = JSON.stringify(payload, null, 2);
    return payload;
  }

  document.querySelectorAll("input.fix").forEach(function (input) {
    input.addEventListener("input", refresh);
  });

  document.getElementById("download").addEventListener("click", function () {
    var payload = refresh();
    var blob = new Blob([JSON.stringify(payload, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "corrections.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });

  document.querySelectorAll("a.goto").forEach(function (link) {
    link.addEventListener("click", function () {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) { return; }
      target.classList.add("flash");
      setTimeout(function () { target.classList.remove("flash"); }, 1500);
    });
  });
  window.vbdhCorrections = collect;
})();
