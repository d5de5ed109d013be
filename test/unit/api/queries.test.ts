import * as assert from 'node:assert/strict';
import { pullRequestSearchQuery, repositorySearchQuery } from '../../../src/api/queries';

describe('search query builders', () => {
  it('joins keywords and repository qualifiers with spaces', () => {
    assert.equal(repositorySearchQuery({ keywords: 'example', includeForks: true, user: 'john-diggle' }), 'example fork:true user:john-diggle');
  });

  it('leaves out what was not asked for', () => {
    assert.equal(repositorySearchQuery({}), '');
    assert.equal(repositorySearchQuery({ keywords: '  two   words ', includeForks: false }), 'two words');
  });

  it('defaults pull requests to open and sends no state for "all"', () => {
    assert.equal(pullRequestSearchQuery({ repo: 'o/r' }), 'is:open repo:o/r');
    assert.equal(pullRequestSearchQuery({ repo: 'o/r', state: 'closed' }), 'is:closed repo:o/r');
    assert.equal(pullRequestSearchQuery({ repo: 'o/r', state: 'all' }), 'repo:o/r');
  });

  it('refuses a qualifier value with a space, which would silently become a keyword', () => {
    assert.throws(() => repositorySearchQuery({ user: 'two words' }), RangeError);
  });
});
