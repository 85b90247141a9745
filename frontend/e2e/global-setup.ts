import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    wsEndpoint: string;
    baseURL: string;
  }
}

const baseURL = (process.env.FLOWCARE_E2E_URL ?? 'http://127.0.0.1:18080').replace(/\/$/, '');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function assertServerUp() {
  const hint = `flowcare server is not reachable at ${baseURL} (FLOWCARE_E2E_URL); start it with make run / make test`;
  let res: Response;
  try {
    res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(5000) });
  } catch (e) {
    throw new Error(`${hint}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new Error(`${hint}: /healthz answered ${res.status}`);
  const page = await fetch(`${baseURL}/`, { signal: AbortSignal.timeout(5000) });
  const html = await page.text();
  if (!html.includes('id="root"')) {
    throw new Error(`${baseURL}/ does not serve the web app; build it (npm run build) before the server embeds it`);
  }
}

// One browser for the whole run; tests connect to it and open their own contexts.
export default async function setup(project: TestProject) {
  await assertServerUp();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; install Debian's chromium package or set CHROMIUM_PATH`);
  }
  const server = await chromium.launchServer({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  project.provide('wsEndpoint', server.wsEndpoint());
  project.provide('baseURL', baseURL);
  return async () => {
    await server.close();
  };
}
