// crosscheck HTML report: filters, sorting and shareable links for the flag
// table. The page is complete without this script; it only adds controls.
//
// State lives in the URL fragment (or query), so a filtered view can be
// shared: #rule=figures/running-toll-fell&status=open&q=herat&sort=-severity&open=f-1234
//   rule, severity, kind, status, event  filter on the row's data-* attribute
//   q                                    words that must all appear in the flag
//   sort                                 a column (n, severity, kind, rule, event,
//                                        status), "-" first for descending
//   open                                 flag ids (or unique prefixes), comma-separated
// A plain fragment naming a flag (#f-1234) opens that flag.
(() => {
  'use strict';
  document.documentElement.classList.add('js');
  const table = document.getElementById('flag-table');
  const controls = document.getElementById('controls');
  if (!table || !controls) return;
  controls.hidden = false;

  const flags = [...table.tBodies].filter((b) => b.classList.contains('flag'));
  const none = table.querySelector('tbody.none');
  const selects = [...controls.querySelectorAll('select[name]')];
  const search = controls.querySelector('input[name="q"]');
  const shown = controls.querySelector('output');
  const heads = [...table.tHead.rows[0].cells];
  const texts = new Map(flags.map((b) => [b, b.textContent.replace(/\s+/g, ' ').toLowerCase()]));
  const details = (b) => b.querySelector('details');
  let sortCol = '';
  let sortDir = 1;

  function sortBy(col, dir) {
    const i = heads.findIndex((th) => th.dataset.sort && th.dataset.col === col);
    sortCol = i < 0 ? '' : col;
    sortDir = dir;
    heads.forEach((th) => th.removeAttribute('aria-sort'));
    if (i >= 0) heads[i].setAttribute('aria-sort', dir < 0 ? 'descending' : 'ascending');
    const numeric = i >= 0 && heads[i].dataset.sort === 'num';
    const key = (b) => {
      const cell = b.rows[0].cells[i];
      return cell.dataset.key ?? cell.textContent.trim().toLowerCase();
    };
    const order = (a, b) => {
      if (i >= 0) {
        const x = key(a);
        const y = key(b);
        const c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        if (c) return c * dir;
      }
      return Number(a.dataset.n) - Number(b.dataset.n);
    };
    for (const b of flags.slice().sort(order)) table.insertBefore(b, none);
  }

  function filter() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let n = 0;
    for (const b of flags) {
      const ok =
        selects.every((s) => !s.value || b.dataset[s.name] === s.value) &&
        words.every((w) => texts.get(b).includes(w));
      b.hidden = !ok;
      if (ok) n += 1;
    }
    none.hidden = n > 0;
    const all = flags.length;
    shown.value = n === all ? `${all} flag${all === 1 ? '' : 's'}` : `${n} of ${all} flags shown`;
  }

  // Opens the flags named by id or unique id prefix; returns the first.
  function openFlags(ids) {
    let first = null;
    for (const id of ids) {
      let hits = flags.filter((b) => b.id === id);
      if (!hits.length) hits = flags.filter((b) => id && b.id.startsWith(id));
      if (hits.length !== 1) continue;
      details(hits[0]).open = true;
      first = first || hits[0];
    }
    return first;
  }

  // Scrolls to a flag unless its first row is in view already.
  function reveal(el) {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.top + 60 > window.innerHeight) el.scrollIntoView({ block: 'start' });
  }

  function params() {
    const p = new URLSearchParams(location.search);
    const hash = location.hash.slice(1);
    if (hash.includes('=')) for (const [k, v] of new URLSearchParams(hash)) p.set(k, v);
    return p;
  }

  // Applies the state the URL holds.
  function load() {
    const p = params();
    for (const s of selects) {
      s.value = p.get(s.name) || '';
      if (s.selectedIndex < 0) s.value = '';
    }
    search.value = p.get('q') || '';
    const sort = p.get('sort') || '';
    sortBy(sort.replace(/^-/, ''), sort.startsWith('-') ? -1 : 1);
    filter();
    const hash = decodeURIComponent(location.hash.slice(1));
    const ids = p.has('open') ? p.get('open').split(',') : hash && !hash.includes('=') ? [hash] : [];
    const first = openFlags(ids);
    if (first) reveal(first);
  }

  const enc = (v) => encodeURIComponent(v).replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%20/g, '+');

  // Writes the state to the URL fragment, so the view can be shared.
  function save() {
    const parts = [];
    for (const s of selects) if (s.value) parts.push(`${s.name}=${enc(s.value)}`);
    if (search.value.trim()) parts.push(`q=${enc(search.value.trim())}`);
    if (sortCol) parts.push(`sort=${sortDir < 0 ? '-' : ''}${sortCol}`);
    const open = flags.filter((b) => details(b).open).map((b) => b.id);
    if (open.length) parts.push(`open=${open.join(',')}`);
    const url = parts.length ? `#${parts.join('&')}` : location.pathname + location.search;
    try {
      history.replaceState(null, '', url);
    } catch (e) {
      // Some browsers refuse to rewrite file: URLs; the view still works.
    }
  }

  for (const th of heads) {
    if (!th.dataset.sort) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = th.textContent;
    b.title = `Sort by ${th.textContent.toLowerCase()}`;
    th.replaceChildren(b);
    b.addEventListener('click', () => {
      const dir = sortCol === th.dataset.col ? -sortDir : th.dataset.first === 'desc' ? -1 : 1;
      sortBy(th.dataset.col, dir);
      save();
    });
  }

  for (const s of selects) s.addEventListener('change', () => { filter(); save(); });
  search.addEventListener('input', () => { filter(); save(); });
  for (const b of flags) details(b).addEventListener('toggle', save);

  controls.addEventListener('submit', (e) => e.preventDefault());
  controls.addEventListener('click', (e) => {
    const action = e.target.closest('button[data-action]')?.dataset.action;
    if (!action) return;
    if (action === 'reset') {
      for (const s of selects) s.value = '';
      search.value = '';
      sortBy('', 1);
      filter();
    } else {
      for (const b of flags) if (!b.hidden) details(b).open = action === 'expand';
    }
    save();
  });

  // A click anywhere on a flag's first row opens or closes its evidence.
  table.addEventListener('click', (e) => {
    const row = e.target.closest('tr.head');
    if (!row || e.target.closest('a, button, summary, input, select, label')) return;
    if (String(window.getSelection())) return;
    const d = details(row.parentElement);
    d.open = !d.open;
  });

  // "/" jumps to the search box.
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest('input, select, textarea')) return;
    e.preventDefault();
    search.focus();
  });

  // Links such as #severity=warning (the summary's counts) set the filters;
  // a plain #f-… opens that flag and keeps the filters.
  window.addEventListener('hashchange', () => {
    const hash = location.hash.slice(1);
    if (hash.includes('=')) {
      load();
      document.getElementById('flags').scrollIntoView({ block: 'start' });
    } else {
      const first = openFlags([decodeURIComponent(hash)]);
      if (first && first.hidden) {
        for (const s of selects) s.value = '';
        search.value = '';
        filter();
        first.scrollIntoView({ block: 'start' });
      }
    }
  });

  load();
})();
