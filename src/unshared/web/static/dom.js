// Small DOM helpers: build elements without innerHTML, and fill in the translated strings.

/**
 * An element with attributes and children (strings become text, never markup).
 * @param {string} tag
 * @param {Record<string, string|number|boolean>} [attributes]
 * @param {...(Node|string)} children
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children);
  return element;
}

/**
 * Fill `root`'s marked elements with their strings: `data-i18n` names the text,
 * `data-i18n-aria-label` the accessible name.
 * @param {ParentNode} root
 * @param {(key: string) => string} t
 */
export function applyStrings(root, t) {
  for (const node of root.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll("[data-i18n-aria-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
  }
}

/**
 * A definition list (`dl.facts`) of the facts that have a value: `[label, value]` pairs, where a
 * value is text or a node; empty ones are left out.
 */
export function facts(pairs) {
  const list = el("dl", { class: "facts" });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === "") continue;
    list.append(el("div", {}, el("dt", {}, label), el("dd", {}, value)));
  }
  return list;
}

/** Save `blob` as a file named `name`, through an object URL made and revoked here. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
