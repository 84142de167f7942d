/** An open container while scanning: an object (the keys seen, the current key) or an array (the current index). */
type Frame =
  | { readonly kind: 'object'; readonly keys: Set<string>; key: string | undefined }
  | { readonly kind: 'array'; index: number };

/**
 * Every key that repeats a key of the same object in `text` (JSON that `JSON.parse` accepts, which keeps the last
 * value silently), with the path (pointer segments) of the repetition. Iterative: nesting depth is unbounded.
 */
export function duplicateKeys(text: string): (readonly (string | number)[])[] {
  const found: (string | number)[][] = [];
  const frames: Frame[] = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      const top = frames.at(-1);
      if (expectKey && top?.kind === 'object') {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) found.push([...pathOf(frames), key]);
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      frames.push({ kind: 'object', keys: new Set(), key: undefined });
      expectKey = true;
      i++;
    } else if (c === '[') {
      frames.push({ kind: 'array', index: 0 });
      i++;
    } else if (c === '}' || c === ']') {
      frames.pop();
      expectKey = false;
      i++;
    } else if (c === ',') {
      const top = frames.at(-1);
      if (top?.kind === 'array') top.index++;
      else expectKey = true;
      i++;
    } else {
      i++;
    }
  }
  return found;
}

/** The offset just past the string literal that starts at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The pointer segments of the containers around the current position (without the innermost object's key). */
function pathOf(frames: readonly Frame[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f = 0; f < frames.length - 1; f++) {
    const frame = frames[f] as Frame;
    path.push(frame.kind === 'object' ? (frame.key ?? '') : frame.index);
  }
  return path;
}
