// The playground page: sends a question to POST /playground/ask (a card's button to
// POST /playground/action) and shows the reply as Webex would: the card drawn by the Adaptive Cards
// renderer with Webex's host config, its Markdown fallback, and the `ask --json` row.
// What anyone typed reaches the page only as text (textContent), never as HTML.
"use strict";

const page = document.body.dataset;
const form = document.getElementById("ask");
const question = document.getElementById("question");
const askButton = form.querySelector("button[type=submit]");
const statusLine = document.getElementById("status");
const conversation = document.getElementById("conversation");
const answered = new Set(page.answered.split(" ")); // the buttons the playground answers
let hostConfig = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(message, isError) {
  statusLine.textContent = message;
  statusLine.classList.toggle("error", Boolean(isError));
}

async function post(url, payload) {
  const response = await fetch(url, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error((data && data.error) || response.status + " " + response.statusText);
  return data;
}

function execute(action) {
  // Action.ShowCard opens inside the renderer; Action.Submit asks the app; Action.OpenUrl opens a tab.
  if (action instanceof AdaptiveCards.SubmitAction) {
    exchange({ pressed: action.title, data: action.data }, () => post(page.actionUrl, { data: action.data }));
  } else if (action instanceof AdaptiveCards.OpenUrlAction && /^https?:\/\//i.test(action.url)) {
    window.open(action.url, "_blank", "noopener");
  }
}

function everyAction(card) {
  // The card's buttons, those inside its Action.ShowCard cards too (getAllActions stops at them).
  return card.getAllActions().flatMap(
    (action) => action instanceof AdaptiveCards.ShowCardAction ? [action, ...everyAction(action.card)] : [action]);
}

function renderCard(payload) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.parse(payload, new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_3));
  for (const action of everyAction(card)) {
    if (action instanceof AdaptiveCards.SubmitAction && !answered.has(action.data && action.data.action)) {
      action.isEnabled = false; // a vote counts once per Webex person and card: Webex only
      action.tooltip = "Votes count in Webex only";
    }
  }
  card.onExecuteAction = execute;
  const frame = el("div", "frame");
  frame.appendChild(card.render());
  return frame;
}

function panel(title, kind, text) {
  const box = el("section", "panel " + kind);
  box.append(el("h2", "", title), el("pre", "", text));
  return box;
}

function replyView(reply, asked) {
  const view = el("div", "reply");
  view.appendChild(reply.card ? renderCard(reply.card) : el("div", "frame text-only", reply.markdown));
  const panels = el("div", "panels");
  panels.appendChild(panel("Markdown fallback", "markdown", reply.markdown));
  panels.appendChild(reply.json
    ? panel("python -m bot ask --json", "json", JSON.stringify(reply.json, null, 2))
    : panel("What the button submitted", "data", JSON.stringify(asked.data, null, 2)));
  view.appendChild(panels);
  return view;
}

async function exchange(asked, send) {
  // One question or button press and its reply, newest first.
  const section = el("article", "exchange");
  const said = el("p", "asked");
  if (asked.question !== undefined) said.append("You asked: ", el("q", "", asked.question));
  else said.append("You pressed ", el("b", "", asked.pressed));
  section.appendChild(said);
  conversation.prepend(section);
  section.dataset.state = "waiting";
  try {
    section.appendChild(replyView(await send(), asked));
    section.dataset.state = "done";
    return true;
  } catch (error) {
    section.appendChild(el("p", "error", error.message));
    section.dataset.state = "error";
    return false;
  }
}

async function ask(event) {
  event.preventDefault();
  const text = question.value.trim();
  if (!text) {
    say("Type a question first.", true);
    return;
  }
  say("");
  askButton.disabled = true;
  if (await exchange({ question: text }, () => post(page.askUrl, { question: text }))) question.value = "";
  askButton.disabled = false;
  question.focus();
}

function wire() {
  form.addEventListener("submit", ask);
  question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  for (const example of form.querySelectorAll(".example")) {
    example.addEventListener("click", () => {
      question.value = example.textContent;
      form.requestSubmit();
    });
  }
  document.getElementById("width").addEventListener("change", (event) => {
    conversation.style.setProperty("--card-width", event.target.value + "px");
  });
}

async function start() {
  const md = window.markdownit({ html: false, linkify: false, breaks: false });
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };
  const response = await fetch(page.hostconfigUrl);
  hostConfig = new AdaptiveCards.HostConfig(await response.json());
  wire();
  askButton.disabled = false;
  say("");
  document.body.dataset.ready = "yes";
  const asked = new URLSearchParams(location.search).get("q"); // /?q=... asks on load
  if (asked) {
    question.value = asked;
    form.requestSubmit();
  }
}

start().catch((error) => say("The playground could not start: " + error.message, true));
