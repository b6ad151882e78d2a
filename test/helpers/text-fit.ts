import type { Page } from 'playwright-core';

/**
 * Every visible text on the page that does not fit where it is shown: cut by its own box
 * (overflow hidden or an ellipsis), cut by a parent that hides overflow, spilling out of its box,
 * running off the window, or a field's placeholder or a select's choice wider than the control.
 * One line per problem, naming the element and its text; empty when everything fits.
 */
export function textThatDoesNotFit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const windowWidth = document.documentElement.clientWidth;
    const canvas = document.createElement('canvas').getContext('2d');
    const hides = (value: string) => value === 'hidden' || value === 'clip';
    const name = (el: Element, text: string) => {
      const testId = el.getAttribute('data-testid');
      const label = `${el.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}`;
      return `${label} "${text.trim().replace(/\s+/g, ' ').slice(0, 80)}"`;
    };
    const textWidth = (el: Element, text: string) => {
      if (!canvas) return 0;
      const style = getComputedStyle(el);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return canvas.measureText(text).width;
    };

    const placeholderWidth = (el: Element, text: string) => {
      if (!canvas) return 0;
      const style = getComputedStyle(el, '::placeholder');
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return canvas.measureText(text).width;
    };

    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // Screen-reader-only text is 1px by design.
      if (el.closest('.visually-hidden')) continue;

      if (el instanceof HTMLSelectElement) {
        const chosen = el.selectedOptions[0]?.text ?? '';
        const room =
          el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        if (chosen && textWidth(el, chosen) > room + 1) {
          problems.push(`${name(el, chosen)} is wider than its select`);
        }
        continue;
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        const kind = el instanceof HTMLInputElement ? el.type : 'text';
        const room =
          el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        // A placeholder is drawn in its own font, often smaller than what is typed.
        if (!el.value && el.placeholder && ['text', 'search', 'password', ''].includes(kind)) {
          if (placeholderWidth(el, el.placeholder) > room + 1) {
            problems.push(`${name(el, el.placeholder)} (placeholder) is wider than its field`);
          }
        }
        continue;
      }

      const ownText = Array.from(el.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('');
      if (!ownText.trim()) continue;

      // Inline elements have no box of their own to overflow; their parent is checked.
      const blockish = style.display !== 'inline';
      if (blockish && el.scrollWidth > el.clientWidth + 1) {
        const cut = hides(style.overflowX) || style.textOverflow === 'ellipsis';
        problems.push(`${name(el, ownText)} ${cut ? 'is cut off' : 'spills out of its box'}`);
      }
      // Inside a box that scrolls sideways the text is reachable, not lost off the window.
      let scrolls = false;
      for (let parent = el.parentElement; parent; parent = parent.parentElement) {
        const parentStyle = getComputedStyle(parent);
        if (parentStyle.overflowX === 'auto' || parentStyle.overflowX === 'scroll') scrolls = true;
        if (!hides(parentStyle.overflowX) && !hides(parentStyle.overflowY)) continue;
        const edge = parent.getBoundingClientRect();
        if (
          box.right > edge.right + 1 ||
          box.left < edge.left - 1 ||
          box.bottom > edge.bottom + 1 ||
          box.top < edge.top - 1
        ) {
          problems.push(`${name(el, ownText)} is clipped by ${name(parent, '')}`);
        }
        break;
      }
      if (!scrolls && box.right > windowWidth + 1)
        problems.push(`${name(el, ownText)} runs off the window`);
    }
    return problems;
  });
}
