// Update script of the live preview. It runs only in Qt's ApplicationWorld (an isolated
// JavaScript world): the page's own JavaScript is disabled, this world still runs.
// It defines window.__articlePreview once per document; every call from Python starts
// with a guard that re-defines it when a new document was loaded.
(function () {
  "use strict";
  if (window.__articlePreview) {
    return;
  }

  const LINE = "data-source-line";
  const SOURCE_LINE = /^(<[a-zA-Z][\w-]*\b[^>]*?)\s+data-source-line="\d+"/;
  // Comparison key per top-level node, kept for the nodes we inserted: after a patch the
  // DOM can differ from the source (image placeholders), so the source text is the key.
  const keys = new WeakMap();
  let labels = {imageMissing: "Image not available", frame: "Embedded content"};
  // Zero-specificity defaults: any rule of the theme for these classes wins.
  const FALLBACK_CSS = `
    :where(.img-placeholder, .iframe-placeholder) {
      display: inline-flex; flex-direction: column; align-items: center; justify-content: center;
      box-sizing: border-box; max-width: 100%; min-width: 8em; min-height: 4em; padding: 1.5em 1em;
      border: 1px dashed #9aa4b1; border-radius: 6px; background: #f3f5f8; color: #5b6470;
      font-size: 0.9em; line-height: 1.4; text-align: center; vertical-align: middle;
    }
    :where(.iframe-placeholder) { display: flex; width: 100%; min-height: 8em; margin: 1em 0; }
    :where(.img-placeholder, .iframe-placeholder) :where(small) {
      display: block; margin-top: 0.3em; opacity: 0.8; overflow-wrap: anywhere;
    }`;

  function keyOf(node) {
    if (keys.has(node)) {
      return keys.get(node);
    }
    return freshKey(node);
  }

  function freshKey(node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      // Line numbers shift for every block below an edit; they are not content.
      return node.outerHTML.replace(SOURCE_LINE, "$1");
    }
    return node.nodeType + ":" + node.nodeValue;
  }

  function placeholderFor(kind, text, detail) {
    // Always a span: a block element would split the paragraph around it.
    const box = document.createElement("span");
    box.className = kind === "img" ? "img-placeholder" : "iframe-placeholder";
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", text);
    const label = document.createElement("span");
    label.className = "placeholder-label";
    label.textContent = text;
    box.appendChild(label);
    if (detail) {
      const small = document.createElement("small");
      small.className = "placeholder-detail";
      small.textContent = detail;
      box.appendChild(small);
    }
    return box;
  }

  function replaceImage(img) {
    if (!img.isConnected) {
      return;
    }
    img.replaceWith(imagePlaceholder(img));
  }

  function imagePlaceholder(img) {
    const alt = (img.getAttribute("alt") || "").trim();
    const src = img.getAttribute("src") || "";
    const box = placeholderFor("img", alt || labels.imageMissing, alt ? "" : src);
    box.dataset.src = src;
    box.dataset.alt = img.getAttribute("alt") || "";
    const width = parseInt(img.getAttribute("width") || "", 10);
    if (width > 0) {
      box.style.width = width + "px";
    }
    keepLine(img, box);
    return box;
  }

  // The fresh header keeps the images already shown (same address): a new <img> would
  // be empty until it loads, and the page below would jump (the form edits the header).
  function keepHeaderImages(current, fresh) {
    const shown = new Map();
    for (const el of current.querySelectorAll("img, .img-placeholder[data-src]")) {
      const src = el.tagName === "IMG" ? el.getAttribute("src") : el.dataset.src;
      if (src && !shown.has(src)) {
        shown.set(src, el);
      }
    }
    for (const img of Array.from(fresh.querySelectorAll("img"))) {
      const src = img.getAttribute("src") || "";
      const kept = shown.get(src);
      if (!kept) {
        continue;
      }
      shown.delete(src);
      if (kept.tagName === "IMG") {
        kept.setAttribute("alt", img.getAttribute("alt") || "");
        img.replaceWith(kept);
      } else if (kept.dataset.alt === (img.getAttribute("alt") || "")) {
        img.replaceWith(kept);
      } else {
        img.replaceWith(imagePlaceholder(img));  // drawn at once, no load to wait for
      }
    }
  }

  function isBroken(img) {
    return img.complete && img.naturalWidth === 0 && (img.getAttribute("src") || "") !== "";
  }

  function watchImages(root) {
    const images = root.tagName === "IMG" ? [root] : Array.from(root.querySelectorAll("img"));
    for (const img of images) {
      if (isBroken(img)) {
        replaceImage(img);
      } else if (!img.complete) {
        img.addEventListener("error", () => replaceImage(img), {once: true});
      }
    }
  }

  function replaceEmbeds(root) {
    const embeds = root.matches && root.matches("iframe, object, embed, frame")
      ? [root] : Array.from(root.querySelectorAll("iframe, object, embed, frame"));
    for (const el of embeds) {
      const src = el.getAttribute("src") || el.getAttribute("data") || "";
      const box = placeholderFor("frame", labels.frame, src);
      box.dataset.src = src;
      keepLine(el, box);
      el.replaceWith(box);
    }
  }

  function process(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    replaceEmbeds(node);
    watchImages(node);
  }

  function isBlank(node) {
    return node.nodeType === Node.TEXT_NODE && node.nodeValue.trim() === "";
  }

  // Blank text at either end shows nothing; dropping it lets the ends of old and new match.
  function trimmed(nodes) {
    let start = 0;
    let end = nodes.length;
    while (start < end && isBlank(nodes[start])) {
      start++;
    }
    while (end > start && isBlank(nodes[end - 1])) {
      end--;
    }
    return nodes.slice(start, end);
  }

  // Top-level nodes grouped into pieces, each starting at a block carrying a source
  // line (the first piece: the nodes before any such block).
  function piecesOf(nodes) {
    const pieces = [[]];
    for (const node of nodes) {
      if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute(LINE)) {
        pieces.push([]);
      }
      pieces[pieces.length - 1].push(node);
    }
    return pieces;
  }

  // A replacement keeps the source line of what it replaces (pieces start at them).
  function keepLine(from, to) {
    if (from.nodeType === Node.ELEMENT_NODE && from.hasAttribute(LINE)) {
      to.setAttribute(LINE, from.getAttribute(LINE));
    }
  }

  function bodyElement() {
    return document.getElementById("post-body");
  }

  // Replace only the run of top-level nodes that changed: the common prefix and suffix
  // stay (no image reload, no flash), their line numbers are refreshed in place.
  function patchChildren(container, html) {
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    const fresh = trimmed(Array.from(tpl.content.childNodes));
    const old = Array.from(container.childNodes);
    const freshKeys = new Array(fresh.length);
    const freshKeyAt = (i) => {
      if (freshKeys[i] === undefined) {
        freshKeys[i] = freshKey(fresh[i]);
      }
      return freshKeys[i];
    };
    // isEqualNode is native and allocates nothing: the common case of an edit inside one
    // block. Keys cover line numbers that moved and images replaced by placeholders.
    const same = (o, i) => o.isEqualNode(fresh[i]) || keyOf(o) === freshKeyAt(i);
    const limit = Math.min(old.length, fresh.length);
    let head = 0;
    while (head < limit && same(old[head], head)) {
      head++;
    }
    let tail = 0;
    while (tail < limit - head && same(old[old.length - 1 - tail], fresh.length - 1 - tail)) {
      tail++;
    }
    const syncLine = (o, f) => {
      if (f.nodeType === Node.ELEMENT_NODE) {
        const line = f.getAttribute("data-source-line");
        if (line === null) {
          o.removeAttribute("data-source-line");
        } else if (o.getAttribute("data-source-line") !== line) {
          o.setAttribute("data-source-line", line);
        }
      }
    };
    for (let i = 0; i < head; i++) {
      syncLine(old[i], fresh[i]);
    }
    for (let i = 0; i < tail; i++) {
      syncLine(old[old.length - 1 - i], fresh[fresh.length - 1 - i]);
    }
    const anchor = tail > 0 ? old[old.length - tail] : null;
    for (let i = head; i < old.length - tail; i++) {
      old[i].remove();
    }
    const inserted = fresh.slice(head, fresh.length - tail);
    for (let i = 0; i < inserted.length; i++) {
      keys.set(inserted[i], freshKeyAt(head + i));
      container.insertBefore(inserted[i], anchor);
    }
    inserted.forEach(process);
    return {kept: head + tail, replaced: inserted.length};
  }

  function patchHeader(html) {
    const current = document.getElementById("post-header");
    if (!current) {
      return;
    }
    const tpl = document.createElement("template");
    tpl.innerHTML = html;
    const fresh = tpl.content.firstElementChild;
    if (!fresh) {
      return;
    }
    const freshHtml = fresh.outerHTML;
    if ((keys.get(current) || current.outerHTML) === freshHtml) {
      return;
    }
    keys.set(fresh, freshHtml);
    keepHeaderImages(current, fresh);
    current.replaceWith(fresh);
    process(fresh);
  }

  function blocks() {
    const body = bodyElement();
    if (!body) {
      return [];
    }
    const out = [];
    for (const el of body.querySelectorAll("[data-source-line]")) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) {
        continue;
      }
      out.push({line: parseInt(el.getAttribute("data-source-line"), 10), top: rect.top + window.scrollY});
    }
    out.sort((a, b) => a.line - b.line || a.top - b.top);
    return out;
  }

  const api = {
    init(options) {
      labels = Object.assign(labels, options.labels || {});
      if (!document.getElementById("preview-fallback-css")) {
        const style = document.createElement("style");
        style.id = "preview-fallback-css";
        style.textContent = FALLBACK_CSS;
        document.head.insertBefore(style, document.head.firstChild);
      }
      const header = document.getElementById("post-header");
      if (header) {
        keys.set(header, header.outerHTML);
        process(header);
      }
      const body = bodyElement();
      if (body) {
        // Keys from the loaded source, before placeholders change the DOM.
        const all = Array.from(body.childNodes);
        const children = trimmed(all);
        all.filter((node) => !children.includes(node)).forEach((node) => node.remove());
        children.forEach((child) => keys.set(child, freshKey(child)));
        children.forEach(process);
      }
      return api.state();
    },

    // Replace the body's pieces between `head` unchanged ones at the start and `tail` at
    // the end by `middleHtml`, and give every piece its line from `lines`. A piece is a
    // top-level block carrying a source line and the nodes up to the next one (the
    // first piece: the nodes before any). The page must hold `oldCount` pieces; when it
    // does not (markup the browser nested differently), nothing changes and the answer
    // says so, for the caller to send the whole body instead.
    patchRange(headerHtml, head, tail, oldCount, middleHtml, lines) {
      const body = bodyElement();
      if (!body) {
        return {stale: true};
      }
      const old = piecesOf(Array.from(body.childNodes));
      const tpl = document.createElement("template");
      tpl.innerHTML = middleHtml;
      const freshNodes = Array.from(tpl.content.childNodes);
      const fresh = piecesOf(freshNodes);
      // After the first piece, the middle starts with a block of its own: no nodes before.
      const freshCount = head === 0 ? fresh.length : fresh.length - 1;
      if (old.length !== oldCount || freshCount !== lines.length - head - tail
          || (head > 0 && fresh[0].length > 0)) {
        return {stale: true};
      }
      const y = window.scrollY;
      if (headerHtml !== null) {
        patchHeader(headerHtml);
      }
      const anchor = tail > 0 ? old[oldCount - tail][0] : null;
      for (let i = head; i < oldCount - tail; i++) {
        old[i].forEach((node) => node.remove());
      }
      for (const node of freshNodes) {
        keys.set(node, freshKey(node));
        body.insertBefore(node, anchor);
      }
      freshNodes.forEach(process);
      const now = piecesOf(Array.from(body.childNodes));
      for (let i = 1; i < now.length && i < lines.length; i++) {
        const first = now[i][0];
        if (first.getAttribute(LINE) !== String(lines[i])) {
          first.setAttribute(LINE, String(lines[i]));
        }
      }
      if (window.scrollY !== y) {
        window.scrollTo({top: y, left: window.scrollX, behavior: "instant"});
      }
      return {kept: head + tail, replaced: lines.length - head - tail, scrollY: window.scrollY,
              stale: now.length !== lines.length};
    },

    // Replace pieces `head` to `oldCount - tail - 1` by `middleHtml`, which holds
    // `anchored` pieces carrying their lines (and, when head is 0, the nodes before
    // them); the `tail` pieces after it move down `shift` lines. Work in proportion to
    // the edit, not the body: one keystroke in a long HTML post. Stale when the page
    // does not hold `oldCount` pieces or the middle is not what was announced.
    replacePieces(head, tail, oldCount, middleHtml, anchored, shift) {
      const body = bodyElement();
      if (!body) {
        return {stale: true};
      }
      // The blocks that start pieces 1, 2, …: found natively, not by walking every node.
      const starts = body.querySelectorAll(":scope > [data-source-line]");
      const tpl = document.createElement("template");
      tpl.innerHTML = middleHtml;
      const freshNodes = Array.from(tpl.content.childNodes);
      const fresh = piecesOf(freshNodes);
      if (starts.length + 1 !== oldCount || fresh.length - 1 !== anchored
          || (head > 0 && fresh[0].length > 0)) {
        return {stale: true};
      }
      const y = window.scrollY;
      const anchor = tail > 0 ? starts[oldCount - tail - 1] : null;
      let node = head > 0 ? starts[head - 1] : body.firstChild;
      while (node !== null && node !== anchor) {
        const next = node.nextSibling;
        node.remove();
        node = next;
      }
      for (const fresh of freshNodes) {
        keys.set(fresh, freshKey(fresh));
        body.insertBefore(fresh, anchor);
      }
      freshNodes.forEach(process);
      if (shift !== 0) {
        for (let i = oldCount - tail - 1; i < starts.length; i++) {
          const line = parseInt(starts[i].getAttribute(LINE), 10) + shift;
          starts[i].setAttribute(LINE, String(line));
        }
      }
      if (window.scrollY !== y) {
        window.scrollTo({top: y, left: window.scrollX, behavior: "instant"});
      }
      return {kept: head + tail, replaced: fresh.length - (head === 0 ? 0 : 1),
              scrollY: window.scrollY, stale: false};
    },

    patch(headerHtml, bodyHtml) {
      const y = window.scrollY;
      if (headerHtml !== null) {
        patchHeader(headerHtml);
      }
      const body = bodyElement();
      const result = body ? patchChildren(body, bodyHtml) : {kept: 0, replaced: 0};
      if (window.scrollY !== y) {
        window.scrollTo({top: y, left: window.scrollX, behavior: "instant"});
      }
      result.scrollY = window.scrollY;
      return result;
    },

    // A site's page (the Site look): the elements marked as showing a front-matter
    // field (the title) show its value now; a field not in `values` stays as it is.
    setFields(values) {
      let changed = 0;
      for (const el of document.querySelectorAll("[data-article-editor-field]")) {
        const name = el.getAttribute("data-article-editor-field");
        if (Object.prototype.hasOwnProperty.call(values, name) && el.textContent !== values[name]) {
          el.textContent = values[name];
          changed++;
        }
      }
      return changed;
    },

    setCss(id, text) {
      let style = document.getElementById(id);
      if (!style) {
        style = document.createElement("style");
        style.id = id;
        document.head.appendChild(style);
      }
      if (style.textContent !== text) {
        style.textContent = text;
      }
    },

    // The source line at the top of the viewport, interpolated between blocks.
    topLine() {
      const list = blocks();
      const y = window.scrollY + 1;
      if (list.length === 0 || y < list[0].top) {
        return {line: 1, scrollY: window.scrollY};
      }
      let i = 0;
      while (i + 1 < list.length && list[i + 1].top <= y) {
        i++;
      }
      let line = list[i].line;
      const next = list[i + 1];
      if (next && next.top > list[i].top && next.line > line) {
        line += Math.floor((y - list[i].top) / (next.top - list[i].top) * (next.line - line));
      }
      return {line: line, scrollY: window.scrollY};
    },

    scrollToLine(line) {
      const list = blocks();
      let target = 0;
      let i = -1;
      for (let k = 0; k < list.length && list[k].line <= line; k++) {
        i = k;
      }
      if (i >= 0) {
        target = list[i].top;
        const next = list[i + 1];
        if (next && next.line > list[i].line && line > list[i].line) {
          target += (line - list[i].line) / (next.line - list[i].line) * (next.top - list[i].top);
        }
      }
      window.scrollTo({top: Math.round(target), left: window.scrollX, behavior: "instant"});
      return window.scrollY;
    },

    // Back online: give every image that failed another chance.
    retryImages() {
      for (const box of document.querySelectorAll(".img-placeholder[data-src]")) {
        const img = document.createElement("img");
        img.setAttribute("src", box.dataset.src);
        img.setAttribute("alt", box.dataset.alt || "");
        keepLine(box, img);
        box.replaceWith(img);
        watchImages(img);
      }
    },

    state() {
      return {
        scrollY: window.scrollY,
        images: document.images.length,
        placeholders: document.querySelectorAll(".img-placeholder").length,
      };
    },
  };

  window.__articlePreview = api;
})();
