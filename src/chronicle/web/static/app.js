// chronicle's web page, over the /v1 REST API.
// Article text is untrusted: every piece of it reaches the page through textContent or text
// nodes (never parsed as HTML), and links are made only of http(s) URLs. The time axis gets DOM
// elements, not HTML strings, for the same reason.
"use strict";

// A phone shows fewer dates a page: each takes three times the height it takes on a desktop.
const DATES_PER_PAGE = window.matchMedia("(max-width: 600px)").matches ? 5 : 8;
// On a narrow screen the claims come below the dates, one a row: fewer a page keep it short.
const CLAIMS_PER_PAGE = window.matchMedia("(max-width: 1024px)").matches ? 8 : 20;
const DISAGREEMENTS_PER_PAGE = 4;
const ENTITIES_PER_PAGE = window.matchMedia("(max-width: 600px)").matches ? 12 : 25;
const EVIDENCE_SHOWN = 3;
const FILTERS = ["q", "since", "until", "entity"];
const DAY = 86400000;

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function button(className, text, onClick) {
  const node = el("button", className, text);
  node.type = "button";
  if (onClick) node.addEventListener("click", onClick);
  return node;
}

// ---------------------------------------------------------------- state and the URL

const state = {q: "", since: "", until: "", entity: "", stance: "", speaker: "", event: ""};
const view = {
  keyEntries: [], allEntries: [], articles: new Map(), events: new Map(), byArticle: new Map(),
  shownDates: 0, claims: [], claimOffset: 0, claimTotal: 0, entityOffset: 0, entityNames: new Map(),
  timeline: null, items: null, storyWindow: null, fullWindow: null, loadToken: 0, claimToken: 0, entityToken: 0,
  foundToken: 0,
};

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) state[key] = params.get(key) || "";
}

function writeUrl(push) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value);
  const query = params.toString();
  const url = location.pathname + (query ? "?" + query : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

function syncInputs() {
  for (const key of ["q", "since", "until", "stance", "speaker"]) $(key).value = state[key];
}

function apiParams(extra) {
  const params = new URLSearchParams();
  if (state.q) params.set("query", state.q);
  for (const key of ["since", "until", "entity"]) if (state[key]) params.set(key, state[key]);
  for (const [key, value] of Object.entries(extra || {})) if (value !== "" && value !== null) params.set(key, value);
  return params;
}

async function getJson(url) {
  return readJson(await request(url));
}

// The answer's headers: its body keeps arriving in the background, and is parsed only when read.
function request(url) {
  return fetch(url, {headers: {Accept: "application/json"}});
}

async function readJson(response) {
  if (!response.ok) {
    let detail = "";
    try { detail = (await response.json()).detail; } catch (e) { detail = ""; }
    throw new Error(typeof detail === "string" && detail ? detail : "HTTP " + response.status);
  }
  return response.json();
}

// The time axis's library (600 KB of script) is fetched and run after the key dates are shown,
// not before the page starts: those need none of it.
let axisLibrary = null;

function loadAxisLibrary() {
  if (!axisLibrary) {
    const names = ["moment.min.js", "vis-data.min.js", "vis-timeline-graph2d.min.js"];
    axisLibrary = Promise.all(names.map((name) => new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "/static/vendor/vis/" + name;
      script.async = false;  // fetched together, run in this order
      script.onload = resolve;
      script.onerror = () => reject(new Error("could not load " + name));
      document.head.append(script);
    })));
  }
  return axisLibrary;
}

function busy(node, on, message) {
  node.setAttribute("aria-busy", on ? "true" : "false");
  if (on && message) node.replaceChildren(el(node.tagName === "UL" || node.tagName === "OL" ? "li" : "p", "muted pad", message));
}

// ---------------------------------------------------------------- dates

const LONG = new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
const SHORT = new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "short", year: "numeric", timeZone: "UTC"});
const MONTH = new Intl.DateTimeFormat("en-GB", {month: "long", year: "numeric", timeZone: "UTC"});

// The span a timeline date covers: [start, end) in UTC ms, for day, week, month and year dates.
function span(date) {
  let m = /^(\d{4})-W(\d{2})$/.exec(date);
  if (m) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (+m[2] - 1) * 7 * DAY;
    return [monday, monday + 7 * DAY];
  }
  m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date || "");
  if (!m) return null;
  const year = +m[1];
  if (m[3]) { const start = Date.UTC(year, +m[2] - 1, +m[3]); return [start, start + DAY]; }
  if (m[2]) return [Date.UTC(year, +m[2] - 1, 1), Date.UTC(year, +m[2], 1)];
  return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
}

function dateLabel(date, short) {
  const range = span(date);
  if (!range) return date || "undated";
  if (/^\d{4}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return MONTH.format(range[0]);
  if (/W/.test(date)) return "week of " + (short ? SHORT : LONG).format(range[0]);
  return (short ? SHORT : LONG).format(range[0]);
}

// ---------------------------------------------------------------- sources

function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function outletsOf(ids) {
  const counts = new Map();
  for (const id of ids) {
    const article = view.articles.get(id);
    const name = (article && article.source) || "unknown outlet";
    counts.set(name, (counts.get(name) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function sourcesLine(ids) {
  const outlets = outletsOf(ids);
  const names = outlets.slice(0, 3).map(([name]) => name).join(", ");
  const rest = outlets.length > 3 ? " and " + (outlets.length - 3) + " more" : "";
  return ids.length + (ids.length === 1 ? " article" : " articles") + " · " + names + rest;
}

const firstLines = new Map();

function firstLine(id) {
  if (!firstLines.has(id)) {
    firstLines.set(id, getJson("/v1/articles/" + encodeURIComponent(id)).then((article) => {
      const line = (article.text || "").trim().split("\n")[0].trim();
      return line.length > 110 ? line.slice(0, 108).replace(/\s+\S*$/, "") + "…" : line;
    }).catch(() => ""));
  }
  return firstLines.get(id);
}

// Outlet, headline, publication date and link of one article, as DOM.
function articleLine(id, known) {
  const article = view.articles.get(id) || known || {id: id};
  const line = el("div", "article-line");
  line.append(el("strong", "outlet", article.source || "unknown outlet"));
  const headline = el("span", "headline", article.title || "untitled article");
  if (!article.title) {
    // No headline in the store (plain-text sources): the article's first line stands in for it.
    firstLine(id).then((text) => {
      if (!text) return;
      headline.textContent = text;
      headline.title = "first line of the article (it has no headline)";
    });
  }
  line.append(headline);
  if (article.published) line.append(el("span", "muted", dateLabel(article.published, true)));
  const href = safeUrl(article.url);
  if (href) {
    const link = el("a", "ext", "original ↗");
    link.href = href;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    line.append(link);
  }
  return line;
}

// ---------------------------------------------------------------- the article view

// The text with the evidence sentence and, inside it, the time expression marked.
function markedText(text, start, end, expression) {
  const box = document.createDocumentFragment();
  if (!(start >= 0 && end > start && end <= text.length)) {
    box.append(document.createTextNode(text));
    return {box, mark: null};
  }
  const sentence = text.slice(start, end);
  const mark = el("mark", "sentence");
  const at = expression ? sentence.indexOf(expression) : -1;
  if (at >= 0) {
    mark.append(document.createTextNode(sentence.slice(0, at)), el("mark", "when", expression),
      document.createTextNode(sentence.slice(at + expression.length)));
  } else {
    mark.textContent = sentence;
  }
  box.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
  return {box, mark};
}

async function openArticle(id, evidence, opener) {
  const dialog = $("article");
  const body = $("article-text");
  $("article-title").textContent = "Loading…";
  $("article-meta").replaceChildren();
  busy(body, true, "Loading the article…");
  if (!dialog.open) dialog.showModal();
  dialog.returnFocusTo = opener || null;
  try {
    const article = await getJson("/v1/articles/" + encodeURIComponent(id));
    view.articles.set(article.id, Object.assign({}, view.articles.get(article.id), article));
    const first = (article.text || "").trim().split("\n")[0].trim();
    firstLines.set(article.id, Promise.resolve(first.length > 110 ? first.slice(0, 108) + "…" : first));
    $("article-title").textContent = article.title || "Untitled article";
    $("article-meta").replaceChildren(articleLine(article.id));
    const {box, mark} = evidence
      ? markedText(article.text || "", evidence.start, evidence.end, evidence.time_expression)
      : markedText(article.text || "", -1, -1, null);
    body.replaceChildren(box);
    busy(body, false);
    body.scrollTop = 0;
    if (mark) mark.scrollIntoView({block: "center"});
  } catch (error) {
    $("article-title").textContent = "Article";
    body.replaceChildren(el("p", "error", "Could not load the article: " + error.message));
    busy(body, false);
  }
}

// ---------------------------------------------------------------- an event's evidence

function evidenceItem(ev) {
  const item = el("li", "evidence");
  item.append(articleLine(ev.article));
  const quote = el("blockquote");
  const at = ev.time_expression ? ev.sentence.indexOf(ev.time_expression) : -1;
  if (at >= 0) {
    quote.append(document.createTextNode(ev.sentence.slice(0, at)), el("mark", "when", ev.time_expression),
      document.createTextNode(ev.sentence.slice(at + ev.time_expression.length)));
  } else {
    quote.textContent = ev.sentence;
  }
  item.append(quote);
  const read = button("link", "Read it in the article", (e) => openArticle(ev.article, ev, e.currentTarget));
  item.append(read);
  return item;
}

function showDetail(id, scroll) {
  const found = view.events.get(id);
  const box = $("detail");
  if (!found) {
    box.hidden = true;
    return;
  }
  const {event, entry} = found;
  box.replaceChildren();
  const bar = el("div", "detail-bar");
  bar.append(el("span", "date", dateLabel(entry.date) + (entry.granularity !== "day" ? " (" + entry.granularity + ")" : "")));
  bar.append(button("close", "Close", () => selectEvent("")));
  const title = el("h3", null, event.summary);
  title.id = "detail-title";
  box.append(bar, title);
  const meta = el("p", "muted");
  meta.textContent = sourcesLine(event.sources) + (event.place ? " · " + event.place : "");
  box.append(meta);
  if (event.actors.length) {
    const chips = el("div", "chips");
    for (const actor of event.actors) chips.append(button("chip actor", actor, () => setEntity(actor)));
    box.append(chips);
  }
  box.append(el("h4", null, "Evidence"));
  const list = el("ul", "evidence-list");
  event.evidence.slice(0, EVIDENCE_SHOWN).forEach((ev) => list.append(evidenceItem(ev)));
  box.append(list);
  if (event.evidence.length > EVIDENCE_SHOWN) {
    const more = button("more", "Show all " + event.evidence.length + " pieces of evidence", () => {
      event.evidence.slice(EVIDENCE_SHOWN).forEach((ev) => list.append(evidenceItem(ev)));
      more.remove();
    });
    box.append(more);
  }
  box.hidden = false;
  document.querySelectorAll("[data-event][aria-current]").forEach((n) => n.removeAttribute("aria-current"));
  document.querySelectorAll('[data-event="' + CSS.escape(id) + '"]').forEach((n) => n.setAttribute("aria-current", "true"));
  if (scroll) {
    box.scrollIntoView({block: "nearest"});
    box.focus({preventScroll: true});
  }
}

function selectEvent(id, options) {
  const opts = options || {};
  state.event = id;
  writeUrl(!opts.restoring);
  if (!id) {
    $("detail").hidden = true;
    document.querySelectorAll("[data-event][aria-current]").forEach((n) => n.removeAttribute("aria-current"));
    if (view.timeline) view.timeline.setSelection([]);
    return;
  }
  showDetail(id, true);
  const found = view.events.get(id);
  if (view.timeline && found && view.items.get(id)) {
    view.timeline.setSelection([id]);
    const [start, end] = span(found.entry.date);
    const window = view.timeline.getWindow();
    if (start < window.start.valueOf() || end > window.end.valueOf()) view.timeline.moveTo(new Date(start), {animation: false});
  }
}

// ---------------------------------------------------------------- the time axis

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * (sorted.length - 1))))];
}

// Where the story is: the 5th to 95th percentile of event dates, weighted by sources.
function storyWindow(entries) {
  const weighted = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const entry of entries) {
    const range = span(entry.date);
    if (!range) continue;
    lo = Math.min(lo, range[0]);
    hi = Math.max(hi, range[1]);
    const weight = entry.events.reduce((n, ev) => n + Math.max(1, ev.sources.length), 0);
    for (let i = 0; i < weight; i++) weighted.push(range[0]);
  }
  if (!weighted.length) return null;
  weighted.sort((a, b) => a - b);
  let start = percentile(weighted, 0.05);
  let end = percentile(weighted, 0.95) + DAY;
  const pad = Math.max(7 * DAY, (end - start) * 0.06);
  start -= pad;
  end += pad;
  return {story: [start, end], full: [lo - 30 * DAY, hi + 30 * DAY]};
}

function axisContent(event, entry) {
  const node = el("span", "axis-item", event.summary.length > 70 ? event.summary.slice(0, 67) + "…" : event.summary);
  node.tabIndex = -1;
  node.setAttribute("role", "button");
  node.setAttribute("aria-label", dateLabel(entry.date) + ": " + event.summary);
  node.dataset.event = event.id;
  return node;
}

function renderAxis() {
  const box = $("axis");
  const items = [];
  const seen = new Set();
  const key = new Set(view.keyEntries.flatMap((entry) => entry.events.map((event) => event.id)));
  for (const entry of view.allEntries) {
    const range = span(entry.date);
    if (!range) continue;
    for (const event of entry.events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      const item = {id: event.id, content: axisContent(event, entry), start: new Date(range[0]),
        className: "g-" + entry.granularity + (key.has(event.id) ? " key" : "")};
      if (entry.granularity !== "day") { item.end = new Date(range[1]); item.type = "range"; } else item.type = "box";
      items.push(item);
    }
  }
  $("axis-count").textContent = items.length + (items.length === 1 ? " event" : " events") + " on " +
    view.allEntries.length + " dates";
  busy(box, false);
  if (!items.length) {
    if (view.timeline) { view.timeline.destroy(); view.timeline = null; }
    box.replaceChildren(el("p", "muted pad", "No dated events match these filters."));
    return;
  }
  const windows = storyWindow(view.allEntries);
  view.storyWindow = windows.story;
  view.fullWindow = windows.full;
  if (view.timeline) {
    view.items.clear();
    view.items.add(items);
    view.timeline.setOptions({min: new Date(windows.full[0] - 365 * DAY), max: new Date(windows.full[1] + 365 * DAY)});
  } else {
    box.replaceChildren();
    view.items = new vis.DataSet(items);
    view.timeline = new vis.Timeline(box, view.items, {
      moment: (date) => moment(date).utc(),
      // The key dates' events stay visible; the rest of the record folds into counts where dense.
      cluster: {maxItems: 2, titleTemplate: "{count} more events: zoom in to see them", showStipes: true,
        clusterCriteria: (a, b) => !/\bkey\b/.test(a.className) && !/\bkey\b/.test(b.className)},
      stack: true, maxHeight: 340, minHeight: 240, zoomKey: "ctrlKey", zoomMin: 4 * DAY,
      min: new Date(windows.full[0] - 365 * DAY), max: new Date(windows.full[1] + 365 * DAY),
      start: new Date(windows.story[0]), end: new Date(windows.story[1]),
      orientation: {axis: "top", item: "top"}, showCurrentTime: false, margin: {item: {horizontal: 2, vertical: 4}},
      selectable: true, tooltip: {followMouse: false}, xss: {disabled: false},
    });
    view.timeline.on("select", (props) => {
      const id = props.items && props.items[0];
      if (id && view.events.has(id)) selectEvent(id);
    });
    // One tab stop for the whole axis: arrows walk its events, Enter opens one, + and - zoom.
    box.addEventListener("keydown", axisKey);
  }
  view.timeline.setWindow(new Date(windows.story[0]), new Date(windows.story[1]), {animation: false});
}

function axisKey(e) {
  const target = e.target.closest && e.target.closest(".axis-item");
  if (target && (e.key === "Enter" || e.key === " ")) {
    e.preventDefault();
    selectEvent(target.dataset.event);
    return;
  }
  if (e.key === "+" || e.key === "-") {
    e.preventDefault();
    zoom(e.key === "+" ? "in" : "out");
    return;
  }
  const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
  if (!step) return;
  e.preventDefault();
  const shown = $("axis").getBoundingClientRect();
  const items = [...$("axis").querySelectorAll(".axis-item")]
    .map((node) => ({node, box: node.getBoundingClientRect()}))
    .filter(({box}) => box.width > 0 && box.right > shown.left && box.left < shown.right)
    .sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top)
    .map(({node}) => node);
  if (!items.length) return;
  const at = items.indexOf(document.activeElement);
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next].focus();
}

function zoom(kind) {
  if (!view.timeline) return;
  if (kind === "in") view.timeline.zoomIn(0.5, {animation: false});
  else if (kind === "out") view.timeline.zoomOut(0.5, {animation: false});
  else {
    const range = kind === "story" ? view.storyWindow : view.fullWindow;
    if (range) view.timeline.setWindow(new Date(range[0]), new Date(range[1]), {animation: false});
  }
}

// ---------------------------------------------------------------- key dates

function renderEntries(reset) {
  const list = $("entries");
  if (reset) {
    list.replaceChildren();
    view.shownDates = 0;
  }
  busy(list, false);
  if (!view.keyEntries.length) {
    list.replaceChildren(el("li", "muted", "No dated events match these filters."));
    $("more-entries").hidden = true;
    return;
  }
  const next = view.keyEntries.slice(view.shownDates, view.shownDates + DATES_PER_PAGE);
  for (const entry of next) {
    const item = el("li", "entry");
    item.id = "d-" + entry.date;
    const head = el("h3", "date", dateLabel(entry.date));
    item.append(head);
    const events = el("ul", "events");
    for (const event of entry.events) {
      const row = el("li", "event");
      const open = button("summary", event.summary, () => selectEvent(event.id));
      open.dataset.event = event.id;
      row.append(open, el("div", "muted meta", sourcesLine(event.sources) +
        (event.actors.length ? " · " + event.actors.slice(0, 4).join(", ") : "")));
      events.append(row);
    }
    item.append(events);
    list.append(item);
  }
  view.shownDates += next.length;
  const more = $("more-entries");
  more.hidden = view.shownDates >= view.keyEntries.length;
  more.textContent = "More dates (" + view.shownDates + " of " + view.keyEntries.length + " shown)";
}

function indexEvents(entries) {
  for (const entry of entries) {
    for (const event of entry.events) {
      if (!view.events.has(event.id)) view.events.set(event.id, {event, entry});
      for (const article of event.sources) {
        if (!view.byArticle.has(article)) view.byArticle.set(article, []);
        view.byArticle.get(article).push({event, entry});
      }
    }
  }
}

// Articles the key dates leave out as far off the story most of the pile is about: said, so a
// reader knows the page is not every article's (the axis, the full record, keeps them all).
function renderSetAside(ids) {
  const note = $("set-aside");
  note.hidden = ids.length === 0;
  note.textContent = ids.length === 0 ? "" : counted(ids.length, "article") + (ids.length === 1 ? " looks" : " look") +
    " off the story most articles are about and " + (ids.length === 1 ? "is" : "are") +
    " left out of the key dates; the time axis shows every dated event.";
}

// A stance written as a verb after its speaker agrees with it: "nearly 50 countries condemn",
// "the United States condemns". The speaker is plural when its last word is a lowercase word in
// -s (not -ss, -us, -is: "the press", "the campus", "his") or an irregular plural; a capitalised
// last word is a name ("Reuters", "the Philippines"), and a name is one party.
const IRREGULAR_PLURALS = new Set(["people", "police", "children", "men", "women"]);
// Plural speakers that open a sentence, capitalised like a name ("Officials said ..."); the same
// list as chronicle.exports.common's.
const PLURAL_OPENERS = new Set(("officials experts doctors analysts activists residents witnesses sources " +
  "scientists authorities researchers investigators lawmakers protesters diplomats critics economists " +
  "prosecutors campaigners organisers organizers rebels villagers workers").split(" "));
const PLURAL_VERBS = {asserts: "assert", denies: "deny", condemns: "condemn"};

function speakerIsPlural(speaker) {
  const words = String(speaker || "").trim().split(/\s+/);
  const last = words[words.length - 1].replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (IRREGULAR_PLURALS.has(last) || PLURAL_OPENERS.has(last)) return true;
  if (words.length === 1 && PLURAL_OPENERS.has(last.toLowerCase())) return true;
  return /^\p{Ll}[\p{Ll}-]*s$/u.test(last) && !/(?:ss|us|is)$/.test(last);
}

function stanceVerb(speaker, stance) {
  // A stance not in the table is left as it is rather than guessed at.
  return speakerIsPlural(speaker) && PLURAL_VERBS[stance] ? PLURAL_VERBS[stance] : stance;
}

function renderDisagreements(disagreements, from) {
  const box = $("disagreements");
  const start = from || 0;
  if (!start) box.replaceChildren();
  else box.lastChild.remove();
  for (const d of disagreements.slice(start, start + DISAGREEMENTS_PER_PAGE)) {
    const item = el("div", "disagreement");
    item.append(el("strong", null, (d.kind === "denial" ? "Denial" : "Different figures") + ": " + d.topic));
    for (const side of d.sides) {
      const line = el("div", "side");
      const speaker = side.speaker || "unknown speaker";
      line.append(el("span", "who", speaker + " " + stanceVerb(speaker, side.stance) + ": "),
        document.createTextNode(side.text));
      const sources = el("div", "muted");
      for (const id of side.sources) {
        const article = view.articles.get(id) || {};
        sources.append(button("link", (article.source || "source") + (article.published ? ", " + dateLabel(article.published, true) : ""),
          (e) => openArticle(id, null, e.currentTarget)));
      }
      const linked = claimEvents({article: side.sources[0], date: side.date});
      for (const {event} of linked) sources.append(eventLink(event));
      line.append(sources);
      item.append(line);
    }
    box.append(item);
  }
  const shown = start + DISAGREEMENTS_PER_PAGE;
  if (shown < disagreements.length) {
    box.append(button("more", "More disagreements (" + shown + " of " + disagreements.length + ")",
      () => renderDisagreements(disagreements, shown)));
  }
  if (!box.children.length) box.append(el("p", "muted", "None found."));
}

async function loadTimeline() {
  const token = ++view.loadToken;
  busy($("entries"), true, "Loading the timeline…");
  busy($("axis"), true);
  setTimeout(() => {
    if (token === view.loadToken && $("entries").getAttribute("aria-busy") === "true") {
      busy($("entries"), true, "Still loading: the first look at a new or changed store computes its " +
        "timeline once (minutes for a few hundred articles); later visits are quick.");
    }
  }, 6000);
  // The key dates first (a small answer): the page is usable while the axis's full record loads.
  const failed = (error) => {
    $("entries").replaceChildren(el("li", "error", "Could not load the timeline: " + error.message));
    busy($("entries"), false);
    busy($("axis"), false);
  };
  // Both asked for at once; the record's large answer is parsed only once the key dates are shown.
  const allLoading = request("/v1/timeline?" + apiParams({all: "true", claims: "false"}));
  allLoading.catch(() => null);  // reported below, once the key dates are shown
  let key;
  try {
    key = await getJson("/v1/timeline?" + apiParams({claims: "false"}));
  } catch (error) {
    failed(error);
    return;
  }
  if (token !== view.loadToken) return;
  view.articles = new Map(key.articles.map((a) => [a.id, a]));
  view.events = new Map();
  view.byArticle = new Map();
  indexEvents(key.entries);
  view.keyEntries = key.entries;
  view.allEntries = key.entries;
  renderSetAside(key.set_aside || []);
  renderEntries(true);
  renderDisagreements(key.disagreements || []);
  let all = null;
  try {
    // A frame first: the key dates are painted before the large answer is parsed.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    [all] = await Promise.all([allLoading.then(readJson), loadAxisLibrary()]);
  } catch (error) {
    busy($("axis"), false);
    $("axis").replaceChildren(el("p", "error pad", "Could not load the time axis: " + error.message));
  }
  if (token !== view.loadToken) return;
  if (all) {
    for (const a of all.articles) if (!view.articles.has(a.id)) view.articles.set(a.id, a);
    indexEvents(all.entries);
    view.allEntries = all.entries;
    renderAxis();
  }
  if (state.event) {
    if (view.events.has(state.event)) selectEvent(state.event, {restoring: true});
    else $("detail").hidden = true;
  }
  await loadClaims(true);
}

// ---------------------------------------------------------------- entities

const TYPES = {PERSON: "person", ORG: "organisation", GPE: "country/city", LOC: "place", NORP: "group", FAC: "site"};

function setEntity(value) {
  state.entity = state.entity === value ? "" : value;
  state.event = "";
  writeUrl(true);
  refresh();
}

function entityName(value) {
  return view.entityNames.get(value) || value;
}

async function loadEntities(reset) {
  const list = $("entities");
  if (reset) {
    view.entityOffset = 0;
    busy(list, true, "Loading…");
  }
  const params = new URLSearchParams({limit: ENTITIES_PER_PAGE, offset: view.entityOffset});
  const q = $("entity-q").value.trim();
  if (q) params.set("q", q);
  const token = reset ? ++view.entityToken : view.entityToken;
  let page;
  try {
    page = await getJson("/v1/entities?" + params);
  } catch (error) {
    list.replaceChildren(el("li", "error", "Could not load names: " + error.message));
    busy(list, false);
    return;
  }
  if (token !== view.entityToken) return;
  if (reset) list.replaceChildren();
  busy(list, false);
  for (const entity of page.items) {
    view.entityNames.set(entity.id, entity.name);
    const item = el("li");
    const pick = button("entity", null, () => setEntity(entity.id));
    pick.dataset.entity = entity.id;
    pick.setAttribute("aria-pressed", state.entity === entity.id ? "true" : "false");
    pick.append(el("span", "name", entity.name), el("span", "type", TYPES[entity.type] || entity.type.toLowerCase()),
      el("span", "count", entity.articles.length));
    pick.title = entity.name + ": in " + entity.articles.length + " articles, " + entity.mentions + " mentions" +
      (entity.aliases.length ? " (also " + entity.aliases.slice(0, 4).join(", ") + ")" : "");
    pick.setAttribute("aria-label", entity.name + ", " + (TYPES[entity.type] || entity.type) + ", in " +
      entity.articles.length + " articles");
    item.append(pick);
    list.append(item);
  }
  if (!list.children.length) list.append(el("li", "muted", q ? "No name matches." : "No names found."));
  view.entityOffset += page.items.length;
  const more = $("more-entities");
  more.hidden = view.entityOffset >= page.total;
  more.textContent = "More names (" + view.entityOffset + " of " + page.total + ")";
  renderActive();
}

function renderActive() {
  const box = $("active");
  box.replaceChildren();
  const labels = {q: "search", since: "from", until: "to", entity: "about", stance: "claims that", speaker: "said by"};
  for (const key of ["q", "since", "until", "entity", "stance", "speaker"]) {
    if (!state[key]) continue;
    const value = key === "entity" ? entityName(state[key]) : state[key];
    box.append(button("chip filter", labels[key] + ": " + value + " ×", () => {
      state[key] = "";
      syncInputs();
      writeUrl(true);
      if (key === "stance" || key === "speaker") loadClaims(true);
      else refresh();
    }));
  }
  box.hidden = !box.children.length;
}

// ---------------------------------------------------------------- claims

function claimEvents(claim) {
  const same = (view.byArticle.get(claim.article) || []).filter(({entry}) => entry.date === claim.date);
  return same.slice(0, 1);
}

function eventLink(event) {
  const link = button("link event-link", "event: " + (event.summary.length > 50 ? event.summary.slice(0, 48) + "…" : event.summary),
    () => selectEvent(event.id));
  link.dataset.event = event.id;
  return link;
}

function claimCard(claim) {
  const item = el("li", "claim stance-" + claim.stance);
  const head = el("div", "claim-head");
  head.append(button("who link", claim.speaker || "unknown speaker", () => {
    state.speaker = claim.speaker || "";
    syncInputs();
    writeUrl(false);
    loadClaims(true);
  }));
  if (claim.via) head.append(el("span", "muted", ", via " + claim.via));
  head.append(el("span", "stance", claim.stance));
  item.append(head);
  item.append(el("q", "said", claim.text));
  const foot = el("div", "muted claim-foot");
  foot.append(el("span", null, claim.date ? "said " + dateLabel(claim.date, true) + (claim.said_when ? " (“" + claim.said_when + "”)" : "") : "undated"));
  if (claim.reported_by > 1) foot.append(el("span", "reported", "reported by " + claim.reported_by + " sources"));
  const links = foot;
  links.append(button("link", "read in " + (claim.outlet || "the article"), (e) => openArticle(claim.article,
    claim.content_spans && claim.content_spans.length
      ? {start: claim.content_spans[0][0], end: claim.content_spans[claim.content_spans.length - 1][1], time_expression: null}
      : null, e.currentTarget)));
  for (const {event} of claimEvents(claim)) links.append(eventLink(event));
  item.append(foot);
  return item;
}

async function loadClaims(reset) {
  const list = $("claims");
  if (reset) {
    view.claimOffset = 0;
    view.claimGroupsShown = new Set();
    busy(list, true, "Loading…");
  }
  const params = apiParams({limit: CLAIMS_PER_PAGE, offset: view.claimOffset, stance: state.stance, speaker: state.speaker});
  params.delete("query");
  if (state.q) params.set("q", state.q);
  const token = reset ? ++view.claimToken : view.claimToken;
  let page;
  try {
    page = await getJson("/v1/claims?" + params);
  } catch (error) {
    list.replaceChildren(el("li", "error", "Could not load claims: " + error.message));
    busy(list, false);
    return;
  }
  if (token !== view.claimToken) return;  // a newer filter is on its way
  if (reset) list.replaceChildren();
  busy(list, false);
  for (const claim of page.items) {
    // One statement carried by several outlets is one card.
    if (claim.group && view.claimGroupsShown.has(claim.group)) continue;
    if (claim.group) view.claimGroupsShown.add(claim.group);
    list.append(claimCard(claim));
  }
  view.claimOffset += page.items.length;
  view.claimTotal = page.total;
  if (!list.children.length) list.append(el("li", "muted", "No claims match."));
  $("claims-count").textContent = page.total + (page.total === 1 ? " claim" : " claims") +
    (state.stance || state.speaker ? " match" : "");
  const more = $("more-claims");
  more.hidden = view.claimOffset >= page.total;
  more.textContent = "More claims (" + view.claimOffset + " of " + page.total + ")";
  renderActive();
}

// ---------------------------------------------------------------- the story

async function loadStory() {
  try {
    const story = await getJson("/v1/story");
    // Articles that name no outlet (plain text, uploads) are counted apart, not as an outlet.
    const named = story.sources.filter((s) => s.name);
    const nameless = story.sources.filter((s) => !s.name).reduce((n, s) => n + s.articles, 0);
    const outlets = named.slice(0, 4).map((s) => s.name).join(", ") +
      (named.length > 4 ? " and " + (named.length - 4) + " more" : "");
    const parts = [counted(story.articles, "article")];
    if (named.length) parts.push(counted(named.length, "outlet") + " (" + outlets + ")");
    if (nameless) parts.push(named.length ? nameless + " with no outlet named" : "no outlet named");
    if (story.first && story.last) parts.push(dateLabel(story.first, true) + " – " + dateLabel(story.last, true));
    $("story").textContent = parts.join(" · ");
  } catch (error) {
    $("story").textContent = "Could not load the story: " + error.message;
  }
}

const FOUND_PER_PAGE = 5;

// The articles that hold the search's words (SQLite FTS5, best first), each with its passage:
// a search finds what no dated event carries too. The passage comes as [text, is_match] segments.
async function loadFound() {
  const box = $("found");
  if (!state.q) {
    box.hidden = true;
    return;
  }
  const token = ++view.foundToken;
  const params = new URLSearchParams({q: state.q, limit: FOUND_PER_PAGE});
  for (const key of ["since", "until"]) if (state[key]) params.set(key, state[key]);
  let page;
  try {
    page = await getJson("/v1/articles?" + params);
  } catch (error) {
    page = {items: [], total: 0, error: error.message};
  }
  if (token !== view.foundToken) return;
  const list = $("found-list");
  list.replaceChildren();
  for (const article of page.items) {
    const item = el("li");
    item.append(articleLine(article.id, article));
    const passage = el("span", "snippet");
    for (const [text, match] of article.snippet || []) passage.append(match ? el("mark", null, text) : document.createTextNode(text));
    item.append(passage, button("link", "read the article", (e) => openArticle(article.id, null, e.currentTarget)));
    list.append(item);
  }
  $("found-count").textContent = page.error ? "Could not search the articles: " + page.error
    : page.total ? page.total + (page.total === 1 ? " article holds" : " articles hold") + " these words" +
      (page.total > page.items.length ? "; the " + page.items.length + " closest:" : ":")
    : "No article holds these words.";
  box.hidden = false;
}

// The views again, under the filters of the URL; settles once the timeline, its claims and the
// search's articles are shown.
function refresh() {
  syncInputs();
  renderActive();
  document.querySelectorAll("#entities .entity").forEach((b) =>
    b.setAttribute("aria-pressed", b.dataset.entity === state.entity ? "true" : "false"));
  return Promise.all([loadTimeline(), loadFound()]);
}

// ---------------------------------------------------------------- adding articles

// The upload's API token lives in this tab's sessionStorage only: never in the URL or a cookie
// the page sets, and gone with the tab.
const TOKEN_KEY = "chronicle.token";
const upload = {running: false};

function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  } catch (e) {
    return "";  // storage refused (some private modes): the field still holds the token
  }
}

function keepToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // as above: nothing kept, nothing lost
  }
}

function authHeaders(token) {
  const headers = {Accept: "application/json"};
  if (token) headers.Authorization = "Bearer " + token;
  return headers;
}

function counted(n, one, many) {
  return n.toLocaleString("en") + " " + (n === 1 ? one : many || one + "s");
}

// In the units the API's documentation gives its limits in: 104857600 bytes is "100 MB".
function sizeInWords(bytes) {
  for (const [unit, size] of [["GB", 1024 ** 3], ["MB", 1024 ** 2], ["KB", 1024]]) {
    if (bytes >= size) {
      const value = bytes / size;
      return (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10) + " " + unit;
    }
  }
  return counted(bytes, "byte");
}

// A 413 names the limit it hit, in bytes or in files (docs/api.md); here it is said in words.
function limitMessage(detail, sent) {
  const text = typeof detail === "string" ? detail : "";
  const files = /more than (\d+) files/.exec(text);
  if (files) return "Too many files: this server takes at most " + counted(+files[1], "file") + " in one upload.";
  const bytes = /(\d+) bytes/.exec(text);
  if (!bytes) return "The upload is over a limit of this server" + (text ? ": " + text : ".");
  const limit = sizeInWords(+bytes[1]);
  if (/zip unpacks/.test(text)) return "The zip is too large unpacked: this server takes at most " + limit + " in one upload.";
  return "The upload is too large (" + sizeInWords(sent) + "): this server takes at most " + limit + " in one upload.";
}

function refusal(answer, token, sent) {
  const detail = answer.body && typeof answer.body.detail === "string" ? answer.body.detail : "";
  if (answer.status === 401) {
    return token ? "Wrong token: the server did not accept it. Check the server's API token and try again."
      : "Token needed: adding articles needs the server's API token.";
  }
  if (answer.status === 403) {
    return "Token needed, and this server has none: it takes uploads only when started with an API token " +
      "(CHRONICLE_API_TOKEN or --token-file).";
  }
  if (answer.status === 413) return limitMessage(detail, sent);
  return "The server refused the upload: " + (detail || "HTTP " + answer.status) + ".";
}

// XMLHttpRequest, not fetch: it tells how much of a large upload has been sent.
function postFiles(files, token, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append("files", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/v1/ingest");
    for (const [name, value] of Object.entries(authHeaders(token))) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      resolve({status: xhr.status, body});
    });
    xhr.addEventListener("error", () => reject(new Error("the connection ended before the server answered")));
    xhr.send(form);
  });
}

function uploadStatus(text) {
  $("upload-status").textContent = text;
}

function setUploading(on) {
  upload.running = on;
  // Marked, not disabled: a disabled button would drop the keyboard focus out of the dialog.
  $("upload-send").setAttribute("aria-disabled", on ? "true" : "false");
  $("upload-form").setAttribute("aria-busy", on ? "true" : "false");
  $("upload-open").textContent = on ? "Adding articles…" : "Add articles";
  const progress = $("upload-progress");
  progress.hidden = !on;
  if (on) progress.value = 0;
}

// The job's state until it is done or failed; a few failed polls in a row end the wait.
async function followJob(job, token) {
  const started = Date.now();
  let wait = 250;
  let failures = 0;
  const progress = $("upload-progress");
  while (job.status !== "done" && job.status !== "failed") {
    progress.removeAttribute("value");  // the job says no more than its state: an indeterminate bar
    const seconds = Math.round((Date.now() - started) / 1000);
    uploadStatus(job.status === "queued"
      ? "Uploaded " + counted(job.files, "file") + "; waiting for an earlier upload to finish…"
      : "Reading " + counted(job.files, "file") + "…" + (seconds >= 2 ? " (" + seconds + " s)" : ""));
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(2000, wait * 1.5);
    try {
      const response = await fetch("/v1/jobs/" + encodeURIComponent(job.id), {headers: authHeaders(token), cache: "no-store"});
      job = await readJson(response);
      failures = 0;
    } catch (error) {
      if (++failures >= 5) throw error;
    }
  }
  return job;
}

// What the job did with each file: counts, and every rejected file by the name it was uploaded
// under with the reason. File names are the user's (untrusted): text nodes only.
function showReport(report) {
  const list = (key) => (Array.isArray(report[key]) ? report[key] : []);
  const [added, updated, unchanged, copies, undated, rejected] =
    ["added", "updated", "unchanged", "copies", "undated", "rejections"].map(list);
  const parts = [counted(added.length, "article") + " added"];
  if (updated.length) parts.push(updated.length + " updated");
  parts.push(counted(copies.length, "copy", "copies"), rejected.length + " rejected");
  if (unchanged.length) parts.push(unchanged.length + " already stored");
  const notes = [parts.join(" · ") + "."];
  if (copies.length) notes.push("A copy repeats an article already read: it is kept, and never counts as another source.");
  if (undated.length) notes.push(counted(undated.length, "article") + " with no date: stored, but off the timeline.");
  $("upload-summary").replaceChildren(...notes.map((note) => el("span", "note", note)));
  const items = rejected.map((r) => {
    const item = el("li");
    item.append(el("span", "file", r.path || "a file"),
      document.createTextNode((r.line ? ", line " + r.line : "") + ": " + (r.reason || "not read")));
    return item;
  });
  $("upload-rejected").replaceChildren(...items);
  $("upload-rejected").hidden = !items.length;
  $("upload-result").hidden = false;
  return added.length + updated.length + copies.length;
}

async function submitUpload(e) {
  e.preventDefault();
  if (upload.running) return;
  const files = [...$("upload-files").files];
  const token = $("upload-token").value.trim();
  $("upload-error").textContent = "";
  $("upload-result").hidden = true;
  if (!files.length) {
    $("upload-error").textContent = "Choose one or more files first.";
    $("upload-files").focus();
    return;
  }
  if (token) keepToken(token);
  const sent = files.reduce((n, file) => n + file.size, 0);
  setUploading(true);
  uploadStatus("Uploading " + counted(files.length, "file") + " (" + sizeInWords(sent) + ")…");
  let job;
  try {
    const answer = await postFiles(files, token, (share) => { $("upload-progress").value = share; });
    if (answer.status !== 202) {
      setUploading(false);
      uploadStatus("");
      if (answer.status === 401 && token) keepToken("");
      $("upload-error").textContent = refusal(answer, token, sent);
      if (answer.status === 401) {
        $("upload-token").focus();
        $("upload-token").select();
      }
      return;
    }
    job = await followJob(answer.body, token);
  } catch (error) {
    setUploading(false);
    uploadStatus("");
    $("upload-error").textContent = "Could not upload: " + error.message + ". (An upload over the server's " +
      "size limit can also end this way.)";
    return;
  }
  setUploading(false);
  if (job.status === "failed") {
    uploadStatus("");
    $("upload-error").textContent = "The server could not read the upload: " + (job.error || "no reason given") + ".";
    return;
  }
  const stored = showReport(job.report || {});
  $("upload-files").value = "";  // the same files are not sent twice by a second click
  if (!stored) {
    uploadStatus("Done: nothing new to show.");
    return;
  }
  uploadStatus("Done. Updating the timeline, names and claims…");
  firstLines.clear();
  await Promise.all([loadStory(), loadEntities(true), refresh()]);
  uploadStatus("Done: the page shows the new articles.");
}

function openUpload(e) {
  const dialog = $("upload");
  if (!$("upload-token").value) $("upload-token").value = storedToken();
  dialog.returnFocusTo = e.currentTarget;
  if (!dialog.open) dialog.showModal();
  $("upload-files").focus();
}

function validDate(value) {
  return !value || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
}

document.addEventListener("DOMContentLoaded", () => {
  readUrl();
  syncInputs();
  // The server has set its cookie from ?token=: keep the secret out of the address bar and history.
  if (new URLSearchParams(location.search).has("token")) writeUrl(false);
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    for (const key of ["q", "since", "until"]) state[key] = $(key).value.trim();
    if (!validDate(state.since) || !validDate(state.until)) return;
    state.event = "";
    writeUrl(true);
    refresh();
  });
  $("reset").addEventListener("click", () => {
    for (const key of Object.keys(state)) state[key] = "";
    writeUrl(true);
    refresh();
  });
  $("claim-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    state.stance = $("stance").value;
    state.speaker = $("speaker").value.trim();
    writeUrl(false);
    loadClaims(true);
  });
  $("stance").addEventListener("change", () => $("claim-filters").requestSubmit());
  $("detail").addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const id = state.event;
    selectEvent("");
    const back = document.querySelector('#entries [data-event="' + CSS.escape(id) + '"]');
    if (back) back.focus();
  });
  $("more-entries").addEventListener("click", () => renderEntries(false));
  $("more-claims").addEventListener("click", () => loadClaims(false));
  $("more-entities").addEventListener("click", () => loadEntities(false));
  let typing = 0;
  $("entity-q").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => loadEntities(true), 250);
  });
  $("zoom-in").addEventListener("click", () => zoom("in"));
  $("zoom-out").addEventListener("click", () => zoom("out"));
  $("zoom-story").addEventListener("click", () => zoom("story"));
  $("zoom-all").addEventListener("click", () => zoom("all"));
  for (const id of ["article", "upload"]) {
    $(id).addEventListener("close", () => {
      const back = $(id).returnFocusTo;
      if (back && document.contains(back)) back.focus();
    });
  }
  $("upload-open").addEventListener("click", openUpload);
  $("upload-form").addEventListener("submit", submitUpload);
  window.addEventListener("popstate", () => {
    const before = FILTERS.map((k) => state[k]).join("\u0000");
    const claimsBefore = state.stance + "\u0000" + state.speaker;
    readUrl();
    syncInputs();
    if (FILTERS.map((k) => state[k]).join("\u0000") !== before) refresh();
    else {
      if (state.stance + "\u0000" + state.speaker !== claimsBefore) loadClaims(true);
      if (state.event) selectEvent(state.event, {restoring: true});
      else selectEvent("", {restoring: true});
    }
  });
  loadStory();
  loadEntities(true);
  refresh();
});
