// Checks of the two app icons that Teams requires but the manifest schema cannot see: their pixel
// sizes, and that the outline icon is white on a transparent background.
import { PNG } from 'pngjs';
import type { PackageProblem } from './package-problem';

export interface IconFile {
  /** The name as the manifest gives it, used as the problem's path. */
  readonly name: string;
  readonly data: Buffer;
}

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/**
 * Share of outline pixels that must be fully transparent. Teams draws the outline icon over its own
 * coloured tiles; an icon without a transparent background shows up as a white block.
 */
const MIN_TRANSPARENT_SHARE = 0.1;

type Decoded = { readonly png: PNG } | { readonly problem: PackageProblem };

function decode(icon: IconFile, size: number): Decoded {
  let png: PNG;
  try {
    png = PNG.sync.read(icon.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { path: icon.name, message: `not a readable PNG file (${reason})` } };
  }
  if (png.width !== size || png.height !== size) {
    return {
      problem: {
        path: icon.name,
        message: `expected ${size}×${size} pixels, got ${png.width}×${png.height}`,
      },
    };
  }
  return { png };
}

/** The full-colour icon: a PNG of 192×192 pixels; any colours. */
export function validateColorIcon(icon: IconFile): PackageProblem[] {
  const decoded = decode(icon, COLOR_ICON_SIZE);
  return 'problem' in decoded ? [decoded.problem] : [];
}

/** The outline icon: 32×32, every visible pixel pure white, and a transparent background. */
export function validateOutlineIcon(icon: IconFile): PackageProblem[] {
  const decoded = decode(icon, OUTLINE_ICON_SIZE);
  if ('problem' in decoded) return [decoded.problem];
  const { png } = decoded;
  const problems: PackageProblem[] = [];
  let transparent = 0;
  let coloured = 0;
  let firstColoured: string | undefined;
  for (let index = 0; index < png.width * png.height; index++) {
    const offset = index * 4;
    const [r, g, b, alpha] = [0, 1, 2, 3].map((channel) => png.data[offset + channel] ?? 0);
    if (alpha === 0) {
      transparent++;
    } else if (r !== 255 || g !== 255 || b !== 255) {
      coloured++;
      firstColoured ??= `(${index % png.width}, ${Math.floor(index / png.width)}) is rgba(${r}, ${g}, ${b}, ${alpha})`;
    }
  }
  const total = png.width * png.height;
  if (coloured > 0) {
    problems.push({
      path: icon.name,
      message: `only white pixels are allowed (with any transparency), found ${coloured} other: pixel ${firstColoured}`,
    });
  }
  if (transparent < total * MIN_TRANSPARENT_SHARE) {
    problems.push({
      path: icon.name,
      message: `expected a transparent background, found only ${transparent} of ${total} pixels fully transparent`,
    });
  }
  if (transparent === total) {
    problems.push({ path: icon.name, message: 'is fully transparent: nothing would be visible' });
  }
  return problems;
}
