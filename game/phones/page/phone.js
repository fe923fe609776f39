// The phone page: join a seat, choose 1-5 (or skip) in secret, see the outcome for yourself.
// Only a per-seat secret is kept, in sessionStorage (gone when the tab closes), and removed at the end.
"use strict";
const token = location.pathname.split("/")[2] || "";
const KEY = "werkalliantie-seat-" + token.slice(0, 8);
const $ = (id) => document.getElementById(id);
let words = {};
let ws = null;
let ended = false;
let tries = 0;

function w(key, values) {
  let text = words[key] || "";
  for (const [k, v] of Object.entries(values || {})) text = text.replace("{" + k + "}", String(v));
  return text;
}

function clear() {
  for (const id of ["feature", "title", "question", "status", "sub"]) $(id).textContent = "";
  $("buttons").replaceChildren();
  $("buttons").className = "buttons";
}

function button(text, onClick, extra) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (extra) b.className = extra;
  b.addEventListener("click", onClick);
  $("buttons").appendChild(b);
  return b;
}

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function seats(list, message) {
  clear();
  $("title").textContent = w("phone_pick_seat");
  for (const seat of list) {
    const b = button(seat.name, () => send({ t: "join", seat: seat.id }), "wide");
    b.dataset.seat = seat.id;
    b.disabled = seat.taken;
  }
  $("status").textContent = message || "";
}

function view(v) {
  clear();
  $("who").textContent = w("phone_you_are", { name: v.name });
  if (v.feature) $("feature").textContent = v.feature;
  if (v.prompt) $("title").textContent = v.prompt;
  if (v.question) $("question").textContent = "\u201c" + v.question + "\u201d";
  if (v.phase === "done") {
    $("title").textContent = w("phone_done");
    sessionStorage.removeItem(KEY);
    ended = true;
    return;
  }
  if (v.phase === "estimate" && !v.locked) {
    for (let n = 1; n <= 5; n++) {
      const b = button("", () => send({ t: "choose", value: n }), v.mine === n ? "on" : "");
      b.dataset.value = String(n);
      const number = document.createElement("span");
      number.className = "number";
      number.textContent = String(n);
      b.appendChild(number);
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = (v.scale || [])[n - 1] || "";
      b.appendChild(label);
    }
    const skip = button(w("phone_pass"), () => send({ t: "choose", value: null }),
      "wide" + (v.chosen && v.mine === null ? " on" : ""));
    skip.dataset.value = "pass";
  }
  if (v.phase === "estimate") {
    if (!v.chosen) {
      $("status").textContent = w(v.locked ? "phone_removed_sub" : "phone_choose");  // locked: the laptop took over
    } else {
      $("status").textContent = w("phone_wait", { other: v.other });
      const mine = v.mine === null ? w("phone_passed") : w(v.locked ? "phone_reveal" : "phone_chosen", { value: v.mine });
      const left = v.others_waiting && !v.other ? " " + w("phone_wait_n", { n: v.others_waiting }) : "";
      $("sub").textContent = mine + left;
    }
  } else if (v.mine !== undefined) {
    $("status").textContent = v.mine === null ? w("phone_passed") : w("phone_reveal", { value: v.mine });
    const lines = [];
    if (v.low !== undefined) lines.push(w("phone_range", { low: v.low, high: v.high }));
    if (v.theirs !== undefined) {
      lines.push(v.theirs === null ? w("phone_other_passed", { other: v.other })
        : w("phone_other", { other: v.other, value: v.theirs }));
    }
    if (v.case_view !== undefined && v.case_view !== null) lines.push(w("phone_client", { value: v.case_view }));
    lines.push(w("phone_talk", { other: v.other }));
    $("sub").textContent = lines.join(" ");
  } else {
    $("status").textContent = w("phone_look_up");
  }
}

function receive(event) {
  let m;
  try { m = JSON.parse(event.data); } catch (e) { return; }
  if (m.t === "seats") {
    words = m.words || words;
    const secret = sessionStorage.getItem(KEY);
    if (secret) send({ t: "hello", secret: secret });
    else seats(m.seats);
  } else if (m.t === "error" && m.seats) {
    if (m.why === "unknown") sessionStorage.removeItem(KEY);
    seats(m.seats, m.why === "taken" || m.why === "locked" ? w("phone_" + m.why) : "");
  } else if (m.t === "joined") {
    if (m.secret) sessionStorage.setItem(KEY, m.secret);
    tries = 0;
    clear();
    $("status").textContent = w("phone_look_up");
  } else if (m.t === "view") {
    view(m);
  } else if (m.t === "removed") {
    ended = true;
    sessionStorage.removeItem(KEY);
    clear();
    $("title").textContent = w("phone_removed");
    $("status").textContent = w("phone_removed_sub");
  } else if (m.t === "closed") {
    ended = true;
    sessionStorage.removeItem(KEY);
    clear();
    $("title").textContent = w("phone_closed");
  }
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  ws = new WebSocket(scheme + location.host + "/ws/" + token);
  ws.addEventListener("message", receive);
  ws.addEventListener("close", (event) => {
    if (ended || event.code === 4000) return;
    if (words.phone_lost) $("status").textContent = w("phone_lost");
    tries += 1;
    if (tries < 40) setTimeout(connect, Math.min(5000, 500 * tries));
  });
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && !ended && (!ws || ws.readyState === WebSocket.CLOSED)) connect();
});
connect();
