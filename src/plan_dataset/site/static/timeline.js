// The timeline's filters, by who and by what. Without JavaScript every row shows.
(function () {
  "use strict";
  var form = document.querySelector("form.timeline-filter");
  if (!form) { return; }
  var actor = document.getElementById("timeline-actor");
  var count = document.getElementById("timeline-count");
  var items = document.querySelectorAll("ol.timeline li.item");
  var months = document.querySelectorAll("section.month");
  function apply() {
    var kinds = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=kind]"), function (box) {
      kinds[box.value] = box.checked;
    });
    var who = actor.value;
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var actors = (item.getAttribute("data-actors") || "").split(" ");
      var visible = kinds[item.getAttribute("data-kind")] && (!who || actors.indexOf(who) >= 0);
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    Array.prototype.forEach.call(months, function (month) {
      month.hidden = !month.querySelector("li.item:not([hidden])");
    });
    count.textContent = shown + " row(s) shown";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
