// Pickers for the form fields that hold a code or an id: a region tree, search-as-you-type
// for subjects, buildings and people, the grids of the chosen region. A field opts in with
// data-picker="region|subject|building|person|grid|case" (data-picker-multiple for a list of
// ids separated by commas, data-picker-region="<id of the region field>" for a grid).
// The field itself stays in the form and keeps sending what the server reads; without
// JavaScript it is the plain field it always was. Choices come from /api/v1/picker/*,
// limited to the user's jurisdiction by the server.
(function () {
  'use strict';
  var ctxMeta = document.querySelector('meta[name="_ctx"]');
  var base = (ctxMeta ? ctxMeta.content : '/').replace(/\/$/, '') + '/api/v1/picker/';
  var KINDS = {
    region: { path: 'regions', known: 'codes', placeholder: '输入名称搜索，或在下方逐级展开', tree: true },
    subject: { path: 'subjects', known: 'ids', placeholder: '输入主体名称或统一社会信用代码' },
    building: { path: 'buildings', known: 'ids', placeholder: '输入楼宇名称' },
    person: { path: 'people', known: 'ids', placeholder: '输入姓名' },
    case: { path: 'cases', known: 'ids', placeholder: '输入案件编号或名称' }
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }

  function get(path, params) {
    var qs = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
    return fetch(base + path + (qs ? '?' + qs : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; });
  }

  function values(input) {
    return input.value.split(/[,，\s]+/).filter(function (v) { return v !== ''; });
  }

  function searchPicker(input) {
    var kind = KINDS[input.dataset.picker];
    var multiple = input.hasAttribute('data-picker-multiple');
    var id = input.id || ('picker-' + Math.random().toString(36).slice(2));
    var chosen = [];
    var box = el('div', 'picker');
    var chips = el('div', 'picker-chips');
    chips.id = id + '-chosen';
    var search = el('input', 'form-control picker-search');
    search.type = 'search';
    search.id = id + '-search';
    search.autocomplete = 'off';
    search.placeholder = input.dataset.pickerPlaceholder || kind.placeholder;
    search.setAttribute('role', 'combobox');
    search.setAttribute('aria-expanded', 'false');
    var list = el('div', 'list-group picker-list');
    list.id = id + '-choices';
    list.hidden = true;
    list.setAttribute('role', 'listbox');
    search.setAttribute('aria-controls', list.id);
    box.appendChild(chips);
    box.appendChild(search);
    box.appendChild(list);
    input.insertAdjacentElement('afterend', box);
    input.type = 'hidden';
    var label = document.querySelector('label[for="' + id + '"]');
    if (label) { label.htmlFor = search.id; }

    function renderChips() {
      chips.textContent = '';
      chosen.forEach(function (c) {
        var chip = el('span', 'picker-chip badge text-bg-light border');
        chip.appendChild(el('span', 'picker-chip-label', c.label));
        if (c.detail) { chip.appendChild(el('small', 'text-muted ms-1', c.detail)); }
        var x = el('button', 'btn-close ms-1 picker-remove');
        x.type = 'button';
        x.setAttribute('aria-label', '移除 ' + c.label);
        x.addEventListener('click', function () { remove(c.value); });
        chip.appendChild(x);
        chips.appendChild(chip);
      });
      chips.hidden = chosen.length === 0;
    }

    function sync() {
      input.value = chosen.map(function (c) { return c.value; }).join(',');
      renderChips();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function remove(value) {
      chosen = chosen.filter(function (c) { return c.value !== value; });
      sync();
      search.focus();
    }

    function choose(c) {
      if (multiple) {
        if (!chosen.some(function (o) { return o.value === c.value; })) { chosen.push(c); }
      } else {
        chosen = [c];
      }
      search.value = '';
      close();
      sync();
    }

    function close() {
      list.hidden = true;
      search.setAttribute('aria-expanded', 'false');
    }

    function row(c, depth) {
      var item = el('div', 'list-group-item picker-row d-flex align-items-center gap-2');
      if (depth) { item.classList.add('picker-depth-' + Math.min(depth, 4)); }
      if (kind.tree) {
        var open = el('button', 'btn btn-sm btn-link p-0 picker-open', c.more ? '▸' : '');
        open.type = 'button';
        open.disabled = !c.more;
        open.setAttribute('aria-label', '展开 ' + c.label);
        open.addEventListener('click', function (e) {
          e.stopPropagation();
          if (item.dataset.opened) {
            var next = item.nextElementSibling;
            while (next && Number(next.dataset.depth || 0) > depth) {
              var after = next.nextElementSibling;
              next.remove();
              next = after;
            }
            delete item.dataset.opened;
            open.textContent = '▸';
            return;
          }
          item.dataset.opened = '1';
          open.textContent = '▾';
          get(kind.path, { parent: c.value }).then(function (children) {
            var at = item;
            children.forEach(function (child) {
              var r = row(child, depth + 1);
              at.insertAdjacentElement('afterend', r);
              at = r;
            });
          });
        });
        item.appendChild(open);
      }
      var pick = el('button', 'btn btn-link text-start text-decoration-none p-0 flex-grow-1 picker-choice');
      pick.type = 'button';
      pick.dataset.value = c.value;
      pick.setAttribute('role', 'option');
      pick.appendChild(el('span', 'fw-semibold', c.label));
      if (c.detail && !depth) {
        pick.appendChild(el('br'));
        pick.appendChild(el('small', 'text-muted', c.detail));
      }
      pick.addEventListener('click', function () { choose(c); });
      item.appendChild(pick);
      item.dataset.depth = String(depth || 0);
      return item;
    }

    function show(choices, emptyText) {
      list.textContent = '';
      choices.forEach(function (c) { list.appendChild(row(c, 0)); });
      if (choices.length === 0 && emptyText) {
        list.appendChild(el('div', 'list-group-item text-muted small', emptyText));
      }
      list.hidden = list.childElementCount === 0;
      search.setAttribute('aria-expanded', list.hidden ? 'false' : 'true');
    }

    var timer = null;
    var asked = 0;
    function lookUp() {
      var text = search.value.trim();
      var ask = ++asked;
      if (text === '' && !kind.tree) { close(); return; }
      get(kind.path, text === '' ? {} : { q: text }).then(function (choices) {
        if (ask === asked) { show(choices, '没有找到，请换个关键词'); }
      });
    }
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 250);
    });
    search.addEventListener('focus', function () {
      if (list.hidden && (kind.tree || search.value.trim() !== '')) { lookUp(); }
    });
    search.addEventListener('keydown', function (e) {
      var options = Array.prototype.slice.call(list.querySelectorAll('.picker-choice'));
      var at = options.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && options.length) {
        e.preventDefault();
        options[0].focus();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (options.length === 1) { options[0].click(); } else { lookUp(); }
      } else if (e.key === 'Escape') {
        close();
      }
      return at;
    });
    list.addEventListener('keydown', function (e) {
      var options = Array.prototype.slice.call(list.querySelectorAll('.picker-choice'));
      var at = options.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && at < options.length - 1) { e.preventDefault(); options[at + 1].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? options[at - 1] : search).focus(); }
      if (e.key === 'Escape') { close(); search.focus(); }
    });
    document.addEventListener('click', function (e) {
      if (!box.contains(e.target)) { close(); }
    });

    var initial = values(input);
    if (initial.length) {
      var params = {};
      params[kind.known] = initial.join(',');
      get(kind.path, params).then(function (known) {
        chosen = initial.map(function (v) {
          return known.filter(function (k) { return k.value === v; })[0] || { value: v, label: v, detail: '' };
        });
        renderChips();
      });
    } else {
      renderChips();
    }
  }

  function gridPicker(input) {
    var region = document.getElementById(input.dataset.pickerRegion);
    var select = el('select', 'form-select picker-grid');
    select.id = (input.id || 'grid') + '-select';
    input.insertAdjacentElement('afterend', select);
    input.type = 'hidden';
    var label = document.querySelector('label[for="' + input.id + '"]');
    if (label) { label.htmlFor = select.id; }

    function fill(choices, hint) {
      var current = input.value;
      select.textContent = '';
      var none = el('option', null, hint);
      none.value = '';
      select.appendChild(none);
      choices.forEach(function (c) {
        var o = el('option', null, c.label + '（' + c.detail + '）');
        o.value = c.value;
        o.selected = c.value === current;
        select.appendChild(o);
      });
      if (current && !choices.some(function (c) { return c.value === current; })) {
        input.value = '';
      }
    }

    function load() {
      var code = region ? region.value.trim() : '';
      if (!/^\d{12}$/.test(code)) {
        if (input.value) {
          get('grids', { id: input.value }).then(function (c) { fill(c, '不指定'); });
        } else {
          fill([], '请先选择区划');
        }
        return;
      }
      get('grids', { region: code }).then(function (c) {
        fill(c, c.length ? '不指定' : '该区划下没有网格');
      });
    }
    select.addEventListener('change', function () { input.value = select.value; });
    if (region) { region.addEventListener('change', load); }
    load();
  }

  document.querySelectorAll('input[data-picker]').forEach(function (input) {
    if (input.dataset.picker === 'grid') {
      gridPicker(input);
    } else if (KINDS[input.dataset.picker]) {
      searchPicker(input);
    }
  });
})();
