package org.nianbao.importing;

/**
 * Where a line of an imported document was printed: the page (0 when the form has no pages) and the
 * line number (1-based; for HTML and .docx the ordinal of the paragraph or table row in reading
 * order).
 */
public record Position(int page, int line) {

  static final Position UNKNOWN = new Position(0, 0);
}
