/* The portal's one script (the CSP allows no inline script). Each job is one named function. */
"use strict";

// Runs at once (loaded without defer): styles that depend on JavaScript apply before the first paint.
document.documentElement.classList.add("js-enabled");

/* The Design System's mobile navigation: the Menu button shows and hides the links below 48rem. Without
   JavaScript the button stays hidden and the links stay shown. Safe to call again on new content. */
function initMobileMenu(root) {
  var buttons = Array.from(root.querySelectorAll(".js-toggle-menu"));
  if (root.matches && root.matches(".js-toggle-menu")) buttons.push(root);
  buttons.forEach(function (button) {
    var nav = document.getElementById(button.getAttribute("aria-controls"));
    if (!nav || button.dataset.menuReady) return;
    button.dataset.menuReady = "true";
    function setOpen(open) {
      button.setAttribute("aria-expanded", String(open));
      button.classList.toggle("ds_site-header__control--active", open);
      nav.classList.toggle("ds_site-navigation--open", open);
    }
    setOpen(false);
    button.hidden = false;
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
  });
}

// Escape closes an open menu from its button or links and puts focus back on the button.
function closeMenuOnEscape(event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll('.js-toggle-menu[aria-expanded="true"]').forEach(function (button) {
    var nav = document.getElementById(button.getAttribute("aria-controls"));
    if (document.activeElement === button || (nav && nav.contains(document.activeElement))) {
      button.click();
      button.focus();
    }
  });
}

document.addEventListener("DOMContentLoaded", function () { initMobileMenu(document); });
document.addEventListener("keydown", closeMenuOnEscape);
// htmx swaps (boosted navigation included) bring new header markup: initialise what arrived.
document.addEventListener("htmx:load", function (event) { initMobileMenu(event.detail.elt); });

/* Wide tables scroll inside their own region, named by the table's caption, instead of the page scrolling
   sideways; the region takes keyboard focus only while it actually scrolls. */
function initTableRegions(root) {
  var tables = Array.from(root.querySelectorAll("table.wp_table"));
  if (root.matches && root.matches("table.wp_table")) tables.push(root);
  tables.forEach(function (table) {
    if (table.parentElement.classList.contains("wp_table-region")) return;
    var region = document.createElement("div");
    region.className = "wp_table-region";
    region.setAttribute("role", "region");
    var caption = table.querySelector("caption");
    if (caption) {
      if (!caption.id) caption.id = "table-caption-" + Math.random().toString(36).slice(2, 10);
      region.setAttribute("aria-labelledby", caption.id);
    } else {
      region.setAttribute("aria-label", "Table");
    }
    table.parentNode.insertBefore(region, table);
    region.appendChild(table);
  });
  updateTableRegions();
}

function updateTableRegions() {
  document.querySelectorAll(".wp_table-region").forEach(function (region) {
    if (region.scrollWidth > region.clientWidth) region.setAttribute("tabindex", "0");
    else region.removeAttribute("tabindex");
  });
}

document.addEventListener("DOMContentLoaded", function () { initTableRegions(document); });
document.addEventListener("htmx:load", function (event) { initTableRegions(event.detail.elt); });
window.addEventListener("resize", updateTableRegions);

/* Long pages short on a phone: opening one <details data-one-open="group"> closes the others of its group
   (without JavaScript several may be open). Printing opens them all. */
var printing = false;  // while printing every section stays open: the toggles that opening queues close nothing

function closeOtherDisclosures(event) {
  var opened = event.target;
  if (printing) return;
  if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.dataset.oneOpen) return;
  document.querySelectorAll('details[data-one-open="' + opened.dataset.oneOpen + '"][open]').forEach(function (other) {
    if (other !== opened) other.open = false;
  });
}

function openDisclosuresForPrint() {
  printing = true;
  document.querySelectorAll("details[data-one-open]:not([open])").forEach(function (details) {
    details.open = true;
  });
}

document.addEventListener("toggle", closeOtherDisclosures, true);  // toggle does not bubble: capture it
window.addEventListener("beforeprint", openDisclosuresForPrint);
window.addEventListener("afterprint", function () { printing = false; });

/* After an in-place change, focus goes to what changed: content marked data-focus-after-swap (e.g. the
   matching event's move preview) takes focus when htmx brings it in, so a phone scrolls to it. */
function focusSwappedContent(event) {
  var root = event.detail.elt;
  var target = root.matches && root.matches("[data-focus-after-swap]") ? root : root.querySelector("[data-focus-after-swap]");
  if (target && root !== document.body) target.focus();
}

document.addEventListener("htmx:load", focusSwappedContent);
/* The portal's one small script (loaded by base.html; the CSP allows no inline script).
   Each job is one named function, set up at the bottom. Everything works without this file:
   forms post, pages reload, confirm steps are pages. */
"use strict";

/* Failed htmx requests: one message in the page (#request-problem, an aria-live region); nothing the
   person typed is touched, because htmx swaps nothing on an error (see htmx-config in base.html). */
function portalRequestProblem(detail, kind) {
  var xhr = detail && detail.xhr;
  var status = xhr ? xhr.status : 0;
  var text;
  if (kind === "timeout") {
    text = "The portal took too long to answer. Nothing was saved. What you typed is still here: try again.";
  } else if (kind === "send" || status === 0) {
    text = "The portal could not be reached (check your connection). Nothing was saved. What you typed is still here: try again.";
  } else if (status === 401 || status === 403 || (status === 400 && /expired/i.test(xhr.responseText || ""))) {
    text = "Your sign-in or this page has expired, so this was not saved. What you typed is still here: " +
      "copy it, sign in again in a new tab, then reload this page and send it again.";
  } else {
    text = portalErrorTitle(xhr) + ". Nothing was saved. What you typed is still here.";
  }
  portalSay(text, true);
  portalMarkAutosaveFailed(detail, text);
}

/* The title of the portal's own error page, if the answer is one. */
function portalErrorTitle(xhr) {
  try {
    var page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var heading = page.querySelector("h1");
    if (heading && heading.textContent.trim()) { return heading.textContent.trim(); }
  } catch (ignored) { /* fall through to the generic words */ }
  return "Something went wrong (error " + xhr.status + ")";
}

/* Put a message in the live region and move focus to it, so it is both announced and seen. */
function portalSay(text, problem) {
  var region = document.getElementById("request-problem");
  if (!region) { return; }
  region.hidden = false;
  region.className = "ds_notification wp_flash " + (problem ? "wp_flash--error" : "wp_flash--success");
  region.querySelector("p").textContent = text;
  region.focus();
}

/* An autosave status line that still says "saved" after a failed save would mislead: say "not saved". */
function portalMarkAutosaveFailed(detail, text) {
  var target = detail && detail.target;
  if (!target || !target.id) { return; }
  if (/^(autosave-status|draft-)/.test(target.id)) {
    target.textContent = "Not saved: " + text;
    target.classList.add("wp_autosave--error");
  }
}

/* After an in-place change, keyboard focus goes to the changed item or its message (WCAG 2.4.3). */
function portalFocusAfterSwap(event) {
  var target = event.detail && event.detail.target;
  if (!target || !target.isConnected || event.detail.boosted) { return; }
  var region = document.getElementById("request-problem");
  if (region) { region.hidden = true; }
  if (target.id && /^(autosave-status|draft-)/.test(target.id)) { return; } // typing goes on
  var problem = target.querySelector("[role=alert], .ds_error-summary");
  var changed = target.querySelector("[data-focus-after-swap]");  // the view named what changed
  var message = target.querySelector("[role=status]");
  var place = problem || changed || message || target;
  if (!place.hasAttribute("tabindex")) { place.setAttribute("tabindex", "-1"); }
  place.focus();
}

/* Destructive actions confirm first: in the page with JavaScript; without it the server asks on a page
   (portal.core.confirm). Agreeing adds confirmed=yes, which that page would have posted. */
function portalConfirmSubmit(event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) { return; }
  if (form.querySelector("input[name=confirmed]")) { return; }
  if (!window.confirm(form.getAttribute("data-confirm"))) {
    event.preventDefault();
    event.stopImmediatePropagation();
    return;
  }
  var flag = document.createElement("input");
  flag.type = "hidden";
  flag.name = "confirmed";
  flag.value = "yes";
  form.appendChild(flag);
}

/* The survey keeps answers not yet sent on this device only (localStorage), never on the server: a form
   with data-draft="KEY" saves its radio and select choices and its text as they change, puts them back when
   the page opens again, and forgets them once sent. Without JavaScript the form simply works. */
function initSurveyDrafts(root) {
  var forms = root.querySelectorAll ? root.querySelectorAll("form[data-draft]") : [];
  forms.forEach(function (form) {
    var key = "portal-draft:" + form.getAttribute("data-draft");
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved) {
      form.querySelectorAll("input, select, textarea").forEach(function (field) {
        if (!(field.name in saved) || field.name === "csrf_token") { return; }
        if (field.type === "radio") {
          if (!form.querySelector("input[name='" + field.name + "']:checked")) { field.checked = field.value === saved[field.name]; }
        } else if (field.type === "checkbox") {
          field.checked = saved[field.name] === "y";
        } else if (!field.value) {
          field.value = saved[field.name];
        }
      });
    }
    form.addEventListener("change", function () { saveSurveyDraft(form, key); });
    form.addEventListener("input", function () { saveSurveyDraft(form, key); });
    form.addEventListener("submit", function () { try { window.localStorage.removeItem(key); } catch (e) { /* none kept */ } });
  });
}

function saveSurveyDraft(form, key) {
  var data = {};
  form.querySelectorAll("input, select, textarea").forEach(function (field) {
    if (field.name === "csrf_token" || field.type === "hidden") { return; }
    if (field.type === "radio") { if (field.checked) { data[field.name] = field.value; } }
    else if (field.type === "checkbox") { data[field.name] = field.checked ? "y" : ""; }
    else { data[field.name] = field.value; }
  });
  try { window.localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or off: nothing kept */ }
}

document.addEventListener("DOMContentLoaded", function () { initSurveyDrafts(document); });

function portalSetUp() {
  document.addEventListener("submit", portalConfirmSubmit, true);
  document.body.addEventListener("htmx:responseError", function (e) { portalRequestProblem(e.detail, "response"); });
  document.body.addEventListener("htmx:sendError", function (e) { portalRequestProblem(e.detail, "send"); });
  document.body.addEventListener("htmx:timeout", function (e) { portalRequestProblem(e.detail, "timeout"); });
  document.body.addEventListener("htmx:afterSwap", portalFocusAfterSwap);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", portalSetUp);
} else {
  portalSetUp();
}

/* The matching event board: drag an establishment onto another team to preview the move beside that team
   (htmx asks the server; the same preview the select-and-move form gives without JavaScript). Only one
   preview shows at a time. */
function initMatchingBoard(root) {
  var boards = Array.from(root.querySelectorAll("[data-board-preview]"));
  if (root.matches && root.matches("[data-board-preview]")) boards.push(root);
  boards.forEach(function (board) {
    if (board.dataset.boardReady) return;
    board.dataset.boardReady = "true";
    board.addEventListener("dragstart", function (event) {
      var item = event.target.closest && event.target.closest("[data-establishment]");
      if (!item) return;
      event.dataTransfer.setData("text/plain", item.dataset.establishment);
      event.dataTransfer.effectAllowed = "move";
    });
    board.addEventListener("dragover", function (event) {
      var team = event.target.closest && event.target.closest("[data-team]");
      if (!team) return;
      event.preventDefault();
      board.querySelectorAll(".wp_team--drop").forEach(function (t) { if (t !== team) t.classList.remove("wp_team--drop"); });
      team.classList.add("wp_team--drop");
    });
    board.addEventListener("dragleave", function (event) {
      var team = event.target.closest && event.target.closest("[data-team]");
      if (team && !team.contains(event.relatedTarget)) team.classList.remove("wp_team--drop");
    });
    board.addEventListener("drop", function (event) {
      var team = event.target.closest && event.target.closest("[data-team]");
      var id = event.dataTransfer.getData("text/plain");
      if (!team || !id || !window.htmx) return;
      event.preventDefault();
      team.classList.remove("wp_team--drop");
      var url = board.dataset.boardPreview + "?establishment=" + encodeURIComponent(id) + "&team=" + team.dataset.team;
      window.htmx.ajax("GET", url, { target: "#preview-slot-" + team.dataset.team, swap: "innerHTML" });
    });
  });
}

// A new move preview replaces the one shown beside another team.
function clearOtherPreviews(event) {
  var target = event.detail && event.detail.target;
  if (!target || !target.classList || !target.classList.contains("wp_preview-slot")) return;
  document.querySelectorAll(".wp_preview-slot").forEach(function (slot) {
    if (slot !== target) slot.textContent = "";
  });
}

document.addEventListener("DOMContentLoaded", function () { initMatchingBoard(document); });
document.addEventListener("htmx:load", function (event) { initMatchingBoard(event.detail.elt); });
document.addEventListener("htmx:beforeSwap", clearOtherPreviews);
