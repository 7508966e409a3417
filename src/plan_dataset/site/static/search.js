// Search over the prebuilt lunr index (search-index.js); the rest of the site needs no script.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var index = lunr.Index.load(window.PLAN_SEARCH_INDEX);
  var docs = window.PLAN_SEARCH_DOCS;
  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var hits = [];
    if (query.trim()) {
      try { hits = index.search(query); }
      catch (error) { hits = index.search(query.replace(/[:*~^+\-]/g, " ")); }
    }
    hits.slice(0, 100).forEach(function (hit) {
      var doc = docs[hit.ref];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc.url;
      link.textContent = doc.title;
      item.appendChild(link);
      var about = document.createElement("span");
      about.className = "muted";
      about.textContent = " · " + doc.kind + (doc.version ? " · " + doc.version : "");
      item.appendChild(about);
      if (doc.snippet) {
        var snippet = document.createElement("p");
        snippet.className = "snippet";
        snippet.textContent = doc.snippet;
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    status.textContent = query.trim() ? hits.length + " result(s)" : "";
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
