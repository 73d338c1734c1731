/* Red Flags – the phone page. Plain script, no libraries, no requests beyond this server.
   Joins the room with a random id kept in this browser (never a name), shows the step the class
   answers now, sends the answer (changeable until the answers are shown), and keeps the link
   alive by itself: a heartbeat every few seconds and a watchdog that reconnects when nothing
   has been heard for a while (a dead link is not always closed). */
(function () {
  "use strict";

  var STRINGS = window.RF_STRINGS || {};
  var HEARTBEAT_MS = 5000;   // the server says how often ("hb"): less often in a big hall
  var WATCHDOG_MS = 15000;
  var ID_RE = /^[A-Za-z0-9_-]{16,64}$/;

  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } },
    del: function (k) { try { window.localStorage.removeItem(k); } catch (e) { /* private mode */ } }
  };

  var lang = pickLanguage();
  var phoneId = makeId();
  var room = codeFromAddress() || store.get("rf-room") || "";
  var ws = null;
  var lastHeard = 0;
  var retries = 0;
  var retryTimer = null;
  var state = null;
  var pending = {};        // step key -> {question: choice} not yet confirmed by the server
  var resend = false;      // after a (re)connect: send what is still pending
  var pickingTeam = false;
  var everStep = false;
  var stopped = false;
  var help = null;
  var built = "";          // the step key + language the questions were built for
  var openSheet = null;

  function $(id) { return document.getElementById(id); }

  function t(key, vars) {
    var table = STRINGS[lang] || STRINGS.en || {};
    var text = table[key];
    if (text === undefined) { text = (STRINGS.en || {})[key]; }
    if (text === undefined) { text = key; }
    if (vars) {
      text = text.replace(/\{(\w+)\}/g, function (all, name) {
        return vars[name] === undefined ? all : String(vars[name]);
      });
    }
    return text;
  }

  function pickLanguage() {
    var saved = store.get("rf-lang");
    if (saved === "en" || saved === "sv") { return saved; }
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || "").toLowerCase();
      if (code.indexOf("sv") === 0) { return "sv"; }
      if (code.indexOf("en") === 0) { return "en"; }
    }
    return "en";
  }

  function makeId() {
    var kept = store.get("rf-id");
    if (kept && ID_RE.test(kept)) { return kept; }
    var bytes = new Uint8Array(18);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) { bytes[i] = Math.floor(Math.random() * 256); }
    }
    var abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    var out = "";
    for (var j = 0; j < bytes.length; j++) { out += abc.charAt(bytes[j] & 63); }
    store.set("rf-id", out);
    return out;
  }

  function codeFromAddress() {
    var match = /[?&]r=([A-Za-z0-9]{1,10})/.exec(window.location.search || "");
    return match ? match[1].toUpperCase() : "";
  }

  function clean(code) { return String(code || "").replace(/[\s-]/g, "").toUpperCase(); }

  // --- the link ---------------------------------------------------------------------------

  function send(message) {
    if (ws && ws.readyState === 1) {
      try { ws.send(JSON.stringify(message)); return true; } catch (e) { return false; }
    }
    return false;
  }

  function connect() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (stopped || !room) { return; }
    var old = ws;
    ws = null;
    if (old) {
      old.onopen = old.onmessage = old.onclose = old.onerror = null;
      try { old.close(); } catch (e) { /* already gone */ }
    }
    var sock;
    try {
      sock = new WebSocket("ws://" + window.location.host + "/ws");
    } catch (e) {
      retry();
      return;
    }
    ws = sock;
    lastHeard = Date.now();
    showLink();
    sock.onopen = function () {
      lastHeard = Date.now();
      resend = true;
      sock.send(JSON.stringify({ t: "hello", room: room, id: phoneId }));
    };
    sock.onmessage = function (event) {
      if (sock !== ws) { return; }
      lastHeard = Date.now();
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message && typeof message === "object") { receive(message); }
    };
    sock.onclose = function () {
      if (sock !== ws) { return; }
      ws = null;
      showLink();
      retry();
    };
    sock.onerror = function () { /* onclose follows */ };
  }

  function retry() {
    if (stopped || !room || retryTimer) { return; }
    retries = Math.min(retries + 1, 5);
    var delay = Math.min(5000, 400 * Math.pow(2, retries - 1)) + Math.random() * 400;
    retryTimer = setTimeout(function () { retryTimer = null; connect(); }, delay);
  }

  var lastPing = 0;

  function heartbeat() {
    if (stopped || !room) { return; }
    var now = Date.now();
    if (ws && Date.now() - lastHeard > WATCHDOG_MS) {
      connect();  // nothing heard for too long: this link is dead even if it is not closed
      return;
    }
    if (ws && ws.readyState === 1) {
      if (now - lastPing >= HEARTBEAT_MS) {
        lastPing = now;
        send({ t: "ping" });
      }
    } else if (!ws && !retryTimer) {
      connect();
    }
  }

  function receive(message) {
    if (message.t === "pong") { return; }
    if (message.t === "error") {
      if (message.e === "room" || message.e === "full") {
        store.del("rf-room");
        room = "";
        state = null;
        stopLink();
        showLink();
        showJoin(message.e === "room" ? t("wrongRoom") : t("roomFull"));
      } else if (message.e === "id") {
        store.del("rf-id");
        phoneId = makeId();
      }
      return;
    }
    if (message.t !== "state") { return; }
    retries = 0;
    store.set("rf-room", room);
    if (typeof message.hb === "number" && message.hb >= 1 && message.hb <= 60) {
      HEARTBEAT_MS = message.hb * 1000;
      WATCHDOG_MS = HEARTBEAT_MS * 2.5 + 3000;
    }
    var old = state;
    state = message;
    if (message.step) { everStep = true; }
    settlePending(old);
    if (message.over) {
      stopped = true;
      stopLink();
    }
    showLink();
    render();
  }

  function settlePending(old) {
    var step = state.step;
    for (var key in pending) {
      if (!step || key !== step.key || state.revealed || state.e) { delete pending[key]; }
    }
    if (!step || !pending[step.key]) { resend = false; return; }
    var mine = state.mine || [];
    var waiting = pending[step.key];
    var left = 0;
    for (var q in waiting) {
      if (mine[q] === waiting[q]) { delete waiting[q]; } else { left++; }
    }
    if (!left) { delete pending[step.key]; }
    if (resend && left) {
      for (var q2 in waiting) { send({ t: "answer", step: step.key, q: Number(q2), c: waiting[q2] }); }
    }
    resend = false;
    void old;
  }

  function stopLink() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (ws) {
      var sock = ws;
      ws = null;
      sock.onopen = sock.onmessage = sock.onclose = sock.onerror = null;
      try { sock.close(); } catch (e) { /* already gone */ }
    }
  }

  // --- what is shown ----------------------------------------------------------------------

  var SECTIONS = ["join", "team", "wait", "step", "over"];

  function show(name) {
    for (var i = 0; i < SECTIONS.length; i++) {
      $(SECTIONS[i]).hidden = SECTIONS[i] !== name;
    }
  }

  function showLink() {
    var box = $("link");
    var mode;
    if (!room || stopped) { mode = ""; }
    else if (navigator.onLine === false) { mode = "offline"; }
    else if (ws && ws.readyState === 1 && state) { mode = "on"; }
    else { mode = "off"; }
    box.className = "link " + mode;
    $("link-text").textContent = mode === "on" ? t("linkOn") : mode === "offline" ? t("linkOffline") : mode === "off" ? t("linkOff") : "";
  }

  function showJoin(error) {
    show("join");
    var box = $("join-error");
    box.hidden = !error;
    box.textContent = error || "";
    var input = $("code");
    if (error) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  }

  function words() {
    document.documentElement.lang = lang;
    var marked = document.querySelectorAll("[data-t]");
    for (var i = 0; i < marked.length; i++) { marked[i].textContent = t(marked[i].getAttribute("data-t")); }
    var other = lang === "sv" ? "en" : "sv";
    var button = $("lang");
    button.textContent = (STRINGS[other] || {}).langName || other;
    button.setAttribute("lang", other);
    showLink();
    showHelp();
  }

  function render() {
    if (!room && !state) { showJoin($("join-error").textContent); return; }
    if (!state) {
      show("wait");
      $("wait-text").textContent = t("linkOff");
      $("wait-sub").textContent = "";
      return;
    }
    if (state.over) { show("over"); return; }
    var teams = state.teams || [];
    if (teams.length && (state.team === null || state.team === undefined || pickingTeam)) {
      renderTeams(teams);
      show("team");
      return;
    }
    if (!state.step) {
      show("wait");
      $("wait-text").textContent = everStep ? t("waitCard") : t("waitFirst");
      $("wait-sub").textContent = t("waitSub");
      built = "";
      return;
    }
    renderStep(state.step);
    show("step");
  }

  function renderTeams(teams) {
    var list = $("team-list");
    list.textContent = "";
    for (var i = 0; i < teams.length; i++) {
      var button = choiceButton(String.fromCharCode(65 + i), teams[i], state.team === i);
      button.setAttribute("data-team", String(i));
      list.appendChild(button);
    }
  }

  function choiceButton(badge, text, chosen) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "choice" + (chosen ? " chosen" : "");
    button.setAttribute("aria-pressed", chosen ? "true" : "false");
    var mark = document.createElement("span");
    mark.className = "badge";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = badge;
    var body = document.createElement("span");
    body.className = "text";
    body.textContent = text;
    var tick = document.createElement("span");
    tick.className = "tick";
    tick.textContent = chosen ? "✓ " + t("yourAnswer") : "";
    button.appendChild(mark);
    button.appendChild(body);
    button.appendChild(tick);
    return button;
  }

  function mineNow() {
    var step = state.step;
    var mine = (state.mine || []).slice();
    var waiting = pending[step.key] || {};
    for (var q in waiting) { mine[q] = waiting[q]; }
    return mine;
  }

  function questionTitle(step, question) {
    if (step.kind === "pulse") { return question.id ? t(question.id) : question.text; }
    if (step.kind === "option" && question.text) { return question.text; }
    return t("kind_" + step.kind);
  }

  function choiceText(step, question, index) {
    if (step.kind === "pulse") { return t(question.choices[index]); }
    return question.choices[index];
  }

  function choiceBadge(step, index) {
    if (step.kind === "pulse") { return ["+", "?", "−"][index] || String(index + 1); }
    return String(index + 1);
  }

  function renderStep(step) {
    var key = step.key + "|" + lang;
    if (built !== key) {
      built = key;
      if (step.kind === "pulse") {
        $("step-where").textContent = t(step.key === "pulse:after" ? "pulse_after" : "pulse_before");
      } else {
        $("step-where").textContent = step.number ? t("where", { n: step.number, of: step.of }) : "";
      }
      renderWhole(step.card);
      var box = $("questions");
      box.textContent = "";
      for (var q = 0; q < step.questions.length; q++) {
        var question = step.questions[q];
        var group = document.createElement("fieldset");
        group.className = "question" + (step.kind === "pulse" ? " pulse" : "");
        var legend = document.createElement("legend");
        legend.textContent = questionTitle(step, question);
        group.appendChild(legend);
        var list = document.createElement("div");
        list.className = "choices";
        for (var c = 0; c < question.choices.length; c++) {
          var label = choiceText(step, question, c);
          if (step.kind === "spot") { label = t("messageN", { n: c + 1 }) + ": " + label; }
          var button = choiceButton(choiceBadge(step, c), label, false);
          button.setAttribute("data-q", String(q));
          button.setAttribute("data-c", String(c));
          list.appendChild(button);
        }
        group.appendChild(list);
        box.appendChild(group);
      }
    }
    var mine = mineNow();
    var waiting = pending[step.key] || {};
    var buttons = $("questions").querySelectorAll("button.choice");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var chosen = mine[Number(b.getAttribute("data-q"))] === Number(b.getAttribute("data-c"));
      b.className = "choice" + (chosen ? " chosen" : "");
      b.setAttribute("aria-pressed", chosen ? "true" : "false");
      b.disabled = !!state.revealed;
      var q = b.getAttribute("data-q");
      b.lastChild.textContent = !chosen ? "" : waiting[q] !== undefined ? t("sending") : "✓ " + t("yourAnswer");
    }
    var status;
    var answered = 0;
    for (var k = 0; k < step.questions.length; k++) { if (mine[k] !== null && mine[k] !== undefined) { answered++; } }
    if (state.revealed) { status = t("closed"); }
    else if (pending[step.key]) { status = t("sending"); }
    else if (answered) { status = t("saved"); }
    else { status = t("tapAnswer"); }
    $("step-status").textContent = status;
    var teams = state.teams || [];
    var note = $("team-note");
    note.hidden = !(teams.length && state.team !== null && state.team !== undefined);
    if (!note.hidden) { $("team-name").textContent = t("yourTeam", { team: teams[state.team] }); }
  }

  function renderWhole(card) {
    var details = $("whole");
    var body = $("whole-body");
    body.textContent = "";
    details.hidden = !card;
    if (!card) { return; }
    var setup = document.createElement("p");
    setup.className = "setup";
    setup.textContent = card.setup;
    body.appendChild(setup);
    var chat = document.createElement("ol");
    chat.className = "chat";
    for (var i = 0; i < (card.chat || []).length; i++) {
      var m = card.chat[i];
      var item = document.createElement("li");
      item.className = "bubble " + (m.from === "you" ? "you" : m.from === "note" ? "note" : "them");
      if (m.name && m.from === "them") {
        var who = document.createElement("span");
        who.className = "who";
        who.textContent = m.name;
        item.appendChild(who);
      }
      var text = document.createElement("span");
      text.textContent = m.text;
      item.appendChild(text);
      chat.appendChild(item);
    }
    body.appendChild(chat);
    var ask = document.createElement("p");
    ask.className = "ask";
    ask.textContent = card.question;
    body.appendChild(ask);
  }

  // --- help and the content note ------------------------------------------------------------

  function loadHelp() {
    var kept = store.get("rf-help");
    if (kept) { try { help = JSON.parse(kept); } catch (e) { help = null; } }
    showHelp();
    if (!window.fetch) { return; }
    window.fetch("help.json", { cache: "no-store", credentials: "omit" }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (data) {
      if (data && typeof data === "object") {
        help = data;
        store.set("rf-help", JSON.stringify(data));
        showHelp();
      }
    }).catch(function () { /* offline: the kept list stays */ });
  }

  function about(service) {
    var a = service.about || {};
    return a[lang] || a.en || "";
  }

  function showHelp() {
    var emergency = help && help.emergency;
    $("help-emergency").textContent = emergency ? t("emergency", { number: emergency }) : t("emergencyNone");
    var list = $("help-list");
    list.textContent = "";
    var services = (help && help.services) || [];
    for (var i = 0; i < services.length; i++) {
      var item = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = services[i].name || "";
      var contact = document.createElement("span");
      contact.className = "contact";
      contact.textContent = services[i].contact || "";
      var text = document.createElement("span");
      text.className = "about";
      text.textContent = about(services[i]);
      item.appendChild(name);
      item.appendChild(contact);
      item.appendChild(text);
      list.appendChild(item);
    }
  }

  function openPanel(id, opener) {
    closePanel();
    openSheet = { sheet: $(id), opener: opener };
    openSheet.sheet.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    document.body.classList.add("sheet-open");
    var title = openSheet.sheet.querySelector("h2");
    title.focus();
    openSheet.sheet.scrollTop = 0;
  }

  function closePanel() {
    if (!openSheet) { return; }
    openSheet.sheet.hidden = true;
    openSheet.opener.setAttribute("aria-expanded", "false");
    document.body.classList.remove("sheet-open");
    openSheet.opener.focus();
    openSheet = null;
  }

  // --- input ----------------------------------------------------------------------------------

  function choose(q, c) {
    if (!state || !state.step || state.revealed) { return; }
    var key = state.step.key;
    if (mineNow()[q] === c) { return; }
    pending[key] = pending[key] || {};
    pending[key][q] = c;
    send({ t: "answer", step: key, q: q, c: c });
    render();
  }

  function start() {
    words();
    loadHelp();
    $("lang").addEventListener("click", function () {
      lang = lang === "sv" ? "en" : "sv";
      store.set("rf-lang", lang);
      built = "";
      words();
      render();
    });
    $("join-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var code = clean($("code").value);
      if (!/^[A-Z0-9]{5}$/.test(code)) { showJoin(t("wrongRoom")); return; }
      room = code;
      stopped = false;
      state = null;
      showJoin("");
      render();
      connect();
    });
    $("questions").addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.choice") : null;
      if (!button || button.disabled) { return; }
      choose(Number(button.getAttribute("data-q")), Number(button.getAttribute("data-c")));
    });
    $("team-list").addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.choice") : null;
      if (!button) { return; }
      pickingTeam = false;
      send({ t: "team", team: Number(button.getAttribute("data-team")) });
    });
    $("team-change").addEventListener("click", function () { pickingTeam = true; render(); });
    $("help-open").addEventListener("click", function () { openPanel("help", $("help-open")); });
    $("note-open").addEventListener("click", function () { openPanel("note", $("note-open")); });
    var closers = document.querySelectorAll(".sheet .close");
    for (var i = 0; i < closers.length; i++) { closers[i].addEventListener("click", closePanel); }
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") { closePanel(); } });
    window.addEventListener("online", function () { showLink(); if (!stopped) { connect(); } });
    window.addEventListener("offline", showLink);
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && !stopped && room && (!ws || Date.now() - lastHeard > HEARTBEAT_MS * 2)) { connect(); }
    });
    setInterval(heartbeat, 1000);
    if (room) { $("code").value = room; }
    render();
    connect();
  }

  start();
}());
