package org.nianbao.importing;

/**
 * Where one cell of an imported report came from, so a person reviews only the uncertain ones.
 *
 * @param raw the cell's text as printed (null when the cell was not found)
 * @param page the page it was printed on (null when the form has no pages)
 * @param line the line it was printed on (text: line number; HTML, .docx: ordinal of the row), or
 *     null
 * @param match how its row was recognised: {@code exact} (label as in the format), {@code
 *     normalised} (the same label after normalising spaces, widths, punctuation, numbering,
 *     synonyms), {@code nearest} (the closest label, by a margin, e.g. a mistyped or wrapped one),
 *     {@code structure} (no usable label: its place in the form's fixed order and width), or {@code
 *     none} (not read)
 */
public record CellSource(String raw, Integer page, Integer line, String match) {}
