"""The sidebar as a keyboard (and a phone) expects a drawer to behave; Streamlit's does not, alone.

- Closed, its links are out of reach: they were Tab stops, off the screen, a keyboard user lost in them.
- Opening it puts the focus in it, and closing it puts the focus back on the button that opens it: it
  fell to the top of the page either way.
- On a phone (768 px wide or less, where it covers the page): Escape closes it, and so does choosing a
  page in it, which otherwise opened under it. A toast no longer covers its first links: the sidebar is
  what the learner opened to use.
"""

from __future__ import annotations

import streamlit as st

from ui import page_script

NARROW = "(max-width: 768px)"  # where Streamlit draws the open sidebar over the page
# Streamlit's toasts stand above everything (z-index 1000062), its sidebar at 999991 and its header at 999990
TOASTS_UNDER_SIDEBAR = f'<style>@media {NARROW} {{[data-testid="stToastContainer"] {{z-index: 999990}}}}</style>'

SCRIPT = """if (!window.workbenchSidebarDrawer) { window.workbenchSidebarDrawer = true;
const sidebar = () => document.querySelector('[data-testid="stSidebar"]');
const opener = () => document.querySelector('[data-testid="stExpandSidebarButton"]');
const closer = () => document.querySelector('[data-testid="stSidebarCollapseButton"] button');
const narrow = () => window.matchMedia(NARROW).matches;
let wasOpen = null, navigating = false, lastInput = 0;
// only what the learner opened or closed moves the focus: not the page drawing itself on a load
['pointerdown', 'keydown'].forEach(type => document.addEventListener(type, () => { lastInput = Date.now(); }, true));
const follow = () => {
  const bar = sidebar(); if (!bar) return;
  const open = !opener();
  if (bar.inert === open) bar.inert = !open;
  if (wasOpen !== null && open !== wasOpen && !navigating && Date.now() - lastInput < 1500) {
    const active = document.activeElement, lost = !active || active === document.body;
    // the first that takes it: a wide screen shows the sidebar's close button only under the mouse
    const focus = (...candidates) => candidates.some(c => c && (c.focus(), document.activeElement === c));
    // and again while the sidebar slides in: until it shows, nothing in it takes the focus
    if (open && lost) [0, 150, 400].forEach(ms => setTimeout(() => {
      if (document.activeElement === document.body) focus(closer(), bar.querySelector('a[href], button'));
    }, ms));
    if (!open && (lost || bar.contains(active))) focus(opener());
  }
  if (open !== wasOpen) navigating = false;
  wasOpen = open;
};
const close = () => { const button = closer(); if (button) button.click(); };
new MutationObserver(follow).observe(document.body, {childList: true, subtree: true}); follow();
document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && !event.defaultPrevented && narrow() && !opener()) close();
});
document.addEventListener('click', event => {
  // a new page: the focus stays at its top, where the page's reading starts
  if (narrow() && event.target.closest('[data-testid="stSidebar"] a[data-testid="stSidebarNavLink"]')) {
    navigating = true; setTimeout(close);
  }
}, true);
}"""


def behave_as_a_drawer() -> None:
    """On every run (``app.py``): once per page load, the sidebar keeps the focus where it belongs."""
    st.html(TOASTS_UNDER_SIDEBAR)  # style alone takes no room
    page_script.run(SCRIPT.replace("NARROW", page_script.literal(NARROW)))
