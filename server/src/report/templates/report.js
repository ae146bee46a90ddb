// The report's only script: a sentence's details on hover and keyboard focus, and sorting the index. Without it
// the details are each sentence's title.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var shown = null;
  function sentenceOf(node) {
    return node && node.closest ? node.closest(".s[tabindex]") : null;
  }
  function show(el) {
    // The title moves into the tooltip, so the browser's own tooltip does not show it a second time.
    if (el.hasAttribute("title")) {
      el.setAttribute("data-tip", el.getAttribute("title"));
      el.removeAttribute("title");
    }
    if (shown && shown !== el) shown.removeAttribute("aria-describedby");
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.top = window.scrollY + box.bottom + 8 + "px";
    tip.style.left = window.scrollX + Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8)) + "px";
    el.setAttribute("aria-describedby", "tip");
    shown = el;
  }
  function hide() {
    tip.hidden = true;
    if (shown) shown.removeAttribute("aria-describedby");
    shown = null;
  }
  document.addEventListener("mouseover", function (event) {
    var el = sentenceOf(event.target);
    if (el) show(el);
  });
  document.addEventListener("mouseout", function (event) {
    var el = sentenceOf(event.target);
    if (el && !el.contains(event.relatedTarget) && document.activeElement !== el) hide();
  });
  document.addEventListener("focusin", function (event) {
    var el = sentenceOf(event.target);
    if (el) show(el);
  });
  document.addEventListener("focusout", function (event) {
    if (sentenceOf(event.target)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(table.querySelectorAll("th button[data-key]"), function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-key");
        var header = button.parentNode;
        // Numbers sort largest first at the first click, names from A.
        var descending = header.getAttribute("aria-sort") === "none" ? key !== "name" : header.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (th) {
          th.setAttribute("aria-sort", "none");
        });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
          var order = key === "name" ? x.localeCompare(y) : parseFloat(x) - parseFloat(y);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
