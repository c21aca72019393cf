// What adaptive-expressions (the card renderer's expression engine) needs of Node's `os`.
export const EOL = "\n";
export default { EOL };
