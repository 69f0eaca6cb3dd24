// corpus8 shares this part of corpus7's machinery unchanged (tests/support/corpus7/decoys.ts); what corpus8 changes is its
// lexicon and its composer (lexicon.ts, compose.ts).
export * from "../corpus7/decoys";
