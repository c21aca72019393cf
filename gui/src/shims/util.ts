// What the card renderer's expression engine (adaptive-expressions, antlr4ts) needs of Node's
// `util`, for the browser (vite.config.ts aliases "util" here).
export const inspect = Object.assign((v: unknown) => String(v), { custom: Symbol.for("nodejs.util.inspect.custom") });
const encoder = globalThis.TextEncoder;
const decoder = globalThis.TextDecoder;
export { encoder as TextEncoder, decoder as TextDecoder };
export default { TextEncoder: encoder, TextDecoder: decoder, inspect };
