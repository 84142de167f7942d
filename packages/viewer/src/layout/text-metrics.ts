/**
 * Average advance widths (px per character) of the page's 13 px bold state names and 11 px details and
 * labels. The layout sizes boxes with them and the page cuts text to the same measure, so text fits its box.
 */
export const TEXT_METRICS = { nameChar: 7.6, smallChar: 6.4 } as const;
