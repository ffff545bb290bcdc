// The report page's script: filters, the heatmap's task panel, the pages
// of aligned pairs and unique measures, and the side-by-side view. All
// document text is set with textContent, never parsed as markup.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("pc-data").textContent);
  var L = D.l;
  var PAGE = 25;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function fmt(s) {
    var args = Array.prototype.slice.call(arguments, 1), i = 0;
    return s.replace(/%[ds]/g, function () { return String(args[i++]); });
  }
  function themeName(i) { return i < 0 ? L.unclassified : D.themes[i].name; }
  function relLabel(p) { return p.r ? L[p.r] : L.related; }

  // The state of the filters.
  var F = { doc: -1, theme: -1, rel: "", q: "" };
  function readFilters() {
    var d = $("f-doc").value, t = $("f-theme").value;
    F.doc = d === "" ? -1 : +d;
    F.theme = t === "" ? -1 : +t;
    F.rel = $("f-rel").value;
    F.q = $("f-q").value.trim().toLowerCase();
  }
  function textOK(s) { return !F.q || s.toLowerCase().indexOf(F.q) >= 0; }

  // Derived indexes.
  var clauseDoc = function (c) { return D.tasks[D.clauses[c].t].d; };
  var clauseTheme = function (c) { var th = D.tasks[D.clauses[c].t].th; return th.length ? th[0] : -1; };
  var pairsOf = {}; // clause index → pair indices
  D.pairs.forEach(function (p, i) {
    (pairsOf[p.ab[0]] = pairsOf[p.ab[0]] || []).push(i);
    (pairsOf[p.ab[1]] = pairsOf[p.ab[1]] || []).push(i);
  });
  var tasksOf = D.docs.map(function () { return []; });
  D.tasks.forEach(function (t, i) { tasksOf[t.d].push(i); });

  // Highlighting: text with the given terms marked.
  function marked(text, terms) {
    var frag = document.createDocumentFragment();
    var ts = (terms || []).filter(function (t) { return t; }).sort(function (a, b) { return b.length - a.length; });
    var i = 0, plain = "";
    while (i < text.length) {
      var hit = "";
      for (var k = 0; k < ts.length; k++) {
        if (text.substr(i, ts[k].length) === ts[k]) { hit = ts[k]; break; }
      }
      if (hit) {
        if (plain) { frag.appendChild(document.createTextNode(plain)); plain = ""; }
        frag.appendChild(el("mark", null, hit));
        i += hit.length;
      } else {
        plain += text[i];
        i++;
      }
    }
    if (plain) frag.appendChild(document.createTextNode(plain));
    return frag;
  }

  // One side of a diff: side 1 is A (deletions), 2 is B (insertions).
  function diffSide(text, runs, side) {
    var cs = Array.from(text), at = 0, frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < runs.length; i += 2) {
      var op = runs[i], n = runs[i + 1];
      if (op !== 0 && op !== side) continue;
      var piece = cs.slice(at, at + n).join("");
      at += n;
      if (!piece) continue;
      frag.appendChild(op === 0 ? document.createTextNode(piece) : el(side === 1 ? "del" : "ins", null, piece));
    }
    if (at < cs.length) frag.appendChild(document.createTextNode(cs.slice(at).join("")));
    return frag;
  }

  function pager(box, total, page, go) {
    box.textContent = "";
    box.setAttribute("data-total", total);
    if (!total) { box.appendChild(el("span", "muted", L.nothing)); return; }
    var first = page * PAGE, last = Math.min(total, first + PAGE);
    var prev = el("button", null, L.prev), next = el("button", null, L.next);
    prev.type = next.type = "button";
    prev.className = "prev"; next.className = "next";
    prev.disabled = page === 0;
    next.disabled = last >= total;
    prev.onclick = function () { go(page - 1); };
    next.onclick = function () { go(page + 1); };
    box.appendChild(prev);
    box.appendChild(next);
    box.appendChild(el("span", "range", fmt(L.page_of, first + 1, last, total)));
  }

  // Aligned pairs, every one reachable page by page.
  var pairPage = 0;
  function pairOK(p) {
    var a = p.ab[0], b = p.ab[1];
    if (F.doc >= 0 && clauseDoc(a) !== F.doc && clauseDoc(b) !== F.doc) return false;
    if (F.theme >= 0 && D.tasks[D.clauses[a].t].th.indexOf(F.theme) < 0 && D.tasks[D.clauses[b].t].th.indexOf(F.theme) < 0) return false;
    if (F.rel === "equivalent" && p.k !== "equivalent") return false;
    if (F.rel === "related" && p.k !== "related") return false;
    if (F.rel && F.rel !== "equivalent" && F.rel !== "related" && p.r !== F.rel) return false;
    return textOK(D.clauses[a].x) || textOK(D.clauses[b].x);
  }
  function pairBox(p) {
    var a = p.ab[0], b = p.ab[1];
    var box = el("div", "pair");
    var meta = el("div", "meta");
    meta.appendChild(el("b", null, D.docs[clauseDoc(a)].label));
    meta.appendChild(document.createTextNode(" ↔ "));
    meta.appendChild(el("b", null, D.docs[clauseDoc(b)].label));
    meta.appendChild(document.createTextNode(" · " + themeName(clauseTheme(a)) + " · " + L.score + " " + p.s.toFixed(2) + " · "));
    meta.appendChild(el("span", "rel-" + (p.r || "related"), relLabel(p)));
    if (p.w) meta.appendChild(el("span", "muted", " (" + p.w + ")"));
    box.appendChild(meta);
    var sides = el("div", "sides");
    var sa = el("div", "side"), sb = el("div", "side");
    sa.appendChild(diffSide(D.clauses[a].x, p.d, 1));
    sa.appendChild(el("div", "muted", D.clauses[a].id));
    sb.appendChild(diffSide(D.clauses[b].x, p.d, 2));
    sb.appendChild(el("div", "muted", D.clauses[b].id));
    sides.appendChild(sa);
    sides.appendChild(sb);
    box.appendChild(sides);
    return box;
  }
  function renderPairs() {
    var list = $("pairs-list");
    if (!list) return;
    var shown = [];
    for (var i = 0; i < D.pairs.length; i++) if (pairOK(D.pairs[i])) shown.push(D.pairs[i]);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    pairPage = Math.min(pairPage, pages - 1);
    list.textContent = "";
    shown.slice(pairPage * PAGE, pairPage * PAGE + PAGE).forEach(function (p) { list.appendChild(pairBox(p)); });
    pager($("pairs-pager"), shown.length, pairPage, function (n) { pairPage = n; renderPairs(); });
  }

  // Unique local measures, all of them, page by page.
  var uniquePage = 0;
  function renderUnique() {
    var list = $("unique-list");
    if (!list) return;
    var shown = D.unique.filter(function (c) {
      if (F.doc >= 0 && clauseDoc(c) !== F.doc) return false;
      if (F.theme >= 0 && D.tasks[D.clauses[c].t].th.indexOf(F.theme) < 0) return false;
      return textOK(D.clauses[c].x);
    });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    uniquePage = Math.min(uniquePage, pages - 1);
    list.textContent = "";
    var ul = el("ul");
    shown.slice(uniquePage * PAGE, uniquePage * PAGE + PAGE).forEach(function (c) {
      var li = el("li", "unique");
      li.appendChild(el("b", null, D.docs[clauseDoc(c)].label + " "));
      li.appendChild(el("span", "tag", themeName(clauseTheme(c))));
      li.appendChild(document.createTextNode(" " + D.clauses[c].x + " "));
      li.appendChild(el("span", "muted", D.clauses[c].id));
      ul.appendChild(li);
    });
    list.appendChild(ul);
    pager($("unique-pager"), shown.length, uniquePage, function (n) { uniquePage = n; renderUnique(); });
  }

  // Static rows (summary, heatmap, gaps, targets, duties) shown or hidden.
  function filterStatic() {
    document.querySelectorAll("[data-doc]").forEach(function (e) {
      if (e.tagName === "OPTION") return;
      var docOK = F.doc < 0 || +e.getAttribute("data-doc") === F.doc;
      var th = e.getAttribute("data-theme");
      var themeOK = F.theme < 0 || th === null || +th === F.theme;
      var inTable = e.closest("#targets-table, #duties-table");
      var qOK = !inTable || textOK(e.textContent);
      e.hidden = !(docOK && themeOK && qOK);
    });
    document.querySelectorAll("#heatmap tr.theme, .gap-tasks li").forEach(function (e) {
      var th = +e.getAttribute("data-theme");
      e.hidden = !((F.theme < 0 || th === F.theme) && (e.tagName === "LI" || textOK(e.querySelector("th").textContent)));
    });
  }

  function apply() {
    readFilters();
    pairPage = 0;
    uniquePage = 0;
    filterStatic();
    renderPairs();
    renderUnique();
  }

  // The heatmap: a cell opens its tasks with the theme terms highlighted.
  function openCell(doc, theme) {
    var panel = $("cell-panel"), box = $("cell-tasks");
    box.textContent = "";
    var shown = 0;
    tasksOf[doc].forEach(function (ti) {
      var t = D.tasks[ti], k = t.th.indexOf(theme);
      if (k < 0) return;
      shown++;
      var terms = t.ev[k] || [];
      var div = el("div", "task");
      div.setAttribute("data-task", t.id);
      var h = el("h4");
      h.appendChild(marked(t.h, terms));
      div.appendChild(h);
      div.appendChild(el("div", "muted", t.id + " · " + L.theme_score + " " + t.sc[k].toFixed(2) + (k === 0 ? "" : " · " + themeName(t.th[0]))));
      t.c.forEach(function (c) {
        var p = el("p", "cl");
        p.appendChild(marked(D.clauses[c].x, terms));
        div.appendChild(p);
      });
      var ev = el("div", "muted", L.evidence + ": ");
      terms.forEach(function (term) { ev.appendChild(el("span", "tag", term)); });
      div.appendChild(ev);
      box.appendChild(div);
    });
    $("cell-title").textContent = fmt(L.cell_tasks, D.docs[doc].label, themeName(theme), shown);
    panel.hidden = false;
  }

  // Side by side: the tasks of A in order, each beside its counterpart in
  // B, linked clauses as diffs; then B's tasks with no counterpart.
  function renderSide() {
    var body = document.querySelector("#side-table tbody");
    if (!body) return;
    var a = +$("side-a").value, b = +$("side-b").value;
    $("side-ha").textContent = D.docs[a].label;
    $("side-hb").textContent = D.docs[b].label;
    body.textContent = "";
    var best = {}, usedB = {};
    D.tlinks.forEach(function (l) {
      var x = l.ab[0], y = l.ab[1];
      if (D.tasks[x].d === b && D.tasks[y].d === a) { var s = x; x = y; y = s; }
      if (D.tasks[x].d !== a || D.tasks[y].d !== b) return;
      var cur = best[x], rank = (l.k === "equivalent" ? 10 : 0) + l.s;
      if (!cur || rank > cur.rank) best[x] = { task: y, link: l, rank: rank };
    });
    function taskCell(ti, pairs, side) {
      var td = el("td");
      var t = D.tasks[ti];
      td.appendChild(el("b", null, t.h));
      td.appendChild(el("div", "muted", t.id));
      t.c.forEach(function (c) {
        var p = el("div", "cl"), pr = pairs[c];
        if (pr) p.appendChild(diffSide(D.clauses[c].x, pr.d, side));
        else p.textContent = D.clauses[c].x;
        td.appendChild(p);
      });
      return td;
    }
    function row(ta, tb, link) {
      var tr = el("tr");
      var pa = {}, pb = {};
      if (ta >= 0 && tb >= 0) {
        D.tasks[ta].c.forEach(function (c) {
          (pairsOf[c] || []).forEach(function (pi) {
            var p = D.pairs[pi], other = p.ab[0] === c ? p.ab[1] : p.ab[0];
            if (D.clauses[other].t !== tb || pa[c]) return;
            var flip = p.ab[0] !== c;
            var runs = flip ? p.d.map(function (v, i) { return i % 2 === 0 && v ? 3 - v : v; }) : p.d;
            pa[c] = { d: runs };
            pb[other] = { d: runs };
          });
        });
      }
      tr.appendChild(ta >= 0 ? taskCell(ta, pa, 1) : el("td", "muted", L.no_counterpart));
      var rel = el("td", "rel");
      if (link) {
        rel.appendChild(el("div", null, link.k === "equivalent" ? L.equivalent : L.related));
        rel.appendChild(el("div", "muted", L.score + " " + link.s.toFixed(2)));
      } else {
        rel.textContent = "—";
      }
      tr.appendChild(rel);
      tr.appendChild(tb >= 0 ? taskCell(tb, pb, 2) : el("td", "muted", L.no_counterpart));
      body.appendChild(tr);
    }
    if (a === b) return;
    tasksOf[a].forEach(function (ta) {
      var m = best[ta];
      if (m) usedB[m.task] = true;
      row(ta, m ? m.task : -1, m ? m.link : null);
    });
    tasksOf[b].forEach(function (tb) { if (!usedB[tb]) row(-1, tb, null); });
  }

  ["f-doc", "f-theme", "f-rel"].forEach(function (id) { $(id).addEventListener("change", apply); });
  var timer = 0;
  $("f-q").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  document.querySelectorAll("#heatmap td.cell.has").forEach(function (td) {
    td.addEventListener("click", function () {
      openCell(+td.getAttribute("data-doc"), +td.closest("tr").getAttribute("data-theme"));
    });
  });
  $("cell-close").addEventListener("click", function () { $("cell-panel").hidden = true; });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") $("cell-panel").hidden = true; });
  if ($("side-a")) {
    var ref = D.ref >= 0 ? D.ref : 0;
    $("side-a").value = String(ref);
    $("side-b").value = String(ref === 0 ? Math.min(1, D.docs.length - 1) : 0);
    $("side-a").addEventListener("change", renderSide);
    $("side-b").addEventListener("change", renderSide);
    renderSide();
  }
  apply();
  document.body.setAttribute("data-ready", "1");
})();
