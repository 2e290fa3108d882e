// Opens the manager's web console in Debian's headless Chromium, checks that the topology shows
// the seed's VMs and DLR, runs a traceflow from the page and reads the hops it draws, and saves a
// screenshot. Prints one JSON line with what it saw; exits non-zero on any failure.
//   node console-check.mjs <console url> <screenshot path> <vm name> <vm name> <dlr id> <destination ip>
import { chromium } from 'playwright-core';

const [url, screenshot, vmA, vmB, dlr, destination] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  // The machine's network is closed: keep Chromium from reaching out at every start.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('[data-testid=status][data-loaded=true]', { timeout: 20000 });
  await page.waitForSelector(`svg[data-testid=topology] [data-vm="${vmA}"]`, { timeout: 20000 });
  await page.waitForSelector(`svg[data-testid=topology] [data-vm="${vmB}"]`, { timeout: 20000 });
  await page.waitForSelector(`svg[data-testid=topology] [data-dlr="${dlr}"]`, { timeout: 20000 });
  const controllers = await page.locator('[data-testid=controllers] tr').count();

  const source = await page.locator('[data-testid=tf-source] option', { hasText: vmA }).first().getAttribute('value');
  await page.selectOption('[data-testid=tf-source]', source);
  await page.fill('[data-testid=tf-dst]', destination);
  await page.click('[data-testid=tf-run]');
  await page.waitForSelector('[data-testid=tf-verdict]', { timeout: 20000 });
  const verdict = await page.textContent('[data-testid=tf-verdict]');
  const hops = await page.locator('svg[data-testid=tf-path] [data-hop]').count();
  const lastHop = await page.locator('[data-testid=tf-hops] tr').last().innerText();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ verdict, hops, lastHop, controllers: controllers - 1, errors }));
} finally {
  await browser.close();
}
