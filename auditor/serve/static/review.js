// The review page with JavaScript: audit in the background, swap in the result, and walk
// between a finding in the list and its place in the article. Without this file the form
// posts normally and the page comes back with the result in it.
"use strict";

(function () {
  const form = document.getElementById("audit-form");
  const draft = document.getElementById("draft");
  const file = document.getElementById("file");
  const format = document.getElementById("format");
  const status = document.getElementById("status");
  const button = document.getElementById("audit");
  const TEXT_FORMATS = { txt: "text", text: "text", md: "markdown", markdown: "markdown",
    html: "html", htm: "html" };

  // A text file is shown in the draft box (and its format chosen); a .docx is sent as is.
  file.addEventListener("change", function () {
    const chosen = file.files[0];
    if (!chosen) return;
    const ext = chosen.name.split(".").pop().toLowerCase();
    if (!(ext in TEXT_FORMATS)) {
      status.textContent = chosen.name + " will be sent to the server to be read.";
      return;
    }
    chosen.text().then(function (text) {
      draft.value = text;
      format.value = TEXT_FORMATS[ext];
      file.value = "";
      status.textContent = "Opened " + chosen.name + ".";
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    status.textContent = "Auditing…";
    fetch("/review?part=result", { method: "POST", body: new FormData(form) })
      .then(function (response) {
        return response.text().then(function (body) { return [response, body]; });
      })
      .then(function (pair) {
        const response = pair[0];
        const body = pair[1];
        if (!response.ok) {
          status.textContent = errorMessage(response, body);
          return;
        }
        // The server's own rendering: every piece of article text in it is escaped.
        document.getElementById("result").outerHTML = body;
        status.textContent = "Audited.";
      })
      .catch(function () { status.textContent = "The server could not be reached."; })
      .finally(function () { button.disabled = false; });
  });

  function errorMessage(response, body) {
    try {
      return JSON.parse(body).error;
    } catch (notJson) {
      const holder = document.createElement("div");
      holder.innerHTML = body;
      return holder.textContent.trim() || "The audit failed (" + response.status + ").";
    }
  }

  function clearCurrent() {
    document.querySelectorAll(".current").forEach(function (el) {
      el.classList.remove("current");
    });
  }

  // A finding in the list -> its badge and marks in the article; a badge -> the list.
  document.addEventListener("click", function (event) {
    const link = event.target.closest(".finding a.goto");
    if (link) {
      event.preventDefault();
      const item = link.closest(".finding");
      const flag = document.getElementById(link.getAttribute("href").slice(1));
      if (!flag) return;
      clearCurrent();
      item.classList.add("current");
      flag.classList.add("current");
      const index = item.dataset.index;
      document.querySelectorAll(".text [data-find]").forEach(function (mark) {
        if (mark.dataset.find.split(" ").indexOf(index) >= 0) mark.classList.add("current");
      });
      flag.scrollIntoView({ block: "center" });
      history.replaceState(null, "", "#" + flag.id);
      return;
    }
    const badge = event.target.closest(".text .flag > a");
    if (badge) {
      const item = document.getElementById("l" + badge.parentElement.id);
      if (!item) return;
      clearCurrent();
      item.classList.add("current");
      badge.parentElement.classList.add("current");
      item.scrollIntoView({ block: "nearest" });
    }
  });
})();
