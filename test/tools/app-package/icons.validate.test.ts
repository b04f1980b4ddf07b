import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { validateColorIcon, validateOutlineIcon } from '../../../tools/app-package/icons.validate';
import { formatProblem } from '../../../tools/app-package/package-problem';
import { drawColorIcon, drawOutlineIcon } from '../../../tools/draw-icons';
import { APP_PACKAGE_DIR } from './fixtures';

const committed = (name: string) => readFileSync(path.join(APP_PACKAGE_DIR, name));

/** A square PNG filled with one RGBA colour, with an optional painter for some pixels. */
function png(size: number, rgba: [number, number, number, number], paint?: (image: PNG) => void) {
  const image = new PNG({ width: size, height: size });
  for (let offset = 0; offset < image.data.length; offset += 4) image.data.set(rgba, offset);
  paint?.(image);
  return PNG.sync.write(image);
}

describe('the committed icons', () => {
  it('pass the checks', () => {
    expect(validateColorIcon({ name: 'color.png', data: committed('color.png') })).toEqual([]);
    expect(validateOutlineIcon({ name: 'outline.png', data: committed('outline.png') })).toEqual(
      [],
    );
  });

  it('are what tools/draw-icons draws, so the PNGs and their source cannot drift apart', () => {
    expect(
      PNG.sync.read(drawColorIcon()).data.equals(PNG.sync.read(committed('color.png')).data),
    ).toBe(true);
    expect(
      PNG.sync.read(drawOutlineIcon()).data.equals(PNG.sync.read(committed('outline.png')).data),
    ).toBe(true);
  });

  it('have a full-colour background and a transparent outline', () => {
    const color = PNG.sync.read(committed('color.png'));
    expect([...color.data.subarray(0, 4)]).toEqual([0x0f, 0x6c, 0xbd, 255]);
    const outline = PNG.sync.read(committed('outline.png'));
    expect(outline.data[3]).toBe(0);
  });
});

describe('a broken icon fails with the file name', () => {
  it('a colour icon of the wrong size', () => {
    const problems = validateColorIcon({ name: 'color.png', data: png(32, [0, 0, 255, 255]) });
    expect(problems.map(formatProblem)).toEqual(['color.png: expected 192×192 pixels, got 32×32']);
  });

  it('an outline icon of the wrong size', () => {
    const problems = validateOutlineIcon({ name: 'outline.png', data: committed('color.png') });
    expect(problems.map(formatProblem)).toEqual([
      'outline.png: expected 32×32 pixels, got 192×192',
    ]);
  });

  it('an outline icon without a transparent background', () => {
    const problems = validateOutlineIcon({
      name: 'outline.png',
      data: png(32, [255, 255, 255, 255]),
    });
    expect(problems.map(formatProblem)).toEqual([
      'outline.png: expected a transparent background, found only 0 of 1024 pixels fully transparent',
    ]);
  });

  it('an outline icon with a pixel that is not white', () => {
    const data = png(32, [255, 255, 255, 0], (image) => {
      image.data.set([255, 255, 255, 255], (4 * 32 + 4) * 4);
      image.data.set([200, 30, 30, 128], (5 * 32 + 7) * 4);
    });
    expect(validateOutlineIcon({ name: 'outline.png', data }).map(formatProblem)).toEqual([
      'outline.png: only white pixels are allowed (with any transparency), found 1 other: pixel (7, 5) is rgba(200, 30, 30, 128)',
    ]);
  });

  it('an outline icon with nothing visible', () => {
    const problems = validateOutlineIcon({
      name: 'outline.png',
      data: png(32, [255, 255, 255, 0]),
    });
    expect(problems.map(formatProblem)).toEqual([
      'outline.png: is fully transparent: nothing would be visible',
    ]);
  });

  it('a file that is not a PNG', () => {
    const problems = validateColorIcon({ name: 'color.png', data: Buffer.from('GIF89a') });
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^color\.png: not a readable PNG file \(.+\)$/);
  });
});
