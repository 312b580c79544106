import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, hydrated, setupBrowser } from './fixtures';

const browser = setupBrowser();
const TOUR = 'life-of-a-stored-message';

/** The step number in the address, the highlighted lines and the range the toolbar announces. */
async function stepState(page: Page) {
  const step = Number(new URL(page.url()).pathname.split('/').pop());
  const announced = await page.locator('.tour-code .code-toolbar .muted').innerText();
  const match = /lines (\d+)–(\d+)/.exec(announced);
  const highlighted = await page.locator('.step-code .line.sel .ln').allInnerTexts();
  return { step, from: Number(match?.[1]), to: Number(match?.[2]), highlighted: highlighted.map(Number) };
}

describe('tours', () => {
  it('a tour goes from its first step to Finish with the arrow keys, and back', async () => {
    const page = await browser.page();
    const response = await page.goto(`/tours/${TOUR}/1`);
    expect(response?.status()).toBe(200);
    const steps = await page.locator('ol.tour-steps li').count();
    expect(steps).toBeGreaterThan(2);
    expect(await page.getByText(`Step 1 of ${steps}`).count()).toBe(1);

    for (let step = 1; step <= steps; step++) {
      await eventually(() => new URL(page.url()).pathname).toBe(`/tours/${TOUR}/${step}`);
      await eventually(() => page.getByText(`Step ${step} of ${steps}`).count(), `step ${step} rendered`).toBe(1);
      const state = await stepState(page);
      expect(state.highlighted.length, `step ${step} highlights lines`).toBeGreaterThan(0);
      expect(state.highlighted, `step ${step} highlights exactly the lines it names`).toEqual(Array.from({ length: state.to - state.from + 1 }, (_, i) => state.from + i));
      expect(await page.locator('ol.tour-steps li[aria-current="step"]').innerText()).toBe(await page.locator('#step-title').innerText());
      const finish = page.getByRole('link', { name: 'Finish' });
      const next = page.getByRole('link', { name: 'Next →' });
      if (step < steps) {
        expect(await finish.count(), `no Finish before the last step (${step})`).toBe(0);
        expect(await next.count()).toBe(1);
        await hydrated(page);
        await page.keyboard.press('ArrowRight');
      } else {
        expect(await finish.count(), 'the last step has Finish').toBe(1);
        expect(await next.count()).toBe(0);
        expect(await finish.getAttribute('href')).toBe('/tours');
      }
    }

    // ArrowRight on the last step stays there; ArrowLeft goes back one step.
    await hydrated(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(`/tours/${TOUR}/${steps}`);
    await page.keyboard.press('ArrowLeft');
    await eventually(() => new URL(page.url()).pathname).toBe(`/tours/${TOUR}/${steps - 1}`);
    await eventually(() => page.getByText(`Step ${steps - 1} of ${steps}`).count()).toBe(1);
    expect((await stepState(page)).highlighted.length).toBeGreaterThan(0);
  });
});
