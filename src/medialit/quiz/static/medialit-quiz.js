/* medialit-quiz.js: self-check quizzes in the published medialit book.
 *
 * Finds every .medialit-quiz container (rendered by medialit.quiz.static) on
 * DOMContentLoaded and wires it: Check, Hint, Try again, feedback announced in an
 * aria-live region, answers kept in localStorage. No kernel, no network, no
 * dependencies. Text from a bank or typed by a student is inserted with
 * textContent, never as HTML. The answer key in data-key is encoded (not
 * encrypted): these are self-checks, not secure exams.
 * Exam mode (data-mode="exam"): Check becomes "Save answer" (no correctness shown),
 * and a "Submit answers" button saves everything, locks the answers and shows the
 * feedback; the submission is remembered in localStorage.
 * Grading rules mirror medialit/quiz/grading.py.
 * Licence: MIT (medialit).
 */
(function () {
  "use strict";

  var STORE_PREFIX = "medialit-quiz:v1:";
  var SUBMITTED = "__submitted__";
  var EXAM_SAVED = "Answer saved. Your results appear after you press Submit at the end of the quiz.";
  var MAX_EXTRA_WORDS = 3;

  function decodeKey(encoded, bankId) {
    var bin = atob(encoded);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(bin.length - 1 - i);
    var mask = new TextEncoder().encode("medialit:" + bankId);
    for (var j = 0; j < bytes.length; j++) bytes[j] ^= mask[j % mask.length];
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  /* ---- the safe Markdown subset, built as DOM nodes (never innerHTML) ---- */
  var INLINE = /`([^`\n]+)`|\*\*(\S(?:.*?\S)?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(?<![\w*])\*(\S(?:[^*\n]*?\S)?)\*(?![\w*])|(?<!\w)_(\S(?:[^_\n]*?\S)?)_(?!\w)/g;

  function safeUrl(url) {
    return /^(https?|mailto):/i.test(url) || url.indexOf(":") === -1;
  }

  function appendInline(parent, text) {
    var last = 0;
    var re = new RegExp(INLINE.source, "g");
    var m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var el;
      if (m[1] !== undefined) {
        el = document.createElement("code");
        el.textContent = m[1];
      } else if (m[2] !== undefined) {
        el = document.createElement("strong");
        appendInline(el, m[2]);
      } else if (m[3] !== undefined) {
        if (safeUrl(m[4])) {
          el = document.createElement("a");
          el.setAttribute("href", m[4]);
          appendInline(el, m[3]);
        } else {
          el = document.createTextNode(m[0]);
        }
      } else {
        el = document.createElement("em");
        appendInline(el, m[5] !== undefined ? m[5] : m[6]);
      }
      parent.appendChild(el);
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function appendMarkdown(parent, text) {
    String(text || "").trim().split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
      if (!lines.length) return;
      if (lines.every(function (l) { return /^[-*] /.test(l); })) {
        var ul = document.createElement("ul");
        lines.forEach(function (l) {
          var li = document.createElement("li");
          appendInline(li, l.slice(2).trim());
          ul.appendChild(li);
        });
        parent.appendChild(ul);
      } else {
        var p = document.createElement("p");
        appendInline(p, lines.join(" "));
        parent.appendChild(p);
      }
    });
  }

  /* ---- storage (never fatal: private windows or file:// may refuse) ---- */
  function load(bank, qid) {
    try {
      var raw = window.localStorage.getItem(STORE_PREFIX + bank + ":" + qid);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function save(bank, qid, entry) {
    try {
      window.localStorage.setItem(STORE_PREFIX + bank + ":" + qid, JSON.stringify(entry));
      return true;
    } catch (e) {
      return false;
    }
  }

  /* A question moved to another bank (data-formerly) keeps the answer saved under its old bank;
     an answer already saved under the new bank is newer and wins (as quiz/migrations.py). */
  function migrate(bank, qEl) {
    var old = qEl.getAttribute("data-formerly");
    var qid = qEl.getAttribute("data-qid");
    if (!old || load(bank, qid)) return;
    var entry = load(old, qid);
    if (entry && save(bank, qid, entry)) {
      try { window.localStorage.removeItem(STORE_PREFIX + old + ":" + qid); } catch (e) { /* kept */ }
    }
  }

  /* ---- answers ---- */
  function getAnswer(qEl, type) {
    if (type === "single") {
      var r = qEl.querySelector("input[type=radio]:checked");
      return r ? parseInt(r.value, 10) : null;
    }
    if (type === "multiple") {
      return Array.prototype.map.call(qEl.querySelectorAll("input[type=checkbox]:checked"),
        function (c) { return parseInt(c.value, 10); });
    }
    if (type === "numeric") return qEl.querySelector("input.mq-number").value;
    if (type === "select-words") {
      return Array.prototype.map.call(qEl.querySelectorAll(".mq-word[aria-pressed=true]"),
        function (b) { return parseInt(b.getAttribute("data-i"), 10); });
    }
    if (type === "match") {
      return Array.prototype.map.call(qEl.querySelectorAll("select"),
        function (s) { return s.value === "" ? null : s.value; });
    }
    return qEl.querySelector("textarea").value;
  }

  function setAnswer(qEl, type, answer) {
    if (type === "single" || type === "multiple") {
      var chosen = type === "single" ? [answer] : (answer || []);
      qEl.querySelectorAll("input").forEach(function (inp) {
        inp.checked = chosen.indexOf(parseInt(inp.value, 10)) !== -1;
      });
    } else if (type === "numeric") {
      qEl.querySelector("input.mq-number").value = answer == null ? "" : String(answer);
    } else if (type === "select-words") {
      var on = answer || [];
      qEl.querySelectorAll(".mq-word").forEach(function (b) {
        setPressed(b, on.indexOf(parseInt(b.getAttribute("data-i"), 10)) !== -1);
      });
    } else if (type === "match") {
      var vals = answer || [];
      qEl.querySelectorAll("select").forEach(function (s, i) {
        s.value = vals[i] == null ? "" : vals[i];
      });
    } else {
      qEl.querySelector("textarea").value = answer || "";
    }
  }

  function setPressed(button, on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  /* ---- grading (mirrors grading.py) ---- */
  function fmt(x) {
    return String(Number(Number(x).toFixed(4)));
  }

  function parseNumber(value) {
    var text = String(value == null ? "" : value).trim().replace("\u2212", "-");
    if ((text.match(/,/g) || []).length === 1 && text.indexOf(".") === -1) text = text.replace(",", ".");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
    var n = parseFloat(text);
    return isFinite(n) ? n : null;
  }

  function finish(key, fraction, messages) {
    var score = Math.round(key.p * fraction * 10000) / 10000;
    var status, level;
    if (key.p === 0 || Math.abs(score - key.p) < 1e-9) {
      status = "Correct."; level = "correct";
    } else if (score > 0) {
      status = "Partly right: " + fmt(score) + " of " + fmt(key.p) + " points."; level = "partial";
    } else {
      status = "Not quite."; level = "wrong";
    }
    return { score: score, points: key.p, status: status, level: level, messages: messages };
  }

  function empty(status) {
    return { empty: true, status: status, level: "empty", messages: [] };
  }

  function gradeSelect(key, chosen, qEl) {
    var targets = key.a.concat(key.opt);
    var sorted = chosen.slice().sort(function (a, b) { return a - b; });
    var runs = [];
    sorted.forEach(function (i) {
      var run = runs[runs.length - 1];
      if (run && run[run.length - 1] === i - 1) run.push(i); else runs.push([i]);
    });
    var found = {};
    var falseAlarms = [];
    var buttons = qEl.querySelectorAll(".mq-word");
    runs.forEach(function (run) {
      var hits = [];
      targets.forEach(function (t, k) {
        if (run.some(function (i) { return t.indexOf(i) !== -1; })) hits.push(k);
      });
      var extra = run.filter(function (i) {
        return !targets.some(function (t) { return t.indexOf(i) !== -1; });
      });
      if (!hits.length || extra.length > MAX_EXTRA_WORDS) {
        var range = document.createRange();
        range.setStartBefore(buttons[run[0]]);
        range.setEndAfter(buttons[run[run.length - 1]]);
        var text = range.toString();
        falseAlarms.push(text.length <= 60 ? text : text.slice(0, 57) + "...");
      } else {
        hits.forEach(function (k) { if (k < key.a.length) found[k] = true; });
      }
    });
    var n = key.a.length;
    var nFound = Object.keys(found).length;
    var messages = ["You found " + nFound + " of " + n + "."];
    if (falseAlarms.length) {
      messages.push("Not what the question asks for: " +
        falseAlarms.map(function (t) { return "*" + t + "*"; }).join(", ") + ".");
    }
    if (nFound < n) messages.push((n - nFound) + " still to find.");
    return finish(key, Math.max(0, (nFound - falseAlarms.length) / n), messages);
  }

  function grade(key, answer, qEl) {
    var messages = [];
    if (key.t === "single") {
      if (answer == null || !key.o[answer]) return empty("Choose an answer first.");
      if (key.o[answer][1]) messages.push(key.o[answer][1]);
      return finish(key, key.o[answer][0] ? 1 : 0, messages);
    }
    if (key.t === "multiple") {
      if (!answer.length) return empty("Tick at least one box first.");
      var right = 0, nCorrect = 0;
      key.o.forEach(function (o) { if (o[0]) nCorrect++; });
      answer.slice().sort(function (a, b) { return a - b; }).forEach(function (i) {
        if (key.o[i][0]) right++;
        if (key.o[i][1]) messages.push(key.o[i][2] + ": " + key.o[i][1]);
      });
      var wrong = answer.length - right;
      if (right < nCorrect) {
        var missed = nCorrect - right;
        messages.push(missed + " right answer" + (missed > 1 ? "s" : "") + " not ticked yet.");
      }
      return finish(key, Math.max(0, (right - wrong) / nCorrect), messages);
    }
    if (key.t === "numeric") {
      var n = parseNumber(answer);
      if (n === null) return empty("Type a number first (for example 12 or 3.5).");
      var ok = Math.abs(n - key.a) <= key.tol + 1e-9;
      if (!ok) messages.push(n > key.a ? "Too high." : "Too low.");
      return finish(key, ok ? 1 : 0, messages);
    }
    if (key.t === "select-words") {
      if (!answer.length) return empty("Click at least one word first.");
      return gradeSelect(key, answer, qEl);
    }
    if (key.t === "match") {
      if (answer.every(function (a) { return a == null; })) return empty("Choose a category for each item first.");
      var good = 0;
      key.m.forEach(function (item, i) {
        if (answer[i] === item[0]) {
          good++;
          if (item[1]) messages.push(item[2] + ": " + item[1]);
        }
      });
      if (good < key.m.length) messages.push(good + " of " + key.m.length + " in the right category.");
      return finish(key, good / key.m.length, messages);
    }
    var words = String(answer || "").split(/\s+/).filter(Boolean).length;
    if (!words) return empty("Write your answer first.");
    if (words < (key.min || 0)) return empty("Write at least " + key.min + " words (you have " + words + ").");
    return { score: 0, points: 0, status: "Saved.", level: "correct", messages: [] };
  }

  /* ---- feedback ---- */
  var ICON = { correct: "\u2714 ", partial: "\u25D0 ", wrong: "\u2718 ", empty: "" };

  function showFeedback(qEl, key, result, note) {
    var box = qEl.querySelector(".mq-feedback");
    box.textContent = "";
    box.className = "mq-feedback mq-" + result.level;
    if (note) {
      var n = document.createElement("p");
      n.className = "mq-note";
      n.textContent = note;
      box.appendChild(n);
    }
    var status = document.createElement("p");
    status.className = "mq-status";
    status.textContent = ICON[result.level] + result.status;
    box.appendChild(status);
    if (result.empty) return;
    if (result.messages.length) {
      var ul = document.createElement("ul");
      ul.className = "mq-messages";
      result.messages.forEach(function (m) {
        var li = document.createElement("li");
        appendInline(li, m);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (key.e) {
      var ex = document.createElement("div");
      ex.className = "mq-explanation";
      var label = document.createElement("strong");
      label.textContent = "Explanation: ";
      ex.appendChild(label);
      appendMarkdown(ex, key.e);
      box.appendChild(ex);
    }
  }

  function showNote(qEl, text) {
    var box = qEl.querySelector(".mq-feedback");
    box.textContent = "";
    box.className = "mq-feedback mq-empty";
    var p = document.createElement("p");
    p.className = "mq-status";
    p.textContent = text;
    box.appendChild(p);
  }

  function isExam(quizEl) {
    return quizEl.getAttribute("data-mode") === "exam";
  }

  function submitted(quizEl) {
    return !!load(quizEl.getAttribute("data-bank"), SUBMITTED);
  }

  function updateExamProgress(quizEl) {
    var bank = quizEl.getAttribute("data-bank");
    var answered = 0, total = 0;
    quizEl.querySelectorAll(".mq-question").forEach(function (qEl) {
      total++;
      if (load(bank, qEl.getAttribute("data-qid"))) answered++;
    });
    var out = quizEl.querySelector(".mq-score");
    if (out) {
      out.textContent = answered + " of " + total + " question" + (total > 1 ? "s" : "") +
        " answered. Results appear after you submit.";
    }
  }

  function updateScore(quizEl) {
    if (isExam(quizEl) && !submitted(quizEl)) { updateExamProgress(quizEl); return; }
    var bank = quizEl.getAttribute("data-bank");
    var score = 0, points = 0, checked = 0, graded = 0;
    quizEl.querySelectorAll(".mq-question").forEach(function (qEl) {
      if (qEl.getAttribute("data-type") === "reflection") return;
      var key = qEl._mqKey;
      if (!key) return;
      graded++;
      points += key.p;
      var saved = load(bank, qEl.getAttribute("data-qid"));
      if (saved && typeof saved.score === "number") {
        checked++;
        score += Math.min(saved.score, key.p);
      }
    });
    var out = quizEl.querySelector(".mq-score");
    if (out && graded) {
      out.textContent = "Your score: " + fmt(score) + " of " + fmt(points) + " points (" +
        checked + " of " + graded + " question" + (graded > 1 ? "s" : "") + " checked).";
    }
  }

  function wireQuestion(quizEl, qEl) {
    var bank = quizEl.getAttribute("data-bank");
    var qid = qEl.getAttribute("data-qid");
    var type = qEl.getAttribute("data-type");
    var key;
    try {
      key = decodeKey(qEl.getAttribute("data-key"), bank);
    } catch (e) {
      qEl.querySelector(".mq-feedback").textContent = "This question could not be loaded.";
      return;
    }
    qEl._mqKey = key;

    qEl.querySelectorAll(".mq-word").forEach(function (b) {
      b.addEventListener("click", function () {
        setPressed(b, b.getAttribute("aria-pressed") !== "true");
      });
    });

    function check() {
      if (qEl._mqLocked) return;
      var answer = getAnswer(qEl, type);
      var result = grade(key, answer, qEl);
      if (isExam(quizEl)) {
        if (result.empty) { showNote(qEl, result.status); return; }
        var ok = save(bank, qid, { answer: answer, mode: "exam", saved_at: new Date().toISOString() });
        showNote(qEl, ok ? EXAM_SAVED : "Your browser did not let this page save the answer.");
        updateScore(quizEl);
        return;
      }
      var note = "";
      if (!result.empty) {
        var entry = { answer: answer, score: result.score, points: result.points, mode: "practice",
          saved_at: new Date().toISOString() };
        if (!save(bank, qid, entry)) note = "Your browser did not let this page save the answer.";
      }
      showFeedback(qEl, key, result, note);
      updateScore(quizEl);
    }

    qEl.querySelector(".mq-check").addEventListener("click", check);
    var num = qEl.querySelector("input.mq-number");
    if (num) {
      num.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter") { ev.preventDefault(); check(); }
      });
    }
    var hintButton = qEl.querySelector(".mq-hint-button");
    if (hintButton) {
      hintButton.addEventListener("click", function () {
        var hint = qEl.querySelector(".mq-hint");
        var open = hint.hasAttribute("hidden");
        if (open) hint.removeAttribute("hidden"); else hint.setAttribute("hidden", "");
        hintButton.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    var resetButton = qEl.querySelector(".mq-reset");
    if (resetButton) resetButton.addEventListener("click", function () {
      setAnswer(qEl, type, type === "single" ? null : (type === "numeric" || type === "reflection" ? "" : []));
      var box = qEl.querySelector(".mq-feedback");
      box.textContent = "Cleared: answer again and press Check.";
      box.className = "mq-feedback";
      var first = qEl.querySelector("input, select, textarea, .mq-word");
      if (first) first.focus();
    });

    var saved = load(bank, qid);
    if (saved && saved.answer !== undefined) {
      setAnswer(qEl, type, saved.answer);
      if (isExam(quizEl)) {
        showNote(qEl, "Your saved answer is restored. Results appear after you press Submit.");
        return;
      }
      var result = grade(key, saved.answer, qEl);
      if (!result.empty) showFeedback(qEl, key, result, "Your saved answer is restored.");
    }
  }

  /* ---- exam mode: submit, lock, reveal ---- */
  function lockQuestion(qEl) {
    qEl._mqLocked = true;
    qEl.querySelectorAll("input, select, textarea, button").forEach(function (el) { el.disabled = true; });
  }

  function reveal(quizEl, note) {
    var bank = quizEl.getAttribute("data-bank");
    quizEl.querySelectorAll(".mq-question").forEach(function (qEl) {
      lockQuestion(qEl);
      var key = qEl._mqKey;
      if (!key) return;
      var result = grade(key, getAnswer(qEl, qEl.getAttribute("data-type")), qEl);
      if (result.empty) showNote(qEl, "Not answered.");
      else showFeedback(qEl, key, result, "");
      var saved = load(bank, qEl.getAttribute("data-qid"));
      if (saved && !result.empty && typeof saved.score !== "number") {
        saved.score = result.score;
        saved.points = result.points;
        save(bank, qEl.getAttribute("data-qid"), saved);
      }
    });
    var button = quizEl.querySelector(".mq-submit");
    if (button) button.disabled = true;
    updateScore(quizEl);
    var out = quizEl.querySelector(".mq-score");
    if (out) out.textContent = note + " " + out.textContent;
  }

  function submitQuiz(quizEl) {
    var bank = quizEl.getAttribute("data-bank");
    if (submitted(quizEl)) return;
    var now = new Date().toISOString();
    quizEl.querySelectorAll(".mq-question").forEach(function (qEl) {
      var key = qEl._mqKey;
      if (!key) return;
      var answer = getAnswer(qEl, qEl.getAttribute("data-type"));
      var result = grade(key, answer, qEl);
      if (!result.empty) {
        save(bank, qEl.getAttribute("data-qid"), { answer: answer, score: result.score, points: result.points,
          mode: "exam", saved_at: now });
      }
    });
    save(bank, SUBMITTED, { mode: "exam", submitted_at: now });
    reveal(quizEl, "Submitted: your answers are locked.");
    var out = quizEl.querySelector(".mq-score");
    if (out) {
      out.setAttribute("tabindex", "-1");
      out.focus();
    }
  }

  function wireQuiz(quizEl) {
    if (quizEl.getAttribute("data-mq-ready")) return;
    quizEl.setAttribute("data-mq-ready", "true");
    quizEl.querySelectorAll(".mq-question[data-formerly]").forEach(function (qEl) {
      migrate(quizEl.getAttribute("data-bank"), qEl);
    });
    quizEl.querySelectorAll(".mq-question").forEach(function (qEl) { wireQuestion(quizEl, qEl); });
    var submit = quizEl.querySelector(".mq-submit");
    if (isExam(quizEl) && submit) {
      submit.addEventListener("click", function () { submitQuiz(quizEl); });
      if (submitted(quizEl)) { reveal(quizEl, "Submitted earlier: your answers are locked."); return; }
    }
    updateScore(quizEl);
  }

  function wireAll() {
    document.querySelectorAll(".medialit-quiz").forEach(wireQuiz);
  }

  window.medialitQuiz = { wireAll: wireAll, decodeKey: decodeKey };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wireAll);
  } else {
    wireAll();
  }
})();
