package org.nianbao.validation;

/**
 * Where a text finding points: a section of the narrative and the quoted span in it, so a UI can
 * highlight it.
 *
 * @param section the narrative section, {@code s1}…{@code s6}
 * @param start offset of the first character of the quote in the section's text (UTF-16 units, as
 *     in Java and JavaScript strings)
 * @param end offset just after the quote
 * @param quote the quoted text, {@code text.substring(start, end)}
 */
public record TextSpan(String section, int start, int end, String quote) {

  /** The span [start, end) of a section's text. */
  static TextSpan of(String section, String text, int start, int end) {
    return new TextSpan(section, start, end, text.substring(start, end));
  }
}
