/**
 * The fault matrix as a person meets it in the tree: for each fault on a background load (an
 * integration's organizations), the error node that takes the children's place, its words and its
 * action (Retry; Sign In when the account is refused; Refresh the List when the integration is gone). Printed as a table (fault, expected, seen) like the API-level matrix of the unit suite.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { faults, type Fault, type FakeScalingoApi } from '../fakeApi/server';
import { children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';

interface Row {
  readonly fault: string;
  readonly inject: Fault;
  /** What the error node's label must say. */
  readonly label: RegExp;
  /** The command behind the node: Retry, or Sign In when the account itself is refused. */
  readonly action: 'scalingo.refreshNode' | 'scalingo.signIn' | 'scalingo.refresh';
}

const ROWS: readonly Row[] = [
  { fault: '400', inject: { status: 400, body: { error: 'malformed query' } }, label: /refused the request: malformed query/u, action: 'scalingo.refreshNode' },
  { fault: '401 OTP Required', inject: faults.otpRequired(), label: /two-factor authentication/u, action: 'scalingo.refreshNode' },
  { fault: '402', inject: faults.paymentRequired(), label: /suspended or its free trial has ended/u, action: 'scalingo.refreshNode' },
  { fault: '403', inject: { status: 403, body: { error: 'forbidden' } }, label: /does not allow this action/u, action: 'scalingo.refreshNode' },
  { fault: '404', inject: { status: 404, body: { resource: 'scm_integration', error: 'not found' } }, label: /may have been unlinked/u, action: 'scalingo.refresh' },
  { fault: '429 "Retry later"', inject: faults.rateLimited(), label: /limiting requests/u, action: 'scalingo.refreshNode' },
  { fault: '500 without a body', inject: faults.serverErrorWithoutBody(), label: /had a problem \(HTTP 500\)/u, action: 'scalingo.refreshNode' },
  { fault: '502 HTML page', inject: faults.htmlBadGateway(), label: /had a problem \(HTTP 502\)/u, action: 'scalingo.refreshNode' },
  { fault: 'timeout', inject: { delayMs: 2500 }, label: /took too long to answer/u, action: 'scalingo.refreshNode' },
  { fault: 'dropped connection', inject: { drop: true }, label: /Could not reach Scalingo/u, action: 'scalingo.refreshNode' },
  { fault: 'truncated JSON', inject: { truncate: true }, label: /could not read/u, action: 'scalingo.refreshNode' },
  { fault: 'wrong shape', inject: { status: 200, body: { organizations: 'none' } }, label: /could not read/u, action: 'scalingo.refreshNode' },
];

describe('tree error nodes, one per fault', () => {
  let api: FakeScalingoApi;
  const table: string[] = [];

  before(async () => {
    api = await startFakeApi();
    await vscode.workspace.getConfiguration('scalingo').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    await signIn();
  });

  after(async () => {
    console.log(`\n    Tree error nodes:\n${table.map((line) => `    ${line}`).join('\n')}`);
    await vscode.workspace.getConfiguration('scalingo').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await signOut();
    await api.close();
  });

  for (const row of ROWS) {
    it(`${row.fault} → an error node in place of the organizations`, async () => {
      const extension = await extensionApi();
      api.clearFaults();
      extension.tree.refreshAll();
      const github = await nodeAt(extension, 'GitHub');
      api.inject('orgs', row.inject);
      const nodes = await children(extension, github);
      const item = nodes[0]?.getTreeItem();
      const seen = `${labelOf(nodes[0]!)} [${item?.command?.command ?? 'no action'}]`;
      table.push(`${row.fault.padEnd(20)}  expected ${String(row.label).padEnd(48)}  seen ${seen}`);
      assert.equal(nodes.length, 1, 'siblings of an error node, or no node at all');
      assert.match(labelOf(nodes[0]!), /^Couldn't load the organizations: /u);
      assert.match(labelOf(nodes[0]!), row.label);
      assert.equal(item?.command?.command, row.action);
      assert.ok((await children(extension)).some((node) => labelOf(node) === 'GitLab'), 'the other integrations were lost');
      api.clearFaults();
    });
  }
});
