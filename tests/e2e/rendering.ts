// How a page is drawn, measured in it: where people's words land beside the app's, whether
// a word breaks, what an animation moves, and how a page's text contrasts with its background.
import type { Locator, Page } from "playwright-core";

/**
 * How many pieces of `rest` are drawn on `name`'s line to its left and to its right, within
 * `line`'s text (a piece between two of the name's counts on both sides). Kept apart, the
 * name sits at one end: a name in a script that runs the other way, unkept, lands among the
 * words around it.
 */
export function sidesOf(line: Locator, name: string, rest: string): Promise<{ left: number; right: number }> {
  return line.evaluate((element, [name, rest]) => {
    const rectsOf = (text: string) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const whole = nodes.map((n) => n.data).join("");
      let start = whole.indexOf(text);
      if (start < 0) throw new Error(`"${text}" is not in "${whole}"`);
      let end = start + text.length;
      const range = document.createRange();
      for (const node of nodes) {
        if (start >= 0 && start <= node.length) range.setStart(node, start);
        if (end >= 0 && end <= node.length) range.setEnd(node, end);
        start -= node.length;
        end -= node.length;
      }
      return [...range.getClientRects()].filter((r) => r.width > 0);
    };
    const named = rectsOf(name);
    const left = Math.min(...named.map((r) => r.left)) + 1;
    const right = Math.max(...named.map((r) => r.right)) - 1;
    const { top, bottom } = named[0]!;
    const onLine = rectsOf(rest).filter((r) => r.bottom > top + 1 && r.top < bottom - 1);
    return {
      left: onLine.filter((r) => r.left < right && (r.right <= left || r.right < right)).length,
      right: onLine.filter((r) => r.right > left && (r.left >= right || r.left > left)).length,
    };
  }, [name, rest] as const);
}

/** The lines each of these elements' text takes: 1 when no word in it was broken. */
export function linesOf(elements: Locator): Promise<Record<string, number>> {
  return elements.evaluateAll((all) =>
    Object.fromEntries(all.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set(
        [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
      );
      return [element.textContent!.trim(), tops.size];
    }))
  );
}

/** What the element's animation, by its keyframes in the page's stylesheets, changes ("opacity", "transform"). */
export function animatedOf(element: Locator): Promise<string[]> {
  return element.evaluate((e) => {
    const name = getComputedStyle(e).animationName;
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
    const frames = rules.find((r): r is CSSKeyframesRule => r instanceof CSSKeyframesRule && r.name === name);
    const changed = [...frames?.cssRules ?? []].flatMap((f) => [...(f as CSSKeyframeRule).style]);
    return [...new Set(changed)].sort();
  });
}

/** The contrast ratio (WCAG) of the body's text on the page's background, and the background's luminance. */
export function bodyContrast(page: Page): Promise<{ ratio: number; background: number }> {
  return page.evaluate(() => {
    const luminance = (color: string) => {
      const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const text = luminance(getComputedStyle(document.body).color);
    const background = luminance(getComputedStyle(document.documentElement).backgroundColor);
    const [light, dark] = text > background ? [text, background] : [background, text];
    return { ratio: (light + 0.05) / (dark + 0.05), background };
  });
}
