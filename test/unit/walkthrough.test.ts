import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { EXTENSION_ID } from '../../src/extensionIdentity';

interface Step {
  readonly id: string;
  readonly media: { readonly svg?: string; readonly altText?: string };
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  readonly publisher: string;
  readonly name: string;
  readonly contributes: { readonly walkthroughs: readonly { readonly steps: readonly Step[] }[] };
};
const strings = {
  en: JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>,
  fr: JSON.parse(readFileSync('package.nls.fr.json', 'utf8')) as Record<string, string>,
};
const resolve = (value: string | undefined, language: keyof typeof strings) => strings[language][/^%(.+)%$/u.exec(value ?? '')?.[1] ?? ''];
const steps = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);

describe('walkthrough', () => {
  it('shows a picture on every step, its own file per language', () => {
    for (const step of steps) {
      const english = resolve(step.media.svg, 'en');
      const french = resolve(step.media.svg, 'fr');
      assert.ok(english && existsSync(english), `${step.id}: no English picture (${english})`);
      assert.ok(french && existsSync(french), `${step.id}: no French picture (${french})`);
      assert.notEqual(readFileSync(french, 'utf8'), readFileSync(english, 'utf8'), `${step.id}: the French picture is the English one`);
      assert.ok(resolve(step.media.altText, 'en') && resolve(step.media.altText, 'fr'), `${step.id}: no alt text in both languages`);
    }
  });

  it("draws the pictures in the theme's colours, never in fixed ones", () => {
    for (const step of steps) {
      for (const language of ['en', 'fr'] as const) {
        const svg = readFileSync(resolve(step.media.svg, language), 'utf8');
        const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]*)"/gu)].map((match) => match[1]);
        const fixed = colours.filter((colour) => colour !== 'none' && !colour?.startsWith('var(--vscode-'));
        assert.deepEqual(fixed, [], `${step.id} (${language}) has fixed colours`);
        assert.ok(colours.length > 0, `${step.id} (${language}) draws nothing`);
      }
    }
  });
});

describe('extension identity', () => {
  it('is the publisher.name of package.json, which @ext: filters and the issue reporter need', () => {
    assert.equal(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
  });
});
