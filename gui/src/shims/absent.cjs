// Stands in for the XML and JSON-path libraries behind adaptive-expressions' xml(), xPath() and
// jPath() functions, which card templates do not use (vite.config.ts aliases them here): they
// would add a sixth to the card renderer's chunk. Those functions fail in a card.
module.exports = {};
