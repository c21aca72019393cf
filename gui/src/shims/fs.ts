// antlr4ts names Node's `fs` in a part the card renderer never runs.
export default {};
