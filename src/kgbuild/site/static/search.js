// Search box of the index page: filters the names and aliases of search.json (written by
// `kgbuild site`) as the user types; no server, no library.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  if (!input || !results) { return; }
  var entries = null;

  function show(query) {
    results.textContent = "";
    if (!entries || query.length < 2) { return; }
    var needle = query.toLowerCase();
    var shown = 0;
    for (var i = 0; i < entries.length && shown < 25; i++) {
      var entry = entries[i];  // [label, aliases, type, href]
      if ((entry[0] + "\n" + entry[1]).toLowerCase().indexOf(needle) === -1) { continue; }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[3];
      link.textContent = entry[0];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + entry[2] + ")"));
      results.appendChild(item);
      shown++;
    }
    if (shown === 0) {
      var none = document.createElement("li");
      none.textContent = "No name or alias contains “" + query + "”.";
      results.appendChild(none);
    }
  }

  fetch(input.getAttribute("data-index"))
    .then(function (response) { return response.json(); })
    .then(function (data) { entries = data; show(input.value.trim()); });
  input.addEventListener("input", function () { show(input.value.trim()); });
}());
