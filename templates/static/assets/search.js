/*
 * Gazette search: answers as the reader types, from the index the build writes under search/
 * (see render/SearchIndex.java for its layout). Only the term shards a query needs are fetched,
 * and the result cards' data only for the results shown; MiniSearch does the matching (prefix
 * and typo-tolerant) and the ranking (BM25, title and tags boosted over the body).
 */
(function () {
  'use strict';
  var root = document.querySelector('[data-search-index]');
  if (!root || !window.MiniSearch || !window.fetch) {
    return;
  }
  var base = root.getAttribute('data-search-index');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var PAGE = 10;
  var MIN_CHARS = 2;
  /** Bytes of extra shards fetched to complete a short last term, and to correct a typo. */
  var PREFIX_BUDGET = 72 * 1024;
  var FUZZY_BUDGET = 144 * 1024;
  var WORD = /[^\n\r\p{Z}\p{P}]+/gu;
  var SEARCH = {
    boost: { title: 4, tags: 3, source: 2 },
    prefix: true,
    fuzzy: function (term) { return term.length >= 5 ? 0.2 : false; },
    combineWith: 'AND'
  };

  var meta = null;
  var stopWords = null;
  var documentIds = null;
  var fieldLength = null;
  var shardData = new Map();     // shard number -> its index entries
  var shardLoads = new Map();    // shard number -> Promise of them
  var chunkLoads = new Map();    // docs chunk number -> Promise of its rows
  var engine = null;
  var engineShards = -1;
  var generation = 0;
  var results = [];
  var shown = 0;

  function fetchJson(path) {
    return fetch(base + path).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ': HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function processTerm(word) {
    var term = word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    return term && term.length <= 32 && !stopWords.has(term) ? term : null;
  }

  function queryTerms(text) {
    return (text.match(WORD) || []).map(processTerm).filter(Boolean);
  }

  function start(m) {
    meta = m;
    stopWords = new Set(m.stopWords);
    documentIds = {};
    fieldLength = {};
    var lengths = atob(m.lengths);
    var average = m.averageFieldLength;
    for (var id = 0; id < m.documentCount; id++) {
      documentIds[id] = id;
      fieldLength[id] = [lengths.charCodeAt(2 * id), average[1], average[2],
        lengths.charCodeAt(2 * id + 1) * m.bodyLengthUnit];
    }
  }

  /** The shard whose range holds {@code term}: the last one whose first term is not after it. */
  function shardOf(term) {
    var first = meta.shardFirst;
    var lo = 0;
    var hi = first.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (first[mid] <= term) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  function startsWith(text, prefix) {
    return text.lastIndexOf(prefix, 0) === 0;
  }

  /** The shard holding {@code term}, and when {@code complete} the next ones holding words it starts, within a budget. */
  function shardsFor(term, complete) {
    if (!meta.shardFirst.length) {
      return [];
    }
    var own = shardOf(term);
    var out = [own];
    var budget = PREFIX_BUDGET;
    for (var j = own + 1; complete && j < meta.shardFirst.length && startsWith(meta.shardFirst[j], term); j++) {
      budget -= meta.shardBytes[j];
      if (budget < 0) {
        break;
      }
      out.push(j);
    }
    return out;
  }

  /** Shards of words sharing the first half of {@code term}, nearest first: where its correct spelling may be. */
  function neighbours(term) {
    if (!meta.shardFirst.length) {
      return [];
    }
    var own = shardOf(term);
    var stem = term.slice(0, Math.max(1, Math.ceil(term.length / 2)));
    var near = [];
    for (var j = shardOf(stem); j < meta.shardFirst.length && (j === shardOf(stem) || startsWith(meta.shardFirst[j], stem)); j++) {
      if (j !== own) {
        near.push(j);
      }
    }
    near.sort(function (a, b) { return Math.abs(a - own) - Math.abs(b - own); });
    var budget = FUZZY_BUDGET;
    return near.filter(function (j) {
      budget -= meta.shardBytes[j];
      return budget >= 0;
    });
  }

  function load(shards) {
    return Promise.all(shards.map(function (i) {
      if (!shardLoads.has(i)) {
        shardLoads.set(i, fetchJson('terms/' + i + '.json').then(function (entries) {
          shardData.set(i, entries);
        }));
      }
      return shardLoads.get(i);
    }));
  }

  /** A MiniSearch over every shard loaded so far, in the form MiniSearch serializes itself. */
  function currentEngine() {
    if (engine && engineShards === shardData.size) {
      return engine;
    }
    var index = [];
    shardData.forEach(function (entries) {
      for (var k = 0; k < entries.length; k++) {
        index.push(entries[k]);
      }
    });
    var fieldIds = {};
    meta.fields.forEach(function (name, i) { fieldIds[name] = i; });
    engine = MiniSearch.loadJS({
      documentCount: meta.documentCount,
      nextId: meta.documentCount,
      documentIds: documentIds,
      fieldIds: fieldIds,
      fieldLength: fieldLength,
      averageFieldLength: meta.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: index,
      serializationVersion: 2
    }, { fields: meta.fields, processTerm: processTerm, searchOptions: SEARCH });
    engineShards = shardData.size;
    return engine;
  }

  function chunk(n) {
    if (!chunkLoads.has(n)) {
      chunkLoads.set(n, fetchJson('docs/' + n + '.json'));
    }
    return chunkLoads.get(n);
  }

  function docs(hits) {
    return Promise.all(hits.map(function (hit) {
      return chunk(Math.floor(hit.id / meta.docsPerChunk)).then(function (rows) {
        return rows[hit.id % meta.docsPerChunk];
      });
    }));
  }

  async function run(text) {
    var mine = ++generation;
    var terms = queryTerms(text);
    if (!terms.length || text.replace(/\s+/g, '').length < MIN_CHARS) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = text.trim() ? 'Type a little more to search.' : '';
      return;
    }
    status.textContent = 'Searching…';
    var needed = [];
    terms.forEach(function (term, i) {
      shardsFor(term, i === terms.length - 1).forEach(function (s) { needed.push(s); });
    });
    await load(needed);
    var started = performance.now();
    var found = currentEngine().search(text);
    if (!found.length) {
      // A term no shard knows may be a typo: bring in the shards around it and try again.
      var missing = terms.filter(function (t) { return t.length >= 4 && !currentEngine().search(t).length; });
      if (missing.length) {
        var near = [];
        missing.forEach(function (t) { neighbours(t).forEach(function (s) { near.push(s); }); });
        await load(near);
        started = performance.now();
        found = currentEngine().search(text);
      }
    }
    var loose = false;
    if (!found.length && terms.length > 1) {
      found = currentEngine().search(text, { combineWith: 'OR' });
      loose = found.length > 0;
    }
    var searched = performance.now() - started;
    if (mine !== generation) {
      return;
    }
    results = found;
    shown = 0;
    list.replaceChildren();
    status.textContent = found.length === 0 ? 'Nothing found for “' + text.trim() + '”.'
      : (found.length === 1 ? '1 article' : found.length + ' articles') + (loose ? ' match some of ' : ' for ')
        + '“' + text.trim() + '”.';
    await showMore(mine);
    root.setAttribute('data-last-query-ms', searched.toFixed(1));
    root.setAttribute('data-last-query', text);
  }

  async function showMore(mine) {
    var page = results.slice(shown, shown + PAGE);
    var rows = await docs(page);
    if (mine !== generation) {
      return;
    }
    rows.forEach(function (row, i) {
      list.appendChild(card(row, new Set(page[i].terms)));
    });
    shown += page.length;
    more.hidden = shown >= results.length;
  }

  function highlighted(text, matched) {
    var out = document.createDocumentFragment();
    var last = 0;
    text.replace(WORD, function (word, at) {
      var term = processTerm(word);
      if (term && matched.has(term)) {
        out.appendChild(document.createTextNode(text.slice(last, at)));
        var mark = document.createElement('mark');
        mark.textContent = word;
        out.appendChild(mark);
        last = at + word.length;
      }
      return word;
    });
    out.appendChild(document.createTextNode(text.slice(last)));
    return out;
  }

  /** One result: [title, url, date, source, snippet, tags] from a docs chunk. */
  function card(row, matched) {
    var item = document.createElement('li');
    item.className = 'result';
    var title = document.createElement('h2');
    title.className = 'result-title';
    var link = document.createElement('a');
    link.href = row[1];
    link.appendChild(highlighted(row[0], matched));
    title.appendChild(link);
    item.appendChild(title);
    var about = document.createElement('p');
    about.className = 'meta';
    [[row[3], 'source'], [row[2], 'date'], [row[5], 'result-tags']].forEach(function (part) {
      if (part[0]) {
        var span = document.createElement('span');
        span.className = part[1];
        span.appendChild(highlighted(part[0], matched));
        about.appendChild(span);
      }
    });
    item.appendChild(about);
    if (row[4]) {
      var snippet = document.createElement('p');
      snippet.className = 'snippet';
      snippet.appendChild(highlighted(row[4], matched));
      item.appendChild(snippet);
    }
    return item;
  }

  var timer = 0;
  function onInput() {
    clearTimeout(timer);
    var text = input.value;
    var url = new URL(location.href);
    if (text.trim()) {
      url.searchParams.set('q', text);
    } else {
      url.searchParams.delete('q');
    }
    history.replaceState(null, '', url);
    timer = setTimeout(function () { run(text).catch(fail); }, 60);
  }

  function fail(error) {
    status.textContent = 'Search is unavailable: ' + error.message;
  }

  more.addEventListener('click', function () { showMore(generation).catch(fail); });
  input.addEventListener('input', onInput);
  root.closest('form').addEventListener('submit', function (event) {
    event.preventDefault();
    run(input.value).catch(fail);
  });
  fetchJson('meta.json').then(function (m) {
    start(m);
    root.setAttribute('data-ready', 'true');
    var q = new URL(location.href).searchParams.get('q');
    if (q) {
      input.value = q;
    }
    if (input.value.trim()) {
      return run(input.value);
    }
  }).catch(fail);
})();
