// WCAG 2.2's contrast ratio, for the browser test's colour checks. The checks that run in the
// page (drawingContrasts in page_checks.mjs, panelColours in panel_checks.mjs) each stand alone,
// so they report the colours as the page computes them (getComputedStyle's "rgb(r, g, b)") and the
// ratio is worked out here, in Node, the one place that does it.

// A computed colour's red, green and blue, from 0 to 255. A see-through colour is refused: its
// contrast depends on whatever lies behind it, which the pair of colours does not say.
function channels(colour) {
  const parts = String(colour).match(/[\d.]+/g)?.map(Number) ?? [];
  if (parts.length < 3) throw new Error(`not a colour the contrast check can read: ${colour}`);
  if (parts.length === 4 && parts[3] !== 1) throw new Error(`a see-through colour: ${colour}`);
  return parts.slice(0, 3);
}

// The relative luminance of a colour, as WCAG 2.2 defines it for sRGB.
function luminance(colour) {
  const [r, g, b] = channels(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// The contrast of two colours, from 1 (none) to 21 (black on white); WCAG's AA asks 4.5 for text
// and 3 for lines and shapes.
export function contrastRatio(ink, background) {
  const [light, dark] = [luminance(ink), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

// The lowest contrast for words and for graphics among pairs of { kind: "text" | "graphic", what,
// ink, background }, as an in-page check reports them, each with its pair.
export function lowestContrasts(pairs) {
  const lowest = { text: { ratio: Infinity }, graphic: { ratio: Infinity } };
  for (const pair of pairs) {
    const ratio = contrastRatio(pair.ink, pair.background);
    if (ratio < lowest[pair.kind].ratio) lowest[pair.kind] = { ...pair, ratio };
  }
  return lowest;
}
