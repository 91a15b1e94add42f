package com.exchangesync.testbed.salesforce;

/**
 * One token of a SOQL query: its kind, its text as written (for a string, the
 * unescaped value), and where it starts.
 */
record SoqlToken(Kind kind, String text, int offset) {

  /** Token kinds. */
  enum Kind { IDENT, STRING, NUMBER, DATE, DATETIME, SYMBOL, EOF }

  /** Whether this is the keyword or identifier {@code word} (any case). */
  boolean is(String word) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(word);
  }

  /** Whether this is the symbol {@code symbol}. */
  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** How the org names the token in "unexpected token" messages. */
  String shown() {
    return kind == Kind.EOF ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
  }
}
