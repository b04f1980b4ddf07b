/**
 * Draws the Teams app icons (appPackage/color.png 192×192 and appPackage/outline.png 32×32) from
 * geometry, so the artwork can be reviewed and regenerated instead of being an opaque binary.
 * Usage: npm run icons, or node build/tools/draw-icons.js [output folder, default appPackage]
 *
 * The glyph is a shield (the secured virtual network) holding a small network: a hub linked to three
 * nodes (the workspace and the services it must reach).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { projectPath } from '../src/paths';

type Rgb = readonly [number, number, number];
/** A point test in icon units: the icon spans 0..1 on both axes, y pointing down. */
type Shape = (x: number, y: number) => boolean;

export const ACCENT_COLOR = '#0F6CBD';
const ACCENT: Rgb = [0x0f, 0x6c, 0xbd];
const DEEP: Rgb = [0x0a, 0x3f, 0x7a];
const WHITE: Rgb = [255, 255, 255];

// Supersampling per axis: 4×4 samples per pixel give smooth edges without a vector library.
const SAMPLES = 4;

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A line segment with round caps and the given full width. */
function segment(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

function difference(outer: Shape, inner: Shape): Shape {
  return (x, y) => outer(x, y) && !inner(x, y);
}

/**
 * A shield centred on `cx`: straight sides from `top` to `shoulder`, then two circular arcs meeting
 * in a point at `bottom`. Each arc's circle is centred on the shoulder line, so the straight side
 * joins it without a kink.
 */
function shield(
  cx: number,
  top: number,
  shoulder: number,
  bottom: number,
  halfWidth: number,
): Shape {
  // Circle centred at (cx ∓ (R − halfWidth), shoulder) through (cx ± halfWidth, shoulder) and
  // (cx, bottom): (R − halfWidth)² + depth² = R² gives R.
  const depth = bottom - shoulder;
  const radius = (halfWidth * halfWidth + depth * depth) / (2 * halfWidth);
  const offset = radius - halfWidth;
  const rightSide = circle(cx - offset, shoulder, radius);
  const leftSide = circle(cx + offset, shoulder, radius);
  return (x, y) => {
    if (y < top || Math.abs(x - cx) > halfWidth) return false;
    if (y <= shoulder) return true;
    return rightSide(x, y) && leftSide(x, y);
  };
}

/** The network inside the shield: a hub at (cx, cy) and three nodes around it, with links. */
function network(cx: number, cy: number, spread: number, nodeRadius: number, linkWidth: number) {
  const nodes = [
    [cx, cy - spread],
    [cx - spread * 0.87, cy + spread * 0.5],
    [cx + spread * 0.87, cy + spread * 0.5],
  ] as const;
  const links = nodes.map(([x, y]) => segment(cx, cy, x, y, linkWidth));
  const dots = nodes.map(([x, y]) => circle(x, y, nodeRadius));
  return union(...links, ...dots, circle(cx, cy, nodeRadius * 1.25));
}

/** Paints layers back to front; each layer is a shape and a colour. Returns straight-alpha RGBA. */
function render(size: number, layers: ReadonlyArray<readonly [Shape, Rgb]>): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let color: Rgb | undefined;
          for (const [shape, layerColor] of layers) if (shape(x, y)) color = layerColor;
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      // Transparent pixels are stored as white so an outline icon holds no other colour at all.
      png.data[offset] = covered ? Math.round(r / covered) : 255;
      png.data[offset + 1] = covered ? Math.round(g / covered) : 255;
      png.data[offset + 2] = covered ? Math.round(b / covered) : 255;
      png.data[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return png;
}

/** 192×192 full-colour icon: white shield on the accent colour, network in the accent colours. */
export function drawColorIcon(): Buffer {
  const background: Shape = () => true;
  const body = shield(0.5, 0.21, 0.44, 0.81, 0.25);
  const rim = difference(body, shield(0.5, 0.242, 0.45, 0.765, 0.218));
  return PNG.sync.write(
    render(192, [
      [background, ACCENT],
      [body, WHITE],
      [rim, DEEP],
      [network(0.5, 0.48, 0.13, 0.042, 0.028), ACCENT],
    ]),
  );
}

/** 32×32 outline icon: the same glyph in white strokes on a fully transparent background. */
export function drawOutlineIcon(): Buffer {
  const outer = shield(0.5, 0.06, 0.36, 0.96, 0.38);
  const inner = shield(0.5, 0.06 + 0.09, 0.38, 0.96 - 0.13, 0.38 - 0.09);
  return PNG.sync.write(
    render(32, [
      [difference(outer, inner), WHITE],
      [network(0.5, 0.45, 0.16, 0.06, 0.055), WHITE],
    ]),
  );
}

function main(): void {
  const outDir = process.argv[2] ?? projectPath('appPackage');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(outDir, 'outline.png'), drawOutlineIcon());
  console.log(`wrote color.png (192×192) and outline.png (32×32) to ${outDir}`);
}

if (require.main === module) main();
