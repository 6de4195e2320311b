// Small DOM helpers. Every piece of text goes in as a Text node, never as markup, so names and story titles
// that contain HTML stay inert.

/** Creates an element: h('button', {class: 'primary', onclick: fn}, 'Reveal'). */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a container's children, keeping keyboard focus on the element with the same data-focus-key. */
export function replaceChildren(container, ...children) {
  const active = document.activeElement;
  const focusKey = container.contains(active) ? active.dataset.focusKey : undefined;
  container.replaceChildren();
  append(container, children);
  if (focusKey) {
    container.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  }
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** Polite screen-reader announcements ("Ada voted") through one live region. */
export class Announcer {
  constructor(region) {
    this.region = region;
    this.pending = [];
  }

  say(message) {
    if (!message) return;
    // Announcements arriving together are read as one, so a burst of votes does not drown the reader.
    this.pending.push(message);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.region.textContent = this.pending.join('. ');
      this.pending = [];
    }, 150);
  }
}

/** Shows a message in an alert region, or hides the region when the message is empty. */
export function showAlert(region, message) {
  region.textContent = message ?? '';
  region.hidden = !message;
}
