// corpus8 shares this part of corpus7's machinery unchanged (tests/support/corpus7/writer.ts); what corpus8 changes is its
// lexicon and its composer (lexicon.ts, compose.ts).
export * from "../corpus7/writer";
