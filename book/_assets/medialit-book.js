// medialit book: the theme makes code blocks and tables that scroll sideways focusable
// (tabindex 0, axe scrollable-region-focusable) when the page loads and whenever it changes.
// Late layout (fonts, a busy machine) can make a block scroll after that first look; ask the
// theme to look again once everything has loaded (it listens to resize).
window.addEventListener("load", () => {
  const again = () => window.dispatchEvent(new Event("resize"));
  again();
  if (document.fonts) document.fonts.ready.then(again);
});
