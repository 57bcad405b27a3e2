import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, mdText } from '../../server/src/features/markdown';
import { seededRandom } from '../helpers/random';

/** Names from the files in Markdown: shown as written, read as nothing but text. */

test('ordinary names, host names and addresses read the same in the Markdown source', () => {
  for (const s of ['BOS-EX01', 'bos-ex01.boston.contoso.com', 'Default SMTP Virtual Server', '10.0.0.1', 'North America'])
    assert.equal(mdText(s), s);
});

test('links, images, command links, HTML, code and emphasis are escaped', () => {
  assert.equal(mdText('[run](command:x)'), '\\[run\\]\\(command\\:x\\)');
  assert.equal(mdText('![x](https://e.example/x.png)'), '\\!\\[x\\]\\(https\\://e.example/x.png\\)');
  assert.equal(mdText('<b>&amp;</b>'), '\\<b\\>\\&amp;\\</b\\>');
  assert.equal(mdText('`code` *em* _em_ ~~s~~ a|b'), '\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ a\\|b');
  assert.equal(mdText('back\\slash'), 'back\\\\slash');
});

test('bare URLs, www. and e-mail addresses are not linked', () => {
  assert.equal(mdText('see https://e.example'), 'see https\\://e.example');
  assert.equal(mdText('www.e.example'), 'www\\.e.example');
  assert.equal(mdText('WWW.E.EXAMPLE'), 'WWW\\.E.EXAMPLE');
  assert.equal(mdText('postmaster@contoso.com'), 'postmaster\\@contoso.com');
});

test('a name cannot start a list, a heading or a block of its own', () => {
  assert.equal(mdText('- item'), '\\- item');
  assert.equal(mdText('+ item'), '\\+ item');
  assert.equal(mdText('1. item'), '1\\. item');
  assert.equal(mdText('2) item'), '2\\) item');
  assert.equal(mdText('# heading'), '\\# heading');
  assert.equal(mdText('one\ntwo\r\nthree\u2028four'), 'one two three four');
});

test('a text returned as it is would not have been changed by the escaping (seeded random texts)', () => {
  const rand = seededRandom(11);
  const pieces = ['a', 'Z', '0', '7', ' ', '\t', '-', '.', ')', 'www', 'WwW', '.', ':', '@', '[', '`', '*', '\n', '\u2028', 'é', '#', '\\'];
  let unchanged = 0;
  for (let i = 0; i < 20000; i++) {
    let s = '';
    const n = 1 + Math.floor(rand() * 8);
    for (let j = 0; j < n; j++) s += pieces[Math.floor(rand() * pieces.length)];
    assert.equal(mdText(s), escapeMarkdown(s), JSON.stringify(s));
    if (escapeMarkdown(s) === s) unchanged++;
  }
  assert.ok(unchanged > 1000, `only ${unchanged} texts needed no escaping`);
});
