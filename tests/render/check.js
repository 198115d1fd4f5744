// Renders the cards listed in the data file (?data=URL) with the Adaptive Cards renderer, as
// Webex would, and writes every layout problem found into <pre id="results"> as JSON.
"use strict";

const SCOPE_NAME = /(?<![\w\/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/g; // not in a path
const MARKDOWN_LEFT = [
  [/\*\*/, "literal ** in rendered text"],
  [/`/, "literal backtick in rendered text"],
  [/\[[^\]]+\]\([^)]+\)/, "literal [text](link) in rendered text"],
  [/(^|\n)\s*[-*] /, "literal '- ' list start in rendered text"],
];
const SLACK = 1; // px of rounding tolerated before a box counts as overflowing

function setUpRenderer() {
  const md = window.markdownit({ html: false, linkify: false, breaks: false });
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };
}

function parseCard(payload, hostConfig) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_3);
  card.parse(payload, context);
  const warnings = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push("parse: " + context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) warnings.push("validation: " + e.message);
  return { card, warnings };
}

function snippet(text) {
  text = text.replace(/\s+/g, " ").trim();
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

function lineTops(rects) {
  return new Set(Array.from(rects).filter(r => r.width > 0).map(r => Math.round(r.top)));
}

function clipBox(node, root) {
  // The nearest box that clips `node`: an ancestor with overflow other than visible, or the card.
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (getComputedStyle(el).overflowX !== "visible") return el.getBoundingClientRect();
  }
  return root.getBoundingClientRect();
}

function contentWidth(root) {
  // The width of a full line of the card: a name wider than this cannot help but wrap.
  const card = root.querySelector(".ac-adaptiveCard") || root;
  const style = getComputedStyle(card);
  return card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

function textProblems(root) {
  const problems = [];
  const lineWidth = contentWidth(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest(".ac-pushButton")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = clipBox(node, root);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.right > box.right + SLACK || r.left < box.left - SLACK)) {
        problems.push("clipped text: " + snippet(node.textContent));
        break;
      }
    }
    for (const m of node.textContent.matchAll(SCOPE_NAME)) {
      const word = document.createRange();
      word.setStart(node, m.index);
      word.setEnd(node, m.index + m[0].length);
      const rects = Array.from(word.getClientRects());
      const wide = rects.reduce((sum, r) => sum + r.width, 0);
      if (lineTops(rects).size > 1 && wide <= lineWidth) problems.push("scope name split across lines: " + m[0]);
    }
  }
  for (const el of root.querySelectorAll(".ac-textBlock")) {
    if (el.scrollHeight > el.clientHeight + SLACK) problems.push("text cut off: " + snippet(el.innerText));
    if (el.querySelector("ul, ol")) problems.push("markdown list in a TextBlock: " + snippet(el.innerText));
  }
  for (const el of root.querySelectorAll(".ac-textBlock, .ac-factset td")) {
    for (const [pattern, what] of MARKDOWN_LEFT) {
      if (pattern.test(el.innerText)) problems.push(what + ": " + snippet(el.innerText));
    }
  }
  return problems;
}

function buttonProblems(root) {
  const problems = [];
  for (const button of root.querySelectorAll(".ac-pushButton, .ac-pushButton-disabled")) {
    const title = button.querySelector("div") || button;
    if (title.scrollWidth > title.clientWidth + SLACK) problems.push("ellipsised button: " + title.innerText);
  }
  return problems;
}

function showCards(payload, name) {
  // Every Action.ShowCard's card, rendered on its own as it opens inline under the buttons.
  const found = [];
  const visit = (actions, where) => {
    for (const a of actions || []) {
      if (a.type !== "Action.ShowCard" || !a.card) continue;
      const sub = Object.assign({ type: "AdaptiveCard", version: "1.3" }, a.card);
      found.push({ name: where + " > " + a.title, card: sub });
      visit(sub.actions, where + " > " + a.title);
    }
  };
  visit(payload.actions, name);
  return found;
}

function renderOne(item, width, hostConfig, host) {
  const frame = document.createElement("div");
  frame.className = "frame";
  frame.style.width = width + "px";
  frame.dataset.name = item.name;
  host.appendChild(frame);
  const { card, warnings } = parseCard(item.card, hostConfig);
  const rendered = card.render();
  frame.appendChild(rendered);
  const problems = warnings.concat(buttonProblems(frame), textProblems(frame));
  return { name: item.name, width, height: Math.ceil(frame.getBoundingClientRect().height), problems };
}

function run(data) {
  setUpRenderer();
  const host = document.getElementById("cards");
  const results = [];
  const items = data.cards.flatMap(c => data.expand ? [c].concat(showCards(c.card, c.name)) : [c]);
  for (const width of data.widths) {
    for (const item of items) {
      try {
        results.push(renderOne(item, width, data.hostConfig, host));
      } catch (err) {
        results.push({ name: item.name, width, height: 0, problems: ["renderer error: " + err] });
      }
    }
  }
  const out = document.getElementById("results");
  out.textContent = JSON.stringify(results);
  out.dataset.done = "yes";
}

(function main() {
  const src = new URLSearchParams(location.search).get("data");
  const script = document.createElement("script");
  script.src = src;
  script.onload = () => run(window.RENDER_DATA);
  script.onerror = () => { document.getElementById("results").textContent = JSON.stringify({ error: "no data " + src }); };
  document.body.appendChild(script);
})();
