// chronicle's web page. Article text is untrusted: every piece of it goes into the page
// through textContent, so it is never parsed as markup.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

// The sentence with the time expression marked, built from text nodes only.
function highlighted(sentence, expression) {
  const block = el("blockquote");
  const at = expression ? sentence.indexOf(expression) : -1;
  if (at < 0) {
    block.textContent = sentence;
    return block;
  }
  block.append(document.createTextNode(sentence.slice(0, at)), el("mark", null, expression),
    document.createTextNode(sentence.slice(at + expression.length)));
  return block;
}

async function showArticle(id) {
  const response = await fetch("/api/articles/" + encodeURIComponent(id));
  if (!response.ok) return;
  const article = await response.json();
  const box = $("article").querySelector("article");
  box.replaceChildren(el("h3", null, article.title || article.id),
    el("p", "muted", [article.source, article.published].filter(Boolean).join(" · ")),
    el("div", null, article.text));
  $("article").showModal();
}

function sourceChip(id, articles) {
  const article = articles.get(id);
  const chip = el("button", "chip source", article && article.source ? article.source : id);
  chip.title = id;
  chip.type = "button";
  chip.addEventListener("click", (e) => { e.stopPropagation(); showArticle(id); });
  return chip;
}

function renderTimeline(data) {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const box = $("timeline");
  box.replaceChildren();
  if (!data.entries.length) box.append(el("p", "muted", "No dated events match."));
  const axis = $("axis");
  axis.replaceChildren();
  const most = Math.max(1, ...data.entries.map((e) => e.events.reduce((n, ev) => n + ev.sources.length, 0)));
  for (const entry of data.entries) {
    const section = el("section", "entry");
    section.id = "d-" + entry.date;
    section.append(el("div", "date", entry.date));
    for (const event of entry.events) {
      const item = el("div", "event");
      item.dataset.id = event.id;
      item.append(el("span", "summary", event.summary));
      const chips = el("div", "chips");
      for (const actor of event.actors) chips.append(el("span", "chip actor", actor));
      for (const source of event.sources) chips.append(sourceChip(source, articles));
      item.append(chips);
      const evidence = el("div", "evidence");
      for (const ev of event.evidence) {
        evidence.append(highlighted(ev.sentence, ev.time_expression));
        evidence.append(el("div", "muted", ev.article + (ev.time_expression ? " · “" + ev.time_expression + "”" : "")));
      }
      item.append(evidence);
      item.addEventListener("click", () => item.classList.toggle("open"));
      section.append(item);
    }
    box.append(section);
    const weight = entry.events.reduce((n, ev) => n + ev.sources.length, 0);
    const bar = el("button");
    bar.type = "button";
    bar.title = entry.date + ": " + entry.events.length + " event(s)";
    bar.style.height = Math.round(8 + 32 * weight / most) + "px";
    bar.addEventListener("click", () => {
      section.scrollIntoView({behavior: "smooth", block: "start"});
      document.querySelectorAll(".entry.highlight").forEach((n) => n.classList.remove("highlight"));
      section.classList.add("highlight");
    });
    axis.append(bar);
  }
  renderClaims(data.claims, articles);
  renderDisagreements(data.disagreements || [], articles);
}

let allClaims = [];
let claimArticles = new Map();

function renderClaims(claims, articles) {
  allClaims = claims;
  claimArticles = articles;
  const shown = new Set([...document.querySelectorAll(".stances input:checked")].map((i) => i.value));
  const box = $("claims");
  box.replaceChildren();
  for (const claim of claims.filter((c) => shown.has(c.stance))) {
    const item = el("div", "claim stance-" + claim.stance);
    item.append(el("span", "who", claim.speaker || "unknown speaker"), document.createTextNode(" "),
      el("span", "muted", (claim.cue || claim.stance) + " · " + (claim.date || "")),
      el("div", null, claim.text), sourceChip(claim.article, articles));
    box.append(item);
  }
  if (!box.children.length) box.append(el("p", "muted", "No claims."));
}

function renderDisagreements(disagreements, articles) {
  const box = $("disagreements");
  box.replaceChildren();
  for (const d of disagreements) {
    const item = el("div", "disagreement");
    item.append(el("strong", null, (d.kind === "denial" ? "Denial" : "Different figures") + ": " + d.topic));
    for (const side of d.sides) {
      const line = el("div");
      line.append(el("span", "who", (side.speaker || "unknown") + " " + side.stance + ": "),
        document.createTextNode(side.text + " "));
      for (const s of side.sources) line.append(sourceChip(s, articles));
      item.append(line);
    }
    box.append(item);
  }
  if (!box.children.length) box.append(el("p", "muted", "None found."));
}

async function load() {
  const params = new URLSearchParams();
  for (const name of ["query", "since", "until", "dates"]) {
    const value = $(name).value.trim();
    if (value) params.set(name, value);
  }
  const response = await fetch("/api/timeline?" + params.toString());
  if (!response.ok) {
    $("timeline").replaceChildren(el("p", "muted", "Could not load the timeline (" + response.status + ")."));
    return;
  }
  renderTimeline(await response.json());
}

document.addEventListener("DOMContentLoaded", () => {
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  document.querySelectorAll(".stances input").forEach((i) =>
    i.addEventListener("change", () => renderClaims(allClaims, claimArticles)));
  load();
});
