// Banana Cake Pop as an analyst uses it, in Debian's Chromium: open /graphql, wait for "Schema available", set a
// Bearer token from the `token` command in the IDE's own connection settings, acknowledge the Rules of Behavior
// and query the IROC feed with the Run button, then run a subscription that must receive a report another
// client submits. Screenshots go to the artifacts folder. Fails on any page error, console error or empty result.
//
//   node tests/smoke/banana-cake-pop.mjs URL ARTIFACTS_DIR
//
// Closes with `bcp: N passed, M failed`; exits 1 on any failure.
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [url, artifacts = path.join(root, 'artifacts', 'bcp')] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
  return ok;
}

/** A token as the README prints one. */
function token(user, roles, office) {
  const out = execFileSync('dotnet', ['run', '--project', 'host/SenGraph.Host', '--', 'token', '--user', user, '--roles', roles, '--office', office],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

async function post(query, variables, bearer) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const problems = [];
const graphqlResponses = [];
const frames = [];
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  // The answers to the operations typed in (the IDE also sends its own introspection queries).
  page.on('response', async r => {
    const body = r.request().postData() ?? '';
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/graphql' && !body.includes('__schema') && !body.includes('__type')) {
      try { graphqlResponses.push(await r.json()); } catch { graphqlResponses.push(null); }
    }
  });
  page.on('websocket', ws => ws.on('framereceived', f => frames.push(String(f.payload))));

  const iris = token('iris', 'IROC Staff', 'IROC-HQ');
  const ed = token('ed', 'Agent', 'FOD-NYC');

  await page.goto(`${url}/graphql`);
  await page.getByRole('button', { name: 'Create Document' }).click();
  const schema = await page.getByText('Schema available').first().waitFor({ timeout: 60_000 }).then(() => true, () => false);
  check('Banana Cake Pop opens /graphql and says "Schema available"', schema);
  await page.screenshot({ path: path.join(artifacts, '1-schema-available.png') });

  await page.getByRole('button', { name: 'Connection Settings' }).click();
  await page.getByText('Authorization', { exact: true }).first().click();
  await page.locator('select').first().selectOption('bearer');
  await page.getByPlaceholder('Enter a token here').fill(iris);
  await page.screenshot({ path: path.join(artifacts, '2-bearer-token.png') });
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForTimeout(1000);

  /** Replaces the operation (select all, then insert: deleting first trips an error in the IDE's editor) and presses Run. */
  // The three operations are typed once into the empty editor (replacing text in it trips an error in the IDE's
  // own editor now and then), each on its own line; Run runs the operation under the cursor.
  const operations = [
    'mutation Acknowledge { acknowledgeRulesOfBehavior(input: { version: "ICE-ROB-2026.1" }) { rulesOfBehavior { acknowledged } errors { code message } } }',
    'query Feed { irocFeed(first: 3) { totalCount nodes { number title submittedAt } } }',
    'subscription Live { reportSubmitted { number title } }',
  ];
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.insertText(operations.join('\n\n'));
  // Wait until the editor has laid the text out: a Run pressed before then sends an empty operation.
  await page.locator('.monaco-editor .view-line').nth(4).getByText('subscription Live').waitFor({ timeout: 30_000 });
  async function run(index) {
    await page.locator('.monaco-editor .view-line').nth(index * 2).click();
    await page.getByRole('button', { name: /^Run Operation/ }).click();
  }
  async function nextResponse(count) {
    const deadline = Date.now() + 30_000;
    while (graphqlResponses.length < count && Date.now() < deadline) await page.waitForTimeout(100);
    return graphqlResponses[count - 1];
  }
  /**
   * Runs operation <index> and returns its answer. On a loaded machine the IDE now and then sends the operation under
   * the cursor before its editor has caught up with the click: an empty document, which the server rightly refuses
   * ("The request has no 'query'."). That Run is pressed again (at most twice); any other answer is returned as it is.
   */
  async function runAndAnswer(index) {
    let answer;
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = graphqlResponses.length;
      await run(index);
      answer = await nextResponse(before + 1);
      if (answer?.errors?.[0]?.extensions?.code !== 'INVALID_REQUEST') return answer;
      await page.waitForTimeout(1000);
    }
    return answer;
  }

  const acknowledged = await runAndAnswer(0);
  check('Run: the Rules of Behavior acknowledged with the token from the IDE settings',
    acknowledged?.data?.acknowledgeRulesOfBehavior?.rulesOfBehavior?.acknowledged === true, JSON.stringify(acknowledged));

  const feed = await runAndAnswer(1);
  const nodes = feed?.data?.irocFeed?.nodes ?? [];
  check('Run: the IROC feed answers with demo reports', !feed?.errors && nodes.length > 0, JSON.stringify(feed));
  const shown = nodes.length > 0 && await page.getByText(nodes[0].number).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
  check('the Response pane shows the first report of the feed', shown);
  await page.screenshot({ path: path.join(artifacts, '3-iroc-feed.png') });

  await run(2);
  const subscribed = await (async () => {
    const deadline = Date.now() + 30_000;
    while (!frames.some(f => f.includes('connection_ack')) && Date.now() < deadline) await page.waitForTimeout(100);
    return frames.some(f => f.includes('connection_ack'));
  })();
  check('Run: the subscription connects over the WebSocket', subscribed, frames.join(' | '));

  // Another client: ed (FOD-NYC, where review is optional) drafts and submits a SIR.
  const title = `Seen live in Banana Cake Pop ${Date.now()}`;
  await post('mutation { acknowledgeRulesOfBehavior(input: { version: "ICE-ROB-2026.1" }) { errors { code } } }', {}, ed);
  // The subscription is registered once the server has acknowledged it; give it the next submission until one arrives.
  let delivered = false;
  for (let attempt = 0; attempt < 5 && !delivered; attempt++) {
    const draft = await post(`mutation { createSir(input: { title: "${title}", category: OTHER, eventState: "NY" }) { sir { id version } errors { code message } } }`, {}, ed);
    const sir = draft?.data?.createSir?.sir;
    await post('mutation S($id: ID!, $v: Int!) { submitReport(input: { id: $id, expectedVersion: $v }) { errors { code message } } }', { id: sir?.id, v: sir?.version }, ed);
    delivered = await page.getByText(title).first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
  }
  check('the subscription receives a report another client submits, shown in the Response pane',
    delivered && frames.some(f => f.includes('"next"') && f.includes(title)), frames.slice(-3).join(' | '));
  await page.screenshot({ path: path.join(artifacts, '4-subscription.png') });

  check('no page error or console error in the IDE', problems.length === 0, problems.join('\n     '));
} catch (e) {
  check('Banana Cake Pop run', false, e.stack ?? String(e));
} finally {
  await browser.close();
}

console.log(`bcp: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
