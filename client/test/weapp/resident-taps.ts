import type { SimComponent } from './mini-program';

/**
 * Taps the element with `className` whose text contains `text` (the feed's chips and the vote buttons share a
 * class), as a finger would: Taro binds handlers to the node's `data-sid`, which the simulator reaches as `#sid`.
 */
export function tapText(page: SimComponent, className: string, text: string): void {
  const nodes = Array.from(page.dom.querySelectorAll(`[class~="page--${className}"]`));
  const node = nodes.find((n) => (n.textContent ?? '').includes(text));
  const sid = node?.getAttribute('data-sid');
  if (!sid) throw new Error(`nothing with class ${className} and text ${text} to tap`);
  const target = page.querySelector(`#${sid}`);
  if (!target) throw new Error(`the simulator cannot reach #${sid}`);
  target.dispatchEvent('tap');
}

/** How many elements carry `className` (the simulator prefixes classes with the component's tag). */
export const countOf = (page: SimComponent, className: string): number => page.dom.querySelectorAll(`[class~="page--${className}"]`).length;
