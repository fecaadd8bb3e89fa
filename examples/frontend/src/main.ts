// The example a front-end team starts from, run against a real host in CI:
//   node dist/main.js <graphql url> <agent token> <supervisor token> <IROC token>
// It acknowledges the Rules of Behavior, pages the IROC feed with cursors, drafts a SIR with a typed payload error
// and then without, takes it through review and submission, and receives it on a reportSubmitted subscription.
// Closes with `frontend: N passed, M failed`.
import { senGraphClient, type SenGraphClient } from './client.js';
import { Acknowledge, Approve, DraftSir, FeedPage, RequestReview, RulesVersion, Submit, Submitted } from './operations.js';

const [url, agentToken, supervisorToken, irocToken] = process.argv.slice(2);
if (!url || !agentToken || !supervisorToken || !irocToken) {
  console.error('usage: node dist/main.js <graphql url> <agent token> <supervisor token> <IROC token>');
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail?: unknown): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

const agent = senGraphClient(url, agentToken);
const supervisor = senGraphClient(url, supervisorToken);
const iroc = senGraphClient(url, irocToken);

async function acknowledge(user: SenGraphClient, name: string): Promise<void> {
  const rules = await user.client.query(RulesVersion, {}).toPromise();
  const version = rules.data?.me.rulesOfBehavior.version ?? '';
  const done = await user.client.mutation(Acknowledge, { version }).toPromise();
  check(`${name} acknowledges the Rules of Behavior ${version}`, done.data?.acknowledgeRulesOfBehavior.rulesOfBehavior.acknowledged === true, done.error ?? done.data);
}

try {
  await acknowledge(agent, 'the agent');
  await acknowledge(supervisor, 'the supervisor');
  await acknowledge(iroc, 'the IROC analyst');

  // Cursor paging: two pages of the IROC feed, the second after the first's endCursor; no report twice.
  const first = await iroc.client.query(FeedPage, { first: 3 }).toPromise();
  const page1 = first.data?.irocFeed;
  check('the IROC feed answers a first page of 3 with a cursor', (page1?.nodes?.length ?? 0) === 3 && !!page1?.pageInfo.endCursor, first.error ?? page1);
  const second = await iroc.client.query(FeedPage, { first: 3, after: page1?.pageInfo.endCursor ?? null }).toPromise();
  const page2 = second.data?.irocFeed;
  const seen = new Set((page1?.nodes ?? []).map((n) => n.id));
  check('the page after the cursor holds other reports', (page2?.nodes?.length ?? 0) > 0 && (page2?.nodes ?? []).every((n) => !seen.has(n.id)), second.error ?? page2);

  // Live: the IROC analyst subscribes before the agent submits.
  const delivered = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reportSubmitted event within 30 s')), 30_000);
    const { unsubscribe } = iroc.client.subscription(Submitted, {}).subscribe((event) => {
      if (event.data) {
        clearTimeout(timer);
        unsubscribe();
        resolve(event.data.reportSubmitted.id);
      }
    });
  });

  // A typed payload error: a title over 200 characters, reported at its path.
  const tooLong = await agent.client.mutation(DraftSir, {
    input: { title: 'x'.repeat(201), category: 'SIGNIFICANT_ARREST', eventAt: new Date().toISOString(), eventState: 'NY' },
  }).toPromise();
  const titleError = tooLong.data?.createSir.errors.find((e) => e.path.join('.') === 'input.title');
  check('a draft with a 201-character title is refused with a typed error at input.title', !!titleError && !tooLong.data?.createSir.sir, tooLong.error?.message ?? tooLong.data);

  const draft = await agent.client.mutation(DraftSir, {
    input: {
      title: 'Front-end example: significant arrest', category: 'SIGNIFICANT_ARREST', eventAt: new Date().toISOString(), eventState: 'NY',
      people: [{ role: 'SUSPECT', firstName: 'Example', lastName: 'Person' }],
    },
  }).toPromise();
  const sir = draft.data?.createSir.sir;
  check('the agent drafts a SIR', !!sir && draft.data?.createSir.errors.length === 0, draft.error ?? draft.data);
  if (!sir) throw new Error('no draft');

  const asked = await agent.client.mutation(RequestReview, { id: sir.id, version: sir.version }).toPromise();
  const pending = asked.data?.requestReportReview.report;
  check('the agent asks for review', pending?.status === 'PENDING_REVIEW', asked.error ?? asked.data);
  const approved = await supervisor.client.mutation(Approve, { id: sir.id, version: pending?.version ?? 0 }).toPromise();
  const ready = approved.data?.approveReport.report;
  check('the supervisor approves', !!ready && approved.data?.approveReport.errors.length === 0, approved.error ?? approved.data);
  const stale = await agent.client.mutation(Submit, { id: sir.id, version: sir.version }).toPromise();
  check('a stale version is a typed CONFLICT', stale.data?.submitReport.errors.some((e) => e.code === 'CONFLICT') === true, stale.error ?? stale.data);
  const submitted = await agent.client.mutation(Submit, { id: sir.id, version: ready?.version ?? 0 }).toPromise();
  const report = submitted.data?.submitReport.report;
  check('the agent submits it and it is numbered', report?.status === 'SUBMITTED' && /^SIR-FY\d{4}-\d{6}$/.test(report.number ?? ''), submitted.error ?? submitted.data);

  const liveId = await delivered.catch((e: Error) => e.message);
  check('the IROC analyst receives it on reportSubmitted (graphql-ws)', liveId === sir.id, liveId);
} catch (e) {
  check('the example ran to the end', false, e instanceof Error ? e.message : String(e));
} finally {
  await Promise.all([agent.sockets.dispose(), supervisor.sockets.dispose(), iroc.sockets.dispose()]);
}

console.log(`frontend: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
