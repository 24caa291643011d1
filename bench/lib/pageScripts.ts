/**
 * Scripts injected into benchmark pages before their own code runs. They are plain JavaScript
 * strings (not functions) so that what runs in the page is exactly what is written here.
 */

/**
 * rAF timestamps recorded while a drag runs, with the number of mousemove events handled before each
 * frame: __benchFrames.start() / .stop() → { times, moves }.
 */
export const FRAME_RECORDER = `
(() => {
  const state = { times: [], moves: [], pending: 0, on: false };
  const tick = (t) => {
    if (!state.on) return;
    state.times.push(t);
    state.moves.push(state.pending);
    state.pending = 0;
    requestAnimationFrame(tick);
  };
  addEventListener('mousemove', () => { if (state.on) state.pending++; }, true);
  window.__benchFrames = {
    start() { state.times = []; state.moves = []; state.pending = 0; state.on = true; requestAnimationFrame(tick); },
    movedFrames() { return state.moves.filter((m) => m > 0).length; },
    stop() { state.on = false; return { times: state.times.slice(), moves: state.moves.slice() }; },
  };
})();
`;

/**
 * The first React Flow node that is actually shown (React Flow keeps nodes hidden until measured),
 * then the end of the frame that paints it; both in ms since navigation start.
 */
export const FIRST_NODE_PAINT = `
(() => {
  window.__benchFirstNode = null;
  let armed = true;
  const visibleNode = () => {
    for (const el of document.querySelectorAll('.react-flow__node')) {
      if (getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0) return el;
    }
    return null;
  };
  const observer = new MutationObserver(() => {
    if (!armed || !visibleNode()) return;
    armed = false;
    observer.disconnect();
    const shownAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      window.__benchFirstNode = { shownAt, paintedAt: performance.now() };
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
})();
`;

/**
 * A minimal React DevTools hook: React DOM (production builds too) reports every commit to it. For each
 * commit made while counting is on, walk the parts of the fiber tree that were re-created and count the
 * function/class components that actually rendered (PerformedWork flag, or a mount), attributed to the
 * React Flow node or edge whose element is their nearest host ancestor.
 */
export const RENDER_COUNTER = `
(() => {
  const counts = {
    enabled: false, commits: 0, components: 0,
    nodeComponents: {}, nodeWrappers: {}, nodeSubtree: {}, edgeComponents: {}, byRegion: {}, byName: {}, byElement: {},
  };
  window.__benchRenders = counts;
  const PERFORMED_WORK = 1;
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const HOST = 5;
  const rendered = (f) => f.alternate === null || (f.flags & PERFORMED_WORK) !== 0;
  const itemOf = (host) => {
    const p = host.memoizedProps;
    if (!p || typeof p.className !== 'string') return null;
    if (/(^|\\s)react-flow__node(\\s|$)/.test(p.className) && p['data-id'] != null) return { kind: 'node', id: String(p['data-id']) };
    if (/(^|\\s)react-flow__edge(\\s|$)/.test(p.className)) {
      const id = p['data-id'] ?? (typeof p['data-testid'] === 'string' ? p['data-testid'].replace(/^rf__edge-/, '') : null);
      if (id != null) return { kind: 'edge', id: String(id) };
    }
    return null;
  };
  const bump = (table, id) => { table[id] = (table[id] || 0) + 1; };
  const attribute = (fiber) => {
    // nearest host ancestor decides whose component this is; any node ancestor makes it part of a node subtree
    let nearest = true;
    for (let f = fiber.return; f; f = f.return) {
      if (f.tag !== HOST) continue;
      const item = itemOf(f);
      if (item && item.kind === 'node') {
        if (nearest) bump(counts.nodeComponents, item.id);
        bump(counts.nodeSubtree, item.id);
        return;
      }
      if (item && item.kind === 'edge') {
        if (nearest) bump(counts.edgeComponents, item.id);
        return;
      }
      nearest = false;
    }
  };
  // where on the page a component sits: its nearest host ancestor with a test id, else with a class
  const regionOf = (fiber) => {
    let classed = null;
    for (let f = fiber.return, depth = 0; f && depth < 60; f = f.return, depth++) {
      if (f.tag !== HOST || !f.memoizedProps) continue;
      const p = f.memoizedProps;
      if (typeof p['data-testid'] === 'string' && !p['data-testid'].startsWith('rf__')) return '[data-testid=' + p['data-testid'] + ']';
      if (!classed && typeof p.className === 'string' && p.className.trim()) classed = '.' + p.className.trim().split(/\\s+/)[0];
    }
    return classed || '(root)';
  };
  // what a component draws: its first host element's test id or first class (e.g. react-flow__minimap-node)
  const elementOf = (fiber) => {
    let f = fiber.child;
    while (f && f.tag !== HOST) f = f.child;
    if (!f || !f.memoizedProps) return '(no element)';
    const p = f.memoizedProps;
    if (typeof p['data-testid'] === 'string') return '[data-testid=' + p['data-testid'].replace(/-[^-]*\\d+$/, '-*') + ']';
    const cls = typeof p.className === 'string' ? p.className : (p.className && p.className.baseVal) || '';
    return String(f.type) + (cls.trim() ? '.' + cls.trim().split(/\\s+/)[0] : '');
  };
  const nameOf = (f) => {
    const t = f.type;
    if (!t) return '?';
    return t.displayName || t.name || (t.type && (t.type.displayName || t.type.name)) || (t.render && (t.render.displayName || t.render.name)) || '(anonymous)';
  };
  const walk = (root) => {
    const stack = [root];
    while (stack.length > 0) {
      const f = stack.pop();
      if (COMPONENT_TAGS.has(f.tag) && rendered(f)) {
        counts.components++;
        attribute(f);
        bump(counts.byRegion, regionOf(f));
        bump(counts.byName, nameOf(f));
        bump(counts.byElement, elementOf(f));
        // a component whose first host child is a node element is that node's wrapper
        let child = f.child;
        while (child && child.tag !== HOST && child.child) child = child.child;
        if (child && child.tag === HOST) {
          const item = itemOf(child);
          if (item && item.kind === 'node') bump(counts.nodeWrappers, item.id);
        }
      }
      // children left untouched by this commit keep the very same fiber objects: skip them
      if (f.child && !(f.alternate && f.alternate.child === f.child)) {
        for (let c = f.child; c; c = c.sibling) stack.push(c);
      }
    }
  };
  let nextId = 1;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) { const id = nextId++; this.renderers.set(id, renderer); return id; },
    onCommitFiberRoot(_id, root) {
      if (!counts.enabled) return;
      counts.commits++;
      try { walk(root.current); } catch (e) { counts.error = String(e); }
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };
})();
`;

/** Records URL.createObjectURL calls (the zip download hands its Blob to it) and download clicks. */
export const DOWNLOAD_PROBE = `
(() => {
  const probe = { clicks: [], blobs: [] };
  window.__benchDownloads = probe;
  const original = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    probe.blobs.push({ at: performance.now(), size: object && object.size, type: object && object.type });
    return original(object);
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-testid="download-zip"],[data-testid="confirm"]') : null;
    if (target) probe.clicks.push({ at: performance.now(), testid: target.getAttribute('data-testid') });
  }, true);
})();
`;
