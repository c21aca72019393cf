// What the card renderer's expression engine (antlr4ts, adaptive-expressions) needs of Node's
// `assert`, for the browser (vite.config.ts aliases "assert" here). CommonJS, because they
// call what require("assert") returns.
function assert(value, message) {
  if (!value) throw new Error(message || "assertion failed");
}
assert.ok = assert;
module.exports = assert;
