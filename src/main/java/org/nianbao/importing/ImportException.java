package org.nianbao.importing;

import java.util.List;
import org.nianbao.validation.Message;

/**
 * A document the importer cannot turn into a report: unreadable, of an unsupported type, or missing
 * sections, rows or cells. {@link #missing()} names each missing item.
 */
public class ImportException extends RuntimeException {

  private final transient Message userMessage;
  private final List<String> missing;

  public ImportException(Message message, List<String> missing) {
    this(message, missing, null);
  }

  public ImportException(Message message, List<String> missing, Throwable cause) {
    super(message.en(), cause);
    this.userMessage = message;
    this.missing = List.copyOf(missing);
  }

  /** The bilingual message for the submitter. */
  public Message userMessage() {
    return userMessage;
  }

  /**
   * What was missing, one item per section, row or cell (empty when the document was unreadable).
   */
  public List<String> missing() {
    return missing;
  }
}
