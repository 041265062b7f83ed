// Answers vscode-markdown-languageserver's `markdown/parse` requests for the agentls bench
// harness: one JSON line in ({"text": "..."}), one JSON line out (markdown-it 14 tokens, as
// VS Code's markdown extension returns them). NODE_PATH must point at the node_modules that
// holds markdown-it (the harness sets it to target/bench-peers/npm/node_modules).
'use strict';
const MarkdownIt = require('markdown-it');
const readline = require('readline');
const md = new MarkdownIt({ html: true });
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  let tokens;
  try {
    const { text } = JSON.parse(line);
    tokens = md.parse(text, {});
  } catch (e) {
    tokens = [];
  }
  process.stdout.write(JSON.stringify(tokens) + '\n');
});
