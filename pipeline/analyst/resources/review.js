/* minutes review page: tooltips with each record's fields, legend toggles, index jumps.
   Record fields come from the JSON block and are written with textContent only. */
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var doc = document.getElementById("doc");
  var tip = document.getElementById("tooltip");
  var MAX_VALUE = 300;
  var lit = [];

  function fragments(key) {
    return doc.querySelectorAll('mark.rv[data-record="' + CSS.escape(key) + '"]');
  }

  function hidden(kind) {
    return document.body.classList.contains("hide-" + kind);
  }

  function valueCell(value) {
    var td = document.createElement("td");
    if (value === null || value === undefined) {
      td.className = "null";
      td.textContent = "null";
      return td;
    }
    var text = typeof value === "string" ? value : JSON.stringify(value);
    if (text.length > MAX_VALUE) {
      text = text.slice(0, MAX_VALUE) + "\u2026 (" + (text.length - MAX_VALUE) + " more chars)";
    }
    td.textContent = text;
    return td;
  }

  function card(key) {
    var rec = records[key];
    var section = document.createElement("section");
    section.className = "card";
    section.setAttribute("data-record", key);
    section.setAttribute("data-kind", rec.kind);
    var h = document.createElement("h3");
    h.textContent = rec.label + " ";
    var small = document.createElement("small");
    small.textContent = key + (rec.parts > 1 ? " \u00b7 " + rec.parts + " fragments" : "");
    h.appendChild(small);
    section.appendChild(h);
    var table = document.createElement("table");
    Object.keys(rec.fields).forEach(function (name) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-field", name);
      var th = document.createElement("th");
      th.textContent = name;
      tr.appendChild(th);
      tr.appendChild(valueCell(rec.fields[name]));
      table.appendChild(tr);
    });
    section.appendChild(table);
    return section;
  }

  /* The hovered record first, then every record enclosing it. */
  function chain(mark) {
    var keys = [];
    for (var m = mark; m && m !== doc; m = m.parentElement) {
      if (m.matches("mark.rv") && !hidden(m.getAttribute("data-kind"))) {
        var key = m.getAttribute("data-record");
        if (keys.indexOf(key) < 0) keys.push(key);
      }
    }
    return keys;
  }

  function light(key) {
    lit.forEach(function (m) { m.classList.remove("hl"); });
    lit = key ? Array.prototype.slice.call(fragments(key)) : [];
    lit.forEach(function (m) { m.classList.add("hl"); });
  }

  /* Beside the pointer, on the side (below or above) with more room, never over it. */
  function place(x, y) {
    var below = window.innerHeight - y - 26, above = y - 20;
    tip.style.maxHeight = Math.max(120, Math.max(below, above)) + "px";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(8, Math.min(x + 14, window.innerWidth - w - 8)) + "px";
    tip.style.top = (below >= h || below >= above ? y + 18 : Math.max(8, y - h - 12)) + "px";
  }

  function hide() {
    tip.hidden = true;
    tip.replaceChildren();
    light(null);
  }

  doc.addEventListener("mouseover", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.rv") : null;
    var keys = mark ? chain(mark) : [];
    if (!keys.length) { hide(); return; }
    tip.replaceChildren.apply(tip, keys.map(card));
    tip.hidden = false;
    light(keys[0]);
    place(event.clientX, event.clientY);
  });
  doc.addEventListener("mousemove", function (event) {
    if (!tip.hidden) place(event.clientX, event.clientY);
  });
  doc.addEventListener("mouseleave", hide);

  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });

  document.querySelectorAll("#index a[data-record]").forEach(function (link) {
    link.addEventListener("click", function () {
      fragments(link.getAttribute("data-record")).forEach(function (m) {
        m.classList.remove("flash");
        void m.offsetWidth;
        m.classList.add("flash");
      });
    });
  });
})();
