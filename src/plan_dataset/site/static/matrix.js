// The stance matrix's filter: show one table at a time. Without JavaScript every table shows.
(function () {
  "use strict";
  var select = document.getElementById("matrix-view");
  if (!select) { return; }
  var sections = document.querySelectorAll("section.matrix-view");
  function show(id) {
    Array.prototype.forEach.call(sections, function (section) {
      section.hidden = Boolean(id) && section.id !== id;
    });
  }
  select.parentNode.hidden = false;
  select.addEventListener("change", function () {
    show(select.value);
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", select.value ? "#" + select.value : "#");
    }
  });
  var wanted = window.location.hash.slice(1);
  if (wanted && document.getElementById(wanted) && wanted !== "matrix-contents-h") {
    select.value = wanted;
    show(select.value);
  }
})();
