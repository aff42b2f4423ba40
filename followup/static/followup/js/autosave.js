// Saves the entry form in the background a moment after the person stops typing, so a lost
// connection or a closed tab loses at most a few seconds of work. Without JavaScript the form
// works the same with its Save button; the server applies the same rules to both.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) { return; }
  var status = document.getElementById("autosave-status");
  var timer = null;
  var saving = false;
  var dirty = false;
  var pendingSubmit = null;

  function say(text) { if (status) { status.textContent = text; } }

  function save() {
    if (saving) { dirty = true; return; }
    saving = true; dirty = false;
    fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Autosave": "1" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      var data = result.data;
      if (data.saved) {
        form.querySelector("input[name=revision]").value = data.revision;
        if (data.edit_url && form.getAttribute("action") !== data.edit_url) {
          form.setAttribute("action", data.edit_url);
          window.history.replaceState(null, "", data.edit_url);
        }
        say(data.message);
      } else {
        say(data.message || form.dataset.autosaveInvalid);
      }
    }).catch(function () {
      say(form.dataset.autosaveOffline);
    }).then(function () {
      saving = false;
      if (pendingSubmit) {
        // The person pressed Save while a background save was on its way: send their
        // submission now, with the revision that save returned, so it is not a false conflict.
        var submitter = pendingSubmit;
        pendingSubmit = null;
        form.requestSubmit(submitter === true ? undefined : submitter);
      } else if (dirty) { schedule(); }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2000);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) {
    window.clearTimeout(timer);
    if (saving) {
      event.preventDefault();
      pendingSubmit = event.submitter || true;
    }
  });
})();
