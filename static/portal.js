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
function closeOtherDisclosures(event) {
  var opened = event.target;
  if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.dataset.oneOpen) return;
  document.querySelectorAll('details[data-one-open="' + opened.dataset.oneOpen + '"][open]').forEach(function (other) {
    if (other !== opened) other.open = false;
  });
}

function openDisclosuresForPrint() {
  document.querySelectorAll("details[data-one-open]:not([open])").forEach(function (details) {
    details.open = true;
  });
}

document.addEventListener("toggle", closeOtherDisclosures, true);  // toggle does not bubble: capture it
window.addEventListener("beforeprint", openDisclosuresForPrint);

/* After an in-place change, focus goes to what changed: content marked data-focus-after-swap (e.g. the
   matching event's move preview) takes focus when htmx brings it in, so a phone scrolls to it. */
function focusSwappedContent(event) {
  var root = event.detail.elt;
  var target = root.matches && root.matches("[data-focus-after-swap]") ? root : root.querySelector("[data-focus-after-swap]");
  if (target && root !== document.body) target.focus();
}

document.addEventListener("htmx:load", focusSwappedContent);
