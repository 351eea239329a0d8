// actorgraph report: draws the graph written into #report-data on a canvas and shows,
// for every actor and relation, what the graph knows about it, down to the evidence
// sentences. No library, no network: everything the page needs is in the page.
//
// Text from the data is always put in the page with textContent or as a text node,
// never as HTML.
(function () {
  "use strict";

  const T = { start: performance.now() };
  const D = JSON.parse(document.getElementById("report-data").textContent);
  T.parsed = performance.now();
  const P = D.palette;
  const nodes = D.nodes;
  const edges = D.edges;
  const N = nodes.length;
  const E = edges.length;
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- the model
  const familyOf = new Map(P.relations.map(([r, f]) => [r, f]));
  const familyStyle = new Map(P.families.map((f) => [f.name, f]));
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  // a real calendar date written YYYY-MM-DD (export::valid_date)
  const dateChecked = new Map(); // a corpus has far fewer dates than relations
  const isDate = (d) => {
    if (typeof d !== "string") return false;
    let ok = dateChecked.get(d);
    if (ok === undefined) {
      const t = DATE.test(d) && !d.startsWith("0000") ? new Date(d + "T00:00:00Z") : NaN;
      ok = !isNaN(t) && t.toISOString().slice(0, 10) === d;
      dateChecked.set(d, ok);
    }
    return ok;
  };

  const xs = new Float64Array(N);
  const ys = new Float64Array(N);
  const degree = new Int32Array(N);
  const incident = Array.from({ length: N }, () => []);
  const src = new Int32Array(E);
  const dst = new Int32Array(E);
  const eFamily = new Array(E);
  const eLo = new Array(E); // earliest date of the edge, or null
  const eHi = new Array(E);
  const eBend = new Float64Array(E); // offset of parallel edges, in multiples of a step
  nodes.forEach((n, i) => {
    xs[i] = +n.x || 0;
    ys[i] = +n.y || 0;
  });
  const pairCount = new Map();
  edges.forEach((e, i) => {
    src[i] = e.source;
    dst[i] = e.target;
    degree[e.source]++;
    degree[e.target]++;
    incident[e.source].push(i);
    if (e.target !== e.source) incident[e.target].push(i);
    eFamily[i] = familyOf.get(e.relation) || "cooperation";
    const dates = [e.date, e.first_seen, e.last_seen];
    for (const ev of e.evidence || []) if (ev[5] && isDate(ev[5].date)) dates.push(ev[5].date);
    const ok = dates.filter(isDate).sort();
    eLo[i] = ok.length ? ok[0] : null;
    eHi[i] = ok.length ? ok[ok.length - 1] : null;
    const a = Math.min(e.source, e.target), b = Math.max(e.source, e.target);
    const key = a * N + b;
    pairCount.set(key, (pairCount.get(key) || 0) + 1);
  });
  {
    const seen = new Map();
    edges.forEach((e, i) => {
      const a = Math.min(e.source, e.target), b = Math.max(e.source, e.target);
      const key = a * N + b;
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      const n = pairCount.get(key);
      // Direction matters for which side a curve bends to: flip for the reverse edges.
      const side = e.source <= e.target ? 1 : -1;
      eBend[i] = n > 1 ? (k - (n - 1) / 2) * side : 0;
    });
  }
  const maxWeight = edges.reduce((m, e) => Math.max(m, e.weight || 1), 1);
  // per edge, for drawing: family index, line width, dotted (negated, hypothetical)
  const FAMILY_NAMES = P.families.map((f) => f.name);
  const eFamilyIx = new Uint8Array(E);
  const eWidth = new Float32Array(E);
  const eDotted = new Uint8Array(E);
  edges.forEach((e, i) => {
    eFamilyIx[i] = Math.max(0, FAMILY_NAMES.indexOf(eFamily[i]));
    eWidth[i] = Math.min(7, 1.2 + 1.6 * Math.log2(Math.max(1, e.weight || 1))); // style::edge_width
    eDotted[i] = e.mode === "negated" || e.mode === "hypothetical" ? 1 : 0;
  });
  const edgeBatches = Array.from({ length: FAMILY_NAMES.length * 64 }, () => []);
  const typesPresent = P.type_order.filter((t) => nodes.some((n) => n.type === t));
  const relationsPresent = P.relations.map(([r]) => r).filter((r) => edges.some((e) => e.relation === r));
  const modesPresent = [...new Set(edges.map((e) => e.mode).filter((m) => typeof m === "string"))].sort();
  const DATES = (() => {
    const s = new Set();
    for (const d of D.documents) if (isDate(d.date)) s.add(d.date);
    for (let i = 0; i < E; i++) {
      if (eLo[i]) s.add(eLo[i]);
      if (eHi[i]) s.add(eHi[i]);
    }
    return [...s].sort();
  })();
  const undatedEdges = eLo.filter((d) => d === null).length;
  const lowerName = nodes.map((n) => String(n.name || n.id).toLowerCase());
  const lowerAliases = nodes.map((n) => (n.aliases || []).map((a) => String(a).toLowerCase()));
  const byDegree = Array.from({ length: N }, (_, i) => i).sort((a, b) => degree[b] - degree[a] || a - b);

  T.model = performance.now();

  // ---------------------------------------------------------------- the state
  const S = {
    relations: new Set(relationsPresent),
    types: new Set(typesPresent),
    // A graph holds negated or hypothetical relations only when its user asked for
    // them: all are shown, drawn dotted.
    modes: new Set(modesPresent),
    from: 0,
    to: Math.max(0, DATES.length - 1),
    undated: true,
    minWeight: 1,
    hideIsolated: false,
    focus: -1,
    depth: 1,
    node: -1, // the actor whose panel is open
    edge: -1, // the relation whose panel is open
    hover: -1,
    hoverEdge: -1,
    view: "graph",
  };
  const nodeShown = new Uint8Array(N);
  const edgeShown = new Uint8Array(E);
  let shownNodes = 0;
  let shownEdges = 0;

  function edgePasses(i) {
    const e = edges[i];
    if (!S.relations.has(e.relation)) return false;
    if ((e.weight || 1) < S.minWeight) return false;
    if (typeof e.mode === "string" && !S.modes.has(e.mode)) return false;
    if (!S.types.has(nodes[src[i]].type) || !S.types.has(nodes[dst[i]].type)) return false;
    if (eLo[i] === null) return S.undated;
    if (!DATES.length) return true;
    return eHi[i] >= DATES[S.from] && eLo[i] <= DATES[S.to];
  }

  function recompute() {
    for (let i = 0; i < E; i++) edgeShown[i] = edgePasses(i) ? 1 : 0;
    for (let i = 0; i < N; i++) nodeShown[i] = S.types.has(nodes[i].type) ? 1 : 0;
    if (S.focus >= 0) {
      // the ego network: actors within S.depth shown relations of the focus
      const dist = new Int32Array(N).fill(-1);
      dist[S.focus] = 0;
      let frontier = [S.focus];
      for (let d = 1; d <= S.depth && frontier.length; d++) {
        const next = [];
        for (const v of frontier)
          for (const ei of incident[v]) {
            if (!edgeShown[ei]) continue;
            const w = src[ei] === v ? dst[ei] : src[ei];
            if (dist[w] < 0) {
              dist[w] = d;
              next.push(w);
            }
          }
        frontier = next;
      }
      for (let i = 0; i < N; i++) nodeShown[i] = dist[i] >= 0 ? 1 : 0;
      for (let i = 0; i < E; i++) if (edgeShown[i] && !(nodeShown[src[i]] && nodeShown[dst[i]])) edgeShown[i] = 0;
    }
    if (S.hideIsolated || S.focus >= 0) {
      const linked = new Uint8Array(N);
      for (let i = 0; i < E; i++)
        if (edgeShown[i]) {
          linked[src[i]] = 1;
          linked[dst[i]] = 1;
        }
      for (let i = 0; i < N; i++) if (!linked[i] && i !== S.focus) nodeShown[i] = 0;
    }
    shownNodes = 0;
    shownEdges = 0;
    for (let i = 0; i < N; i++) shownNodes += nodeShown[i];
    for (let i = 0; i < E; i++) shownEdges += edgeShown[i];
    updateCaption();
    if (S.view === "table") renderTable();
    requestDraw();
  }

  // ---------------------------------------------------------------- formatting
  const fmt = (n) => Number(n).toLocaleString("en-US");
  const plural = (n, one, many) => fmt(n) + " " + (n === 1 ? one : many || one + "s");
  function el(tag, attrs, ...children) {
    const x = document.createElement(tag);
    if (attrs)
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === "class") x.className = v;
        else if (k === "text") x.textContent = v;
        else if (k.startsWith("on")) x.addEventListener(k.slice(2), v);
        else x.setAttribute(k, v === true ? "" : v);
      }
    for (const c of children) if (c !== null && c !== undefined && c !== false) x.append(c instanceof Node ? c : String(c));
    return x;
  }
  const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);
  const nodeName = (i) => String(nodes[i].name || nodes[i].id);

  // ---------------------------------------------------------------- shapes
  // The outlines of the picture's legend (src/palette.rs), at any size.
  function shapePath(ctx, shape, x, y, w, h) {
    const x0 = x - w / 2, y0 = y - h / 2, x1 = x + w / 2, y1 = y + h / 2;
    switch (shape) {
      case "ellipse":
        ctx.moveTo(x1, y);
        ctx.ellipse(x, y, w / 2, h / 2, 0, 0, Math.PI * 2);
        break;
      case "rounded": {
        const r = Math.min(w, h) * 0.3;
        ctx.moveTo(x0 + r, y0);
        ctx.arcTo(x1, y0, x1, y1, r);
        ctx.arcTo(x1, y1, x0, y1, r);
        ctx.arcTo(x0, y1, x0, y0, r);
        ctx.arcTo(x0, y0, x1, y0, r);
        ctx.closePath();
        break;
      }
      case "hexagon":
        ctx.moveTo(x0, y);
        ctx.lineTo(x0 + w / 4, y0);
        ctx.lineTo(x1 - w / 4, y0);
        ctx.lineTo(x1, y);
        ctx.lineTo(x1 - w / 4, y1);
        ctx.lineTo(x0 + w / 4, y1);
        ctx.closePath();
        break;
      case "octagon": {
        const dx = 0.293 * w, dy = 0.207 * h;
        ctx.moveTo(x0 + dx, y0);
        ctx.lineTo(x1 - dx, y0);
        ctx.lineTo(x1, y - dy);
        ctx.lineTo(x1, y + dy);
        ctx.lineTo(x1 - dx, y1);
        ctx.lineTo(x0 + dx, y1);
        ctx.lineTo(x0, y + dy);
        ctx.lineTo(x0, y - dy);
        ctx.closePath();
        break;
      }
      case "note": {
        const f = Math.min(w, h) / 3;
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1 - f, y0);
        ctx.lineTo(x1, y0 + f);
        ctx.lineTo(x1, y1);
        ctx.lineTo(x0, y1);
        ctx.closePath();
        ctx.moveTo(x1 - f, y0);
        ctx.lineTo(x1 - f, y0 + f);
        ctx.lineTo(x1, y0 + f);
        break;
      }
      case "tab": {
        const t = h * 0.22, tw = w * 0.35;
        ctx.moveTo(x1, y0);
        ctx.lineTo(x0 + tw, y0);
        ctx.lineTo(x0 + tw, y0 - t);
        ctx.lineTo(x0, y0 - t);
        ctx.lineTo(x0, y1);
        ctx.lineTo(x1, y1);
        ctx.closePath();
        break;
      }
      default: // box, dashed
        ctx.rect(x0, y0, w, h);
    }
  }
  function typeStyle(t) {
    return P.types[t] || { fill: "#dddddd", shape: "box", label: String(t) };
  }
  function swatchShape(type, w, h) {
    const c = document.createElement("canvas");
    const r = window.devicePixelRatio || 1;
    c.width = w * r;
    c.height = h * r;
    c.style.width = w + "px";
    c.style.height = h + "px";
    const ctx = c.getContext("2d");
    ctx.scale(r, r);
    const st = typeStyle(type);
    ctx.beginPath();
    shapePath(ctx, st.shape, w / 2, h / 2 + 1, w - 4, h - 6);
    paint(ctx, st);
    return c;
  }
  // Fills and outlines the current path as actors of type style `st` are drawn.
  function paint(ctx, st) {
    ctx.fillStyle = st.fill;
    ctx.fill();
    ctx.strokeStyle = P.outline;
    ctx.lineWidth = 1;
    if (st.shape === "dashed") ctx.setLineDash([3, 2]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  function swatchLine(family) {
    const f = familyStyle.get(family) || { colour: "#777", dashed: false };
    const s = el("span", { class: "swatch-line" + (f.dashed ? " dashed" : "") });
    s.style.borderTopColor = f.colour;
    return s;
  }

  // ---------------------------------------------------------------- drawing
  const canvas = $("graph");
  const ctx = canvas.getContext("2d");
  const cam = { k: 1, x: 0, y: 0 };
  let W = 0, H = 0, dpr = 1;
  let drawRequested = false;
  const drawn = { nodes: 0, edges: 0, labels: 0, ms: 0 };
  const widthOf = (w) => Math.min(7, 1.2 + 1.6 * Math.log2(Math.max(1, w))); // style::edge_width
  const sx = (x) => (x - cam.x) * cam.k + W / 2;
  const sy = (y) => (y - cam.y) * cam.k + H / 2;
  const sizeFactor = () => Math.min(2, Math.max(0.35, Math.sqrt(cam.k)));
  const baseRadius = new Float32Array(N);
  for (let i = 0; i < N; i++) baseRadius[i] = 3.5 + 1.8 * Math.sqrt(degree[i]);
  let sizeNow = 1; // sizeFactor() of the frame being drawn
  const radius = (i) => baseRadius[i] * sizeNow;
  const LABEL_FONT = '12px "DejaVu Sans", Verdana, Arial, sans-serif';
  const EDGE_FONT = '10.5px "DejaVu Sans", Verdana, Arial, sans-serif';
  const labelWidth = new Float64Array(N).fill(-1);

  function resize() {
    const r = canvas.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    W = Math.max(1, r.width);
    H = Math.max(1, r.height);
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    requestDraw();
  }
  function requestDraw() {
    if (drawRequested) return;
    drawRequested = true;
    requestAnimationFrame(() => {
      drawRequested = false;
      draw();
    });
  }
  function fit(only) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < N; i++) {
      if (only ? !only[i] : !nodeShown[i]) continue;
      x0 = Math.min(x0, xs[i]);
      x1 = Math.max(x1, xs[i]);
      y0 = Math.min(y0, ys[i]);
      y1 = Math.max(y1, ys[i]);
    }
    if (x0 === Infinity) {
      cam.x = 0;
      cam.y = 0;
      cam.k = 1;
    } else {
      const pad = 60;
      cam.x = (x0 + x1) / 2;
      cam.y = (y0 + y1) / 2;
      cam.k = Math.min(2.5, (W - 2 * pad) / Math.max(1, x1 - x0), (H - 2 * pad - 70) / Math.max(1, y1 - y0));
      cam.k = Math.max(cam.k, 1e-4);
      cam.y += 35 / cam.k; // room for the legend underneath
    }
    requestDraw();
  }

  // The neighbourhood highlighted by the open panel or the pointer.
  function highlightSet() {
    const centre = S.hover >= 0 ? S.hover : S.node;
    if (centre < 0 && S.edge < 0 && S.hoverEdge < 0) return null;
    const on = new Uint8Array(N);
    const onEdge = new Uint8Array(E);
    if (centre >= 0) {
      on[centre] = 1;
      for (const ei of incident[centre])
        if (edgeShown[ei]) {
          onEdge[ei] = 1;
          on[src[ei]] = 1;
          on[dst[ei]] = 1;
        }
    }
    for (const ei of [S.edge, S.hoverEdge])
      if (ei >= 0) {
        onEdge[ei] = 1;
        on[src[ei]] = 1;
        on[dst[ei]] = 1;
      }
    return { on, onEdge };
  }

  // Geometry of edge i on screen: start, control point, end (clipped to the ends).
  function edgeGeom(i) {
    const a = src[i], b = dst[i];
    let x0 = sx(xs[a]), y0 = sy(ys[a]), x1 = sx(xs[b]), y1 = sy(ys[b]);
    let dx = x1 - x0, dy = y1 - y0;
    let len = Math.hypot(dx, dy);
    if (len < 1e-6) {
      dx = 1;
      dy = 0;
      len = 1;
    }
    const nx = -dy / len, ny = dx / len;
    const bend = eBend[i] * Math.min(18, 0.25 * len);
    const cx = (x0 + x1) / 2 + nx * bend, cy = (y0 + y1) / 2 + ny * bend;
    // end at the target's outline (approximately: its radius), towards the control point
    const rb = radius(b) * 1.1, ra = radius(a) * 0.9;
    const tx = x1 - cx, ty = y1 - cy, tl = Math.hypot(tx, ty) || 1;
    const ux = cx - x0, uy = cy - y0, ul = Math.hypot(ux, uy) || 1;
    return {
      x0: x0 + (ux / ul) * ra, y0: y0 + (uy / ul) * ra,
      cx, cy,
      x1: x1 - (tx / tl) * rb, y1: y1 - (ty / tl) * rb,
      len,
    };
  }

  function draw() {
    const t0 = performance.now();
    sizeNow = sizeFactor();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, W, H);
    const hl = highlightSet();
    const margin = 40;
    const onScreen = (x, y, pad) => x > -pad && y > -pad && x < W + pad && y < H + pad;
    // --- edges, in batches of one style (family, width, dimmed, dotted)
    for (const list of edgeBatches) list.length = 0;
    let nEdges = 0;
    const sf = Math.sqrt(cam.k);
    for (let i = 0; i < E; i++) {
      if (!edgeShown[i]) continue;
      const a = src[i], b = dst[i];
      const ax = sx(xs[a]), ay = sy(ys[a]), bx = sx(xs[b]), by = sy(ys[b]);
      if ((ax < -margin && bx < -margin) || (ax > W + margin && bx > W + margin) || (ay < -margin && by < -margin) || (ay > H + margin && by > H + margin)) continue;
      nEdges++;
      const w = eWidth[i];
      const lw = Math.max(0.7, Math.min(w, w * sf));
      const dim = hl && !hl.onEdge[i] ? 1 : 0;
      edgeBatches[(((eFamilyIx[i] * 2 + dim) * 2 + eDotted[i]) * 16) + Math.round(lw * 2)].push(i);
    }
    const withArrows = nEdges <= 20000;
    const withLabels = nEdges <= 250 && cam.k > 0.45;
    const arrowsByFamily = FAMILY_NAMES.map(() => []);
    const edgeLabels = [];
    edgeBatches.forEach((items, key) => {
      if (!items.length) return;
      const lw = (key % 16) / 2, dotted = (key >> 4) & 1, dim = (key >> 5) & 1, fi = key >> 6;
      const f = familyStyle.get(FAMILY_NAMES[fi]) || { colour: "#777777", dashed: false };
      ctx.strokeStyle = f.colour;
      ctx.globalAlpha = dim ? 0.12 : 0.8;
      ctx.lineWidth = lw;
      ctx.setLineDash(dotted ? [2, 3] : f.dashed ? [6, 4] : []);
      ctx.beginPath();
      for (const i of items) {
        const g = edgeGeom(i);
        ctx.moveTo(g.x0, g.y0);
        if (eBend[i]) ctx.quadraticCurveTo(g.cx, g.cy, g.x1, g.y1);
        else ctx.lineTo(g.x1, g.y1);
        if (dim) continue;
        if (withArrows && g.len > 24) arrowsByFamily[fi].push(g, lw);
        if (withLabels) edgeLabels.push([i, g, f.colour]);
      }
      ctx.stroke();
    });
    ctx.setLineDash([]);
    ctx.globalAlpha = 0.9;
    arrowsByFamily.forEach((list, fi) => {
      if (!list.length) return;
      ctx.fillStyle = (familyStyle.get(FAMILY_NAMES[fi]) || { colour: "#777777" }).colour;
      ctx.beginPath();
      for (let k = 0; k < list.length; k += 2) {
        const g = list[k], lw = list[k + 1];
        const bx = g.x1 - g.cx, by = g.y1 - g.cy, bl = Math.hypot(bx, by) || 1;
        const ux = bx / bl, uy = by / bl;
        const len = 6 + 1.5 * lw, half = 2.5 + lw * 0.9;
        ctx.moveTo(g.x1, g.y1);
        ctx.lineTo(g.x1 - ux * len - uy * half, g.y1 - uy * len + ux * half);
        ctx.lineTo(g.x1 - ux * len + uy * half, g.y1 - uy * len - ux * half);
        ctx.closePath();
      }
      ctx.fill();
    });
    // the open relation, on top
    for (const i of [S.edge, S.hoverEdge]) {
      if (i < 0 || !edgeShown[i]) continue;
      const g = edgeGeom(i);
      const f = familyStyle.get(eFamily[i]) || { colour: "#777" };
      ctx.globalAlpha = 0.35;
      ctx.strokeStyle = f.colour;
      ctx.lineWidth = widthOf(edges[i].weight || 1) + 6;
      ctx.beginPath();
      ctx.moveTo(g.x0, g.y0);
      if (eBend[i]) ctx.quadraticCurveTo(g.cx, g.cy, g.x1, g.y1);
      else ctx.lineTo(g.x1, g.y1);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    // --- nodes, one path per type
    let nNodes = 0;
    const sizeOf = new Float64Array(N);
    const perType = new Map();
    for (let i = 0; i < N; i++) {
      if (!nodeShown[i]) continue;
      const x = sx(xs[i]), y = sy(ys[i]);
      if (!onScreen(x, y, 30)) continue;
      nNodes++;
      sizeOf[i] = radius(i);
      const key = nodes[i].type + (hl && !hl.on[i] ? "|dim" : "");
      let list = perType.get(key);
      if (!list) perType.set(key, (list = []));
      list.push(i);
    }
    for (const [key, list] of perType) {
      const [type, dim] = key.split("|");
      const st = typeStyle(type);
      ctx.globalAlpha = dim ? 0.25 : 1;
      ctx.beginPath();
      for (const i of list) {
        const r = sizeOf[i];
        const tall = st.shape === "ellipse" ? 1.7 * r : 1.5 * r;
        shapePath(ctx, r < 2.5 ? "box" : st.shape, sx(xs[i]), sy(ys[i]), 2.4 * r, tall);
      }
      paint(ctx, st);
    }
    ctx.globalAlpha = 1;
    for (const i of [S.node, S.focus, S.hover]) {
      if (i < 0 || !nodeShown[i]) continue;
      const r = radius(i);
      ctx.strokeStyle = "#111";
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      const st = typeStyle(nodes[i].type);
      shapePath(ctx, st.shape, sx(xs[i]), sy(ys[i]), 2.4 * r + 6, (st.shape === "ellipse" ? 1.7 : 1.5) * r + 6);
      ctx.stroke();
    }
    // --- labels: most connected first, none over another
    const grid = new Set();
    const cell = 12;
    const free = (x0, y0, x1, y1, take) => {
      for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++)
        for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) if (grid.has(gx * 100003 + gy)) return false;
      if (take)
        for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++)
          for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) grid.add(gx * 100003 + gy);
      return true;
    };
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    let nLabels = 0;
    const must = [S.node, S.focus, S.hover].filter((i) => i >= 0 && nodeShown[i]);
    // the highlighted neighbourhood first, then the rest (greyed), most connected first
    const order = hl ? must.concat(byDegree.filter((i) => hl.on[i]), byDegree.filter((i) => !hl.on[i])) : must.concat(byDegree);
    const budget = 400;
    const seen = new Uint8Array(N);
    for (const i of order) {
      if (seen[i] || !nodeShown[i] || !sizeOf[i]) continue;
      seen[i] = 1;
      const forced = must.includes(i);
      if (!forced && nLabels >= budget) break;
      if (!forced && sizeOf[i] < 3.2 && cam.k < 0.6 && !(hl && hl.on[i])) continue;
      if (labelWidth[i] < 0) labelWidth[i] = ctx.measureText(nodeName(i)).width;
      const r = sizeOf[i];
      const x = sx(xs[i]) + 1.2 * r + 3, y = sy(ys[i]);
      const lw = Math.min(labelWidth[i], 260);
      if (!free(x, y - 7, x + lw, y + 7, true) && !forced) continue;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.lineWidth = 3;
      const text = labelWidth[i] > 260 ? nodeName(i).slice(0, 36) + "…" : nodeName(i);
      ctx.strokeText(text, x, y);
      ctx.fillStyle = hl && !hl.on[i] ? "#999" : "#1a1a1a";
      ctx.fillText(text, x, y);
      nLabels++;
    }
    // relation labels (the verb) when there is room for them
    if (withLabels) {
      ctx.font = EDGE_FONT;
      for (const [i, g, colour] of edgeLabels) {
        if (g.len < 90) continue;
        const text = String(edges[i].verb || edges[i].relation).slice(0, 28);
        const w = ctx.measureText(text).width;
        const mx = 0.25 * g.x0 + 0.5 * g.cx + 0.25 * g.x1, my = 0.25 * g.y0 + 0.5 * g.cy + 0.25 * g.y1;
        if (!free(mx - w / 2, my - 6, mx + w / 2, my + 6, true)) continue;
        ctx.strokeStyle = "rgba(255,255,255,0.9)";
        ctx.lineWidth = 3;
        ctx.textAlign = "center";
        ctx.strokeText(text, mx, my);
        ctx.fillStyle = colour;
        ctx.fillText(text, mx, my);
        ctx.textAlign = "start";
      }
    }
    drawn.nodes = nNodes;
    drawn.edges = nEdges;
    drawn.labels = nLabels;
    drawn.ms = performance.now() - t0;
  }

  // ---------------------------------------------------------------- hit testing
  function nodeAt(px, py) {
    let best = -1, bestD = Infinity;
    for (let i = 0; i < N; i++) {
      if (!nodeShown[i]) continue;
      const r = radius(i) * 1.25 + 2;
      const dx = sx(xs[i]) - px, dy = sy(ys[i]) - py;
      const d = dx * dx + dy * dy;
      if (d <= r * r && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
  function distToSegment(px, py, ax, ay, bx, by) {
    const dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    const t = l2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }
  function edgeAt(px, py) {
    let best = -1, bestD = 6;
    for (let i = 0; i < E; i++) {
      if (!edgeShown[i]) continue;
      const g = edgeGeom(i);
      let d;
      if (eBend[i]) {
        // the curve as 8 segments
        d = Infinity;
        let qx = g.x0, qy = g.y0;
        for (let s = 1; s <= 8; s++) {
          const t = s / 8, u = 1 - t;
          const rx = u * u * g.x0 + 2 * u * t * g.cx + t * t * g.x1, ry = u * u * g.y0 + 2 * u * t * g.cy + t * t * g.y1;
          d = Math.min(d, distToSegment(px, py, qx, qy, rx, ry));
          qx = rx;
          qy = ry;
        }
      } else d = distToSegment(px, py, g.x0, g.y0, g.x1, g.y1);
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- pointer
  let drag = null;
  const tooltip = $("tooltip");
  function localPoint(ev) {
    const r = canvas.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  }
  canvas.addEventListener("pointerdown", (ev) => {
    const [x, y] = localPoint(ev);
    drag = { x, y, camX: cam.x, camY: cam.y, moved: false, id: ev.pointerId };
    canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener("pointermove", (ev) => {
    const [x, y] = localPoint(ev);
    if (drag) {
      if (Math.abs(x - drag.x) + Math.abs(y - drag.y) > 3) drag.moved = true;
      if (drag.moved) {
        canvas.classList.add("dragging");
        cam.x = drag.camX - (x - drag.x) / cam.k;
        cam.y = drag.camY - (y - drag.y) / cam.k;
        tooltip.hidden = true;
        requestDraw();
        return;
      }
    }
    hoverAt(x, y);
  });
  canvas.addEventListener("pointerup", (ev) => {
    const [x, y] = localPoint(ev);
    const wasDrag = drag && drag.moved;
    drag = null;
    canvas.classList.remove("dragging");
    if (wasDrag) return;
    const n = nodeAt(x, y);
    if (n >= 0) return openNode(n);
    const e = edgeAt(x, y);
    if (e >= 0) return openEdge(e);
    closePanel();
  });
  canvas.addEventListener("pointerleave", () => {
    S.hover = -1;
    S.hoverEdge = -1;
    tooltip.hidden = true;
    requestDraw();
  });
  canvas.addEventListener("dblclick", (ev) => {
    const [x, y] = localPoint(ev);
    const n = nodeAt(x, y);
    if (n >= 0) setFocus(n);
  });
  canvas.addEventListener(
    "wheel",
    (ev) => {
      ev.preventDefault();
      const [x, y] = localPoint(ev);
      zoomAt(x, y, Math.exp(-ev.deltaY * (ev.deltaMode ? 0.05 : 0.0015)));
    },
    { passive: false }
  );
  function zoomAt(x, y, f) {
    const wx = (x - W / 2) / cam.k + cam.x, wy = (y - H / 2) / cam.k + cam.y;
    cam.k = Math.max(1e-4, Math.min(20, cam.k * f));
    cam.x = wx - (x - W / 2) / cam.k;
    cam.y = wy - (y - H / 2) / cam.k;
    requestDraw();
  }
  function hoverAt(x, y) {
    const n = nodeAt(x, y);
    const e = n >= 0 ? -1 : edgeAt(x, y);
    if (n !== S.hover || e !== S.hoverEdge) {
      S.hover = n;
      S.hoverEdge = e;
      requestDraw();
    }
    canvas.classList.toggle("pointing", n >= 0 || e >= 0);
    if (n >= 0) {
      const a = nodes[n];
      showTooltip(x, y, nodeName(n) + " (" + typeStyle(a.type).label + ")\n" + plural(degree[n], "relation"));
    } else if (e >= 0) {
      const r = edges[e];
      showTooltip(x, y, nodeName(src[e]) + " " + r.relation + " " + nodeName(dst[e]) + (r.verb ? "\n“" + r.verb + "”" : "") + "\n" + plural(r.weight || 1, "sentence"));
    } else tooltip.hidden = true;
  }
  function showTooltip(x, y, text) {
    tooltip.textContent = text;
    tooltip.hidden = false;
    const tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
    tooltip.style.left = Math.min(W - tw - 4, x + 14) + "px";
    tooltip.style.top = Math.min(H - th - 4, y + 14) + "px";
  }
  $("zoom-in").onclick = () => zoomAt(W / 2, H / 2, 1.5);
  $("zoom-out").onclick = () => zoomAt(W / 2, H / 2, 1 / 1.5);
  $("zoom-fit").onclick = () => fit();

  // ---------------------------------------------------------------- search
  const search = $("search");
  const suggestions = $("suggestions");
  let suggested = [];
  let active = -1;
  function matches(q) {
    const out = [];
    for (let i = 0; i < N; i++) {
      const name = lowerName[i];
      let score = -1, via = null;
      if (name.startsWith(q)) score = 0;
      else if (name.includes(" " + q) || name.includes("-" + q)) score = 1;
      else {
        for (const a of lowerAliases[i]) {
          if (a.startsWith(q)) {
            score = 2;
            via = a;
            break;
          }
        }
        if (score < 0 && name.includes(q)) score = 3;
        if (score < 0)
          for (const a of lowerAliases[i])
            if (a.includes(q)) {
              score = 4;
              via = a;
              break;
            }
      }
      if (score >= 0) out.push([score, i, via]);
    }
    out.sort((a, b) => a[0] - b[0] || degree[b[1]] - degree[a[1]] || (lowerName[a[1]] < lowerName[b[1]] ? -1 : 1));
    return out.slice(0, 12);
  }
  function showSuggestions() {
    const q = search.value.trim().toLowerCase();
    suggestions.textContent = "";
    active = -1;
    if (!q) {
      suggestions.hidden = true;
      search.setAttribute("aria-expanded", "false");
      suggested = [];
      return;
    }
    suggested = matches(q);
    suggested.forEach(([, i, via], k) => {
      const n = nodes[i];
      const alias = via ? (n.aliases || []).find((a) => String(a).toLowerCase() === via) : null;
      const li = el(
        "li",
        { role: "option", id: "suggestion-" + k, "data-node": String(i), title: typeStyle(n.type).label },
        swatchShape(n.type, 20, 14),
        el("span", { class: "name", text: nodeName(i) }),
        alias ? el("span", { class: "alias", text: "also “" + alias + "”" }) : null,
        el("span", { class: "deg", text: plural(degree[i], "relation") })
      );
      li.addEventListener("mousedown", (ev) => {
        ev.preventDefault();
        choose(i);
      });
      suggestions.append(li);
    });
    if (!suggested.length) suggestions.append(el("li", { class: "muted", text: "no actor matches" }));
    suggestions.hidden = false;
    search.setAttribute("aria-expanded", "true");
  }
  function moveActive(d) {
    if (!suggested.length) return;
    active = (active + d + suggested.length) % suggested.length;
    [...suggestions.children].forEach((li, k) => li.setAttribute("aria-selected", k === active ? "true" : "false"));
    search.setAttribute("aria-activedescendant", "suggestion-" + active);
  }
  function choose(i) {
    suggestions.hidden = true;
    search.setAttribute("aria-expanded", "false");
    search.value = nodeName(i);
    setFocus(i);
    openNode(i);
  }
  search.addEventListener("input", showSuggestions);
  search.addEventListener("focus", () => search.value && showSuggestions());
  search.addEventListener("blur", () => setTimeout(() => (suggestions.hidden = true), 150));
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") {
      moveActive(1);
      ev.preventDefault();
    } else if (ev.key === "ArrowUp") {
      moveActive(-1);
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      const pick = suggested[active >= 0 ? active : 0];
      if (pick) choose(pick[1]);
    } else if (ev.key === "Escape") {
      suggestions.hidden = true;
    }
  });

  // ---------------------------------------------------------------- focus
  function setFocus(i) {
    S.focus = i;
    $("focus-box").hidden = i < 0;
    if (i >= 0) $("focus-name").textContent = nodeName(i);
    recompute();
    fit();
  }
  $("depth").addEventListener("change", (ev) => {
    S.depth = +ev.target.value || 1;
    recompute();
    fit();
  });
  $("focus-clear").onclick = () => {
    search.value = "";
    setFocus(-1);
  };

  // ---------------------------------------------------------------- panels
  const panel = $("panel");
  const panelBody = $("panel-body");
  function openPanel(children) {
    panelBody.textContent = "";
    panelBody.append(...children);
    const wasHidden = panel.hidden;
    panel.hidden = false;
    panel.scrollTop = 0;
    if (wasHidden) resize();
  }
  function closePanel() {
    S.node = -1;
    S.edge = -1;
    if (!panel.hidden) {
      panel.hidden = true;
      resize();
    }
    markTableRow();
    requestDraw();
  }
  $("panel-close").onclick = closePanel;
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && document.activeElement !== search) closePanel();
  });

  const KNOWN_NODE = new Set(["id", "name", "type", "aliases", "titles", "ids", "mentions", "documents", "first_seen", "last_seen", "x", "y"]);
  const KNOWN_EDGE = new Set(["source", "target", "relation", "verb", "date", "confidence", "weight", "evidence", "mode", "role", "status", "first_seen", "last_seen"]);
  const KNOWN_EVIDENCE = new Set(["reported_by", "date", "mode"]);
  function extraRows(obj, known) {
    const out = [];
    for (const [k, v] of Object.entries(obj || {})) {
      if (known.has(k) || v === null || v === undefined) continue;
      out.push([k.replace(/_/g, " "), typeof v === "object" ? JSON.stringify(v) : String(v)]);
    }
    return out;
  }
  function dl(rows) {
    const d = el("dl");
    for (const [k, v] of rows) {
      if (v === null || v === undefined || v === "") continue;
      d.append(el("dt", { text: k }), el("dd", null, v));
    }
    return d;
  }
  function idLink(key, value) {
    const v = String(value);
    if (/^wikidata$/i.test(key) && /^Q\d+$/.test(v)) return el("a", { href: "https://www.wikidata.org/wiki/" + v, target: "_blank", rel: "noopener noreferrer", text: v });
    const u = safeUrl(v);
    if (u) return el("a", { href: u, target: "_blank", rel: "noopener noreferrer", text: v });
    return v;
  }
  function identifiers(ids) {
    if (!ids || typeof ids !== "object" || !Object.keys(ids).length) return null;
    const span = el("span");
    Object.entries(ids).forEach(([k, v], n) => {
      if (n) span.append(", ");
      span.append(k + " ");
      for (const x of Array.isArray(v) ? v : [v]) span.append(idLink(k, x), " ");
    });
    return span;
  }
  function dateRange(a, b) {
    if (!a && !b) return null;
    if (!a || !b || a === b) return a || b;
    return a + " to " + b;
  }

  function openNode(i) {
    S.node = i;
    S.edge = -1;
    markTableRow();
    const a = nodes[i];
    const st = typeStyle(a.type);
    const rows = [
      ["type", st.label + " (" + a.type + ")"],
      ["also called", (a.aliases || []).join("; ")],
      ["titles", (a.titles || []).join("; ")],
      ["identifiers", identifiers(a.ids)],
      ["mentions", a.mentions !== undefined ? plural(a.mentions, "mention") + (a.documents !== undefined ? " in " + plural(a.documents, "document") : "") : null],
      ["seen", dateRange(a.first_seen, a.last_seen)],
      ...extraRows(a, KNOWN_NODE),
    ];
    const focusButton = el("button", { type: "button", text: S.focus === i ? "Ego network shown" : "Show its ego network", onclick: () => setFocus(i) });
    // relations grouped by relation, in the vocabulary's order
    const groups = new Map();
    for (const ei of incident[i]) {
      const r = edges[ei].relation;
      if (!groups.has(r)) groups.set(r, []);
      groups.get(r).push(ei);
    }
    const order = P.relations.map(([r]) => r);
    const rels = [...groups.keys()].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const relSection = [el("h3", { text: "Relations (" + fmt(incident[i].length) + ")" })];
    if (!rels.length) relSection.push(el("p", { class: "muted", text: "No relation." }));
    for (const r of rels) {
      const list = groups.get(r).sort((x, y) => (edges[y].weight || 1) - (edges[x].weight || 1) || x - y);
      relSection.push(el("h4", null, swatchLine(eFamily[list[0]]), " " + r + " (" + list.length + ")"));
      const ul = el("ul", { class: "relations", "data-relation": r });
      for (const ei of list) ul.append(relationItem(ei, i));
      relSection.push(ul);
    }
    openPanel([
      el("h2", null, swatchShape(a.type, 26, 18), el("span", { class: "name", text: nodeName(i) })),
      dl(rows),
      focusButton,
      ...relSection,
      ...timeline(i),
    ]);
    requestDraw();
  }

  function relationItem(ei, from) {
    const e = edges[ei];
    const out = src[ei] === from;
    const other = out ? dst[ei] : src[ei];
    const bits = [e.verb ? "“" + e.verb + "”" : null, e.date || null, plural(e.weight || 1, "sentence")].filter(Boolean);
    return el(
      "li",
      { class: "rel", "data-edge": String(ei), title: "Show the evidence", onclick: () => openEdge(ei) },
      el("span", { class: "arrow", text: out ? "→ " : "← " }),
      el("span", { class: "other", text: nodeName(other) }),
      el("span", { class: "muted", text: " · " + bits.join(" · ") }),
      edgeShown[ei] ? null : el("span", { class: "muted", text: " (hidden by the filters)" })
    );
  }

  const dayNumber = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 864e5;
  function timeline(i) {
    const dated = incident[i].filter((ei) => eLo[ei] !== null).sort((x, y) => (eLo[x] < eLo[y] ? -1 : eLo[x] > eLo[y] ? 1 : x - y));
    const out = [el("h3", { text: "Timeline (" + plural(dated.length, "dated relation") + ")" })];
    if (!dated.length) return out.concat(el("p", { class: "muted", text: "No dated relation." }));
    const lo = dayNumber(eLo[dated[0]]), hi = dayNumber(eHi[dated.reduce((m, ei) => (eHi[ei] > eHi[m] ? ei : m), dated[0])]);
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 360 34");
    svg.setAttribute("preserveAspectRatio", "none");
    const axis = document.createElementNS(NS, "line");
    for (const [k, v] of Object.entries({ x1: 6, x2: 354, y1: 17, y2: 17, stroke: "#bbb", "stroke-width": 1 })) axis.setAttribute(k, v);
    svg.append(axis);
    const xOf = (d) => 6 + (hi > lo ? ((dayNumber(d) - lo) / (hi - lo)) * 348 : 174);
    dated.forEach((ei, k) => {
      const f = familyStyle.get(eFamily[ei]) || { colour: "#777" };
      const x1 = xOf(eLo[ei]), x2 = xOf(eHi[ei]);
      const y = 9 + (k % 3) * 8;
      if (x2 - x1 > 1) {
        const span = document.createElementNS(NS, "line");
        for (const [a, v] of Object.entries({ x1, x2, y1: y, y2: y, stroke: f.colour, "stroke-width": 2, opacity: 0.6 })) span.setAttribute(a, v);
        svg.append(span);
      }
      const dot = document.createElementNS(NS, "circle");
      for (const [a, v] of Object.entries({ cx: x1, cy: y, r: 3.5, fill: f.colour })) dot.setAttribute(a, v);
      const t = document.createElementNS(NS, "title");
      t.textContent = eLo[ei] + " " + nodeName(src[ei]) + " " + edges[ei].relation + " " + nodeName(dst[ei]);
      dot.append(t);
      svg.append(dot);
    });
    const box = el("div", { class: "timeline" }, svg, el("div", { class: "range-labels muted" }, el("span", { text: eLo[dated[0]] }), el("span", { text: eHi[dated.reduce((m, ei) => (eHi[ei] > eHi[m] ? ei : m), dated[0])] })));
    const ul = el("ul", { class: "timeline" });
    for (const ei of dated) {
      const out = src[ei] === i;
      ul.append(
        el(
          "li",
          { class: "rel", onclick: () => openEdge(ei) },
          el("span", { class: "muted", text: dateRange(eLo[ei], eHi[ei]) }),
          el("span", null, swatchLine(eFamily[ei]), " " + edges[ei].relation + " " + (out ? "→ " : "← ") + nodeName(out ? dst[ei] : src[ei]))
        )
      );
    }
    return out.concat(box, ul);
  }

  // --- the evidence of a relation, with the fact highlighted in each sentence
  const WORD = /[\p{L}\p{N}]/u;
  function occurrences(text, needle) {
    const out = [];
    if (!needle || needle.length < 2) return out;
    for (const hay of [text, text.toLowerCase()]) {
      const n = hay === text ? needle : needle.toLowerCase();
      let at = hay.indexOf(n);
      while (at >= 0) {
        const before = at > 0 ? text[at - 1] : " ", after = text[at + n.length] || " ";
        if (!WORD.test(before) && !WORD.test(after)) out.push([at, at + n.length]);
        at = hay.indexOf(n, at + 1);
      }
      if (out.length) break;
    }
    return out;
  }
  function mentionsOf(text, i) {
    const names = [nodes[i].name, ...(nodes[i].aliases || [])].map(String).sort((a, b) => b.length - a.length);
    const out = [];
    for (const nm of names)
      for (const [s, e] of occurrences(text, nm)) if (!out.some(([a, b]) => s < b && e > a)) out.push([s, e]);
    return out;
  }
  // Where the fact is in its sentence: the mentions of both ends and the verb nearest to
  // each other. Evidence spans cover the whole sentence, so this is found in the text.
  function factMarks(text, ei) {
    const e = edges[ei];
    const subj = mentionsOf(text, src[ei]);
    const obj = mentionsOf(text, dst[ei]);
    let verb = [];
    for (const v of [e.verb, e.role]) {
      if (typeof v === "string" && v.trim()) verb = occurrences(text, v.trim());
      if (verb.length) break;
    }
    const mid = ([a, b]) => (a + b) / 2;
    const nearest = (list, x) => list.reduce((best, s) => (best === null || Math.abs(mid(s) - x) < Math.abs(mid(best) - x) ? s : best), null);
    let v = null, s = null, o = null;
    if (verb.length) {
      // the verb occurrence with its two ends closest around it
      let bestCost = Infinity;
      for (const cand of verb) {
        const cs = nearest(subj, mid(cand)), co = nearest(obj, mid(cand));
        const cost = (cs ? Math.abs(mid(cs) - mid(cand)) : 500) + (co ? Math.abs(mid(co) - mid(cand)) : 500);
        if (cost < bestCost) {
          bestCost = cost;
          v = cand;
          s = cs;
          o = co;
        }
      }
    } else {
      let bestCost = Infinity;
      for (const cs of subj)
        for (const co of obj) {
          const cost = Math.abs(mid(cs) - mid(co));
          if (cost < bestCost) {
            bestCost = cost;
            s = cs;
            o = co;
          }
        }
      if (!s && subj.length) s = subj[0];
      if (!o && obj.length) o = obj[0];
    }
    const marks = [];
    if (s) marks.push([s[0], s[1], "subject"]);
    if (v && !marks.some(([a, b]) => v[0] < b && v[1] > a)) marks.push([v[0], v[1], "verb"]);
    if (o && !marks.some(([a, b]) => o[0] < b && o[1] > a)) marks.push([o[0], o[1], "object"]);
    marks.sort((x, y) => x[0] - y[0]);
    if (!marks.length) return { span: [0, text.length], marks };
    return { span: [marks[0][0], Math.max(...marks.map((m) => m[1]))], marks };
  }
  function sentenceWithMarks(text, ei) {
    const { span, marks } = factMarks(text, ei);
    const q = el("blockquote");
    q.append(text.slice(0, span[0]));
    const hl = el("mark", { class: "span" });
    let at = span[0];
    for (const [a, b, cls] of marks) {
      if (a > at) hl.append(text.slice(at, a));
      hl.append(el("mark", { class: cls, text: text.slice(a, b) }));
      at = b;
    }
    hl.append(text.slice(at, span[1]));
    q.append(hl, text.slice(span[1]));
    return q;
  }
  function documentOf(k) {
    return (typeof k === "number" && D.documents[k]) || { id: "unknown document" };
  }
  function evidenceItem(ev, ei, k) {
    const [docIx, sentence, start, end, textIx, extra] = ev;
    const doc = documentOf(docIx);
    const text = typeof textIx === "number" && typeof D.texts[textIx] === "string" ? D.texts[textIx] : "";
    const url = safeUrl(doc.url);
    const title = doc.title || doc.id;
    const source = el(
      "div",
      { class: "source" },
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: title }) : el("span", { text: title }),
      doc.date ? " · " + doc.date : " · undated",
      el("span", { title: "the sentence's index in its document, from 0, as in the JSON and TSV exports", text: " · sentence " + (typeof sentence === "number" ? sentence : "?") }),
      typeof start === "number" ? " · characters " + start + "–" + end : ""
    );
    if (title !== doc.id) source.title = "document " + doc.id;
    const x = extra || {};
    const more = [
      ["reported by", x.reported_by !== undefined ? (typeof x.reported_by === "object" ? JSON.stringify(x.reported_by) : String(x.reported_by)) : null],
      ["date", x.date],
      ["mode", x.mode],
      ...extraRows(x, KNOWN_EVIDENCE),
    ].filter(([, v]) => v !== null && v !== undefined);
    return el("div", { class: "evidence", "data-evidence": String(k) }, source, text ? sentenceWithMarks(text, ei) : el("p", { class: "muted", text: "(no sentence text)" }), more.length ? dl(more) : null);
  }
  function openEdge(ei) {
    S.edge = ei;
    S.node = -1;
    markTableRow();
    const e = edges[ei];
    const evidence = e.evidence || [];
    const rows = [
      ["verb", e.verb ? "“" + e.verb + "”" : null],
      ["mode", e.mode],
      ["confidence", typeof e.confidence === "number" ? e.confidence.toFixed(2) : null],
      ["support", plural(e.weight || evidence.length, "sentence")],
      ["date", e.date],
      ["seen", dateRange(e.first_seen, e.last_seen)],
      ["role", e.role],
      ["status", e.status],
      ...extraRows(e, KNOWN_EDGE),
    ];
    const end = (i) => el("a", { href: "#", class: "actor", text: nodeName(i), onclick: (ev) => { ev.preventDefault(); openNode(i); } });
    const head = el("h2", null, swatchLine(eFamily[ei]), el("span", { class: "fact" }, end(src[ei]), " " + e.relation + " ", end(dst[ei])));
    const list = evidence.map((ev, k) => evidenceItem(ev, ei, k));
    openPanel([head, dl(rows), el("h3", { text: "Evidence (" + fmt(evidence.length) + ")" }), ...list]);
    requestDraw();
  }

  // ---------------------------------------------------------------- filters
  function check(label, checked, onchange, extra) {
    const box = el("input", { type: "checkbox" });
    box.checked = checked;
    box.addEventListener("change", () => onchange(box.checked, box));
    return [box, el("label", { class: "check" }, box, ...(extra || []), el("span", { text: label }))];
  }
  const relCount = new Map();
  edges.forEach((e) => relCount.set(e.relation, (relCount.get(e.relation) || 0) + 1));
  const familyBoxes = [];
  function buildFilters() {
    const box = $("filter-relations");
    for (const f of P.families) {
      const rels = relationsPresent.filter((r) => familyOf.get(r) === f.name);
      if (!rels.length) continue;
      const count = rels.reduce((n, r) => n + relCount.get(r), 0);
      const children = [];
      const [famBox, famLabel] = check(f.label + " ", true, (on) => {
        for (const [r, b] of children) {
          b.checked = on;
          if (on) S.relations.add(r);
          else S.relations.delete(r);
        }
        famBox.indeterminate = false;
        recompute();
      }, [swatchLine(f.name)]);
      famLabel.append(el("span", { class: "count", text: fmt(count) }));
      const sub = el("div", { class: "relations" });
      for (const r of rels) {
        const [b, l] = check(r + " ", true, (on) => {
          if (on) S.relations.add(r);
          else S.relations.delete(r);
          const n = children.filter(([, c]) => c.checked).length;
          famBox.checked = n > 0;
          famBox.indeterminate = n > 0 && n < children.length;
          recompute();
        });
        b.dataset.relation = r;
        l.append(el("span", { class: "count", text: fmt(relCount.get(r)) }));
        children.push([r, b]);
        sub.append(l);
      }
      famBox.dataset.family = f.name;
      familyBoxes.push([famBox, children]);
      box.append(el("div", { class: "family" }, famLabel, sub));
    }
    if (!relationsPresent.length) box.append(el("p", { class: "muted", text: "No relations." }));
    if (modesPresent.length) {
      $("filter-modes-section").hidden = false;
      for (const m of modesPresent) {
        const [b, l] = check(m, S.modes.has(m), (on) => {
          if (on) S.modes.add(m);
          else S.modes.delete(m);
          recompute();
        });
        b.dataset.mode = m;
        $("filter-modes").append(l);
      }
    }
    const tb = $("filter-types");
    for (const t of typesPresent) {
      const n = nodes.filter((x) => x.type === t).length;
      const [b, l] = check(typeStyle(t).label + " ", true, (on) => {
        if (on) S.types.add(t);
        else S.types.delete(t);
        recompute();
      }, [swatchShape(t, 22, 15)]);
      b.dataset.type = t;
      l.append(el("span", { class: "count", text: fmt(n) }));
      tb.append(l);
    }
    const from = $("date-from"), to = $("date-to");
    if (!DATES.length) {
      $("date-box").hidden = true;
      $("no-dates").hidden = false;
    }
    from.max = to.max = String(Math.max(0, DATES.length - 1));
    from.value = "0";
    to.value = from.max;
    const onDate = (which) => {
      let a = +from.value, b = +to.value;
      if (a > b) {
        if (which === "from") b = a;
        else a = b;
        from.value = String(a);
        to.value = String(b);
      }
      S.from = a;
      S.to = b;
      dateLabels();
      recompute();
    };
    from.addEventListener("input", () => onDate("from"));
    to.addEventListener("input", () => onDate("to"));
    $("undated-count").textContent = "(" + fmt(undatedEdges) + ")";
    $("undated").addEventListener("change", (ev) => {
      S.undated = ev.target.checked;
      recompute();
    });
    const mw = $("min-weight");
    mw.max = String(maxWeight);
    mw.addEventListener("input", () => {
      S.minWeight = +mw.value;
      $("min-weight-label").textContent = mw.value;
      recompute();
    });
    $("hide-isolated").addEventListener("change", (ev) => {
      S.hideIsolated = ev.target.checked;
      recompute();
    });
    $("reset").onclick = resetFilters;
    dateLabels();
  }
  function dateLabels() {
    $("date-from-label").textContent = DATES[S.from] || "";
    $("date-to-label").textContent = DATES[S.to] || "";
  }
  function resetFilters() {
    S.relations = new Set(relationsPresent);
    S.types = new Set(typesPresent);
    S.from = 0;
    S.to = Math.max(0, DATES.length - 1);
    S.undated = true;
    S.minWeight = 1;
    S.hideIsolated = false;
    S.modes = new Set(modesPresent);
    document.querySelectorAll("#filters input[type=checkbox]").forEach((b) => {
      b.indeterminate = false;
      b.checked = b.dataset.mode ? S.modes.has(b.dataset.mode) : b.id !== "hide-isolated";
    });
    $("date-from").value = "0";
    $("date-to").value = String(S.to);
    $("min-weight").value = "1";
    $("min-weight-label").textContent = "1";
    dateLabels();
    recompute();
  }

  // ---------------------------------------------------------------- legend, caption
  function buildLegend() {
    const lg = $("legend");
    for (const t of typesPresent) lg.append(el("span", { class: "item" }, swatchShape(t, 24, 16), typeStyle(t).label));
    lg.append(el("span", { class: "break" }));
    for (const f of P.families) if (edges.some((e, i) => eFamily[i] === f.name)) lg.append(el("span", { class: "item" }, swatchLine(f.name), f.label));
    if (maxWeight > 1) lg.append(el("span", { class: "item muted", text: "line width: supporting sentences (1 to " + maxWeight + ")" }));
  }
  function updateCaption() {
    const c = D.caption;
    $("caption-title").textContent = c.title;
    $("caption-title").title = c.title;
    const parts = [];
    const range = dateRange(c.first_date, c.last_date);
    if (range) parts.push(range);
    let docs = plural(c.documents, "article");
    if (c.undated) docs += " (" + (c.dated ? fmt(c.undated) + " undated" : "none dated") + ")";
    parts.push(docs, plural(c.actors, "actor"), plural(c.relations, "relation"));
    $("caption-line").textContent = parts.join(" · ");
    $("caption-shown").textContent = shownNodes === N && shownEdges === E ? "" : "Shown: " + plural(shownNodes, "actor") + ", " + plural(shownEdges, "relation");
  }

  // ---------------------------------------------------------------- table
  const table = { key: "weight", dir: -1, rows: [] };
  const TABLE_MAX_ROWS = 2000;
  const cellValue = {
    subject: (i) => nodeName(src[i]),
    relation: (i) => edges[i].relation,
    object: (i) => nodeName(dst[i]),
    verb: (i) => String(edges[i].verb || ""),
    date: (i) => edges[i].date || "",
    weight: (i) => edges[i].weight || 1,
  };
  const COLUMNS = ["subject", "relation", "object", "verb", "date", "weight"];
  function sortedRows() {
    const rows = [];
    for (let i = 0; i < E; i++) if (edgeShown[i]) rows.push(i);
    const f = cellValue[table.key];
    rows.sort((a, b) => {
      const x = f(a), y = f(b);
      const c = typeof x === "number" ? x - y : x < y ? -1 : x > y ? 1 : 0;
      return c * table.dir || a - b;
    });
    return rows;
  }
  function renderTable() {
    const rows = (table.rows = sortedRows());
    const body = document.querySelector("#edge-table tbody");
    body.textContent = "";
    const frag = document.createDocumentFragment();
    for (const i of rows.slice(0, TABLE_MAX_ROWS)) {
      const tr = el("tr", { "data-edge": String(i) });
      for (const c of COLUMNS) tr.append(el("td", { class: c === "weight" ? "num" : null, text: String(cellValue[c](i)) }));
      tr.addEventListener("click", () => openEdge(i));
      frag.append(tr);
    }
    body.append(frag);
    document.querySelectorAll("#edge-table th").forEach((th) => {
      th.setAttribute("aria-sort", th.dataset.key === table.key ? (table.dir > 0 ? "ascending" : "descending") : "none");
    });
    $("table-count").textContent = plural(rows.length, "relation") + (rows.length === E ? "" : " of " + fmt(E) + " (the filters apply)");
    $("table-more").textContent = rows.length > TABLE_MAX_ROWS ? "The first " + fmt(TABLE_MAX_ROWS) + " rows are shown; Copy and Download CSV give all " + fmt(rows.length) + "." : "";
    markTableRow();
  }
  function markTableRow() {
    document.querySelectorAll("#edge-table tr.selected").forEach((r) => r.classList.remove("selected"));
    if (S.edge >= 0) {
      const tr = document.querySelector('#edge-table tr[data-edge="' + S.edge + '"]');
      if (tr) tr.classList.add("selected");
    }
  }
  document.querySelectorAll("#edge-table th").forEach((th) =>
    th.addEventListener("click", () => {
      const k = th.dataset.key;
      if (table.key === k) table.dir = -table.dir;
      else {
        table.key = k;
        table.dir = k === "weight" || k === "date" ? -1 : 1;
      }
      renderTable();
    })
  );
  // A cell a spreadsheet would run as a formula gets a leading apostrophe.
  const defuse = (s) => (/^[=+\-@\t\r]/.test(s) ? "'" + s : s);
  function csv() {
    const q = (v) => {
      const s = defuse(String(v));
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    };
    const lines = [COLUMNS.join(",")];
    for (const i of table.rows) lines.push(COLUMNS.map((c) => q(cellValue[c](i))).join(","));
    return lines.join("\r\n") + "\r\n";
  }
  function tsv() {
    const clean = (v) => defuse(String(v).replace(/[\t\r\n]+/g, " "));
    const lines = [COLUMNS.join("\t")];
    for (const i of table.rows) lines.push(COLUMNS.map((c) => clean(cellValue[c](i))).join("\t"));
    return lines.join("\n") + "\n";
  }
  $("download-csv").onclick = () => {
    const blob = new Blob(["\ufeff" + csv()], { type: "text/csv;charset=utf-8" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "relations.csv" });
    document.body.append(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  };
  $("copy-table").onclick = async () => {
    const text = tsv();
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch (_) {
      const ta = el("textarea");
      ta.value = text;
      document.body.append(ta);
      ta.select();
      try {
        ok = document.execCommand("copy");
      } catch (_) {
        ok = false;
      }
      ta.remove();
    }
    $("copy-status").textContent = ok ? "copied " + plural(table.rows.length, "row") + " (tab-separated)" : "the browser refused to copy";
  };
  function setView(v) {
    S.view = v;
    $("graph-view").hidden = v !== "graph";
    $("table-view").hidden = v !== "table";
    $("view-graph").classList.toggle("active", v === "graph");
    $("view-table").classList.toggle("active", v === "table");
    $("view-graph").setAttribute("aria-pressed", String(v === "graph"));
    $("view-table").setAttribute("aria-pressed", String(v === "table"));
    if (v === "table") renderTable();
    else resize();
  }
  $("view-graph").onclick = () => setView("graph");
  $("view-table").onclick = () => setView("table");

  // ---------------------------------------------------------------- start
  buildFilters();
  buildLegend();
  T.ui = performance.now();
  window.addEventListener("resize", resize);
  resize();
  recompute();
  fit();

  // A small hook for the browser tests (scripts/test-report.sh): counts and positions,
  // so that tests click where things are rather than compare pixels.
  const hook = {
    ready: false,
    readyMs: null,
    counts: () => ({ nodes: N, edges: E, shownNodes, shownEdges, drawnNodes: drawn.nodes, drawnEdges: drawn.edges, labels: drawn.labels, drawMs: drawn.ms }),
    findNode: (name) => nodes.findIndex((n) => n.name === name),
    findEdge: (s, t, relation) => edges.findIndex((e, i) => nodeName(src[i]) === s && nodeName(dst[i]) === t && (!relation || e.relation === relation)),
    nodePoint: (i) => [sx(xs[i]), sy(ys[i])],
    edgePoint: (i) => {
      const g = edgeGeom(i);
      return [0.25 * g.x0 + 0.5 * g.cx + 0.25 * g.x1, 0.25 * g.y0 + 0.5 * g.cy + 0.25 * g.y1];
    },
    shownEdges: () => Array.from(edgeShown.keys()).filter((i) => edgeShown[i]),
    edgeDates: (i) => [eLo[i], eHi[i]],
    dates: () => DATES.slice(),
    range: () => [DATES[S.from] || null, DATES[S.to] || null],
    state: () => ({ focus: S.focus, node: S.node, edge: S.edge, depth: S.depth, view: S.view }),
    degree: (i) => degree[i],
    openEdge: (i) => openEdge(i),
    csv: () => csv(),
    draw: () => (draw(), drawn.ms),
  };
  window.__report = hook;
  // registered after the first draw's frame callback: runs once it has drawn
  requestAnimationFrame(() => {
    hook.ready = true;
    hook.timings = { script: T.start, parse: T.parsed - T.start, model: T.model - T.parsed, ui: T.ui - T.model, firstDraw: drawn.ms };
    hook.readyMs = performance.now();
    document.documentElement.dataset.ready = "true";
  });
})();
