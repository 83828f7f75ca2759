package org.nianbao.importing;

import java.util.List;
import org.nianbao.validation.Message;

/**
 * A PDF without a text layer (a scan): there is nothing to read without OCR, which the service does
 * not do.
 */
public class NoTextLayerException extends ImportException {

  public NoTextLayerException() {
    super(
        new Message(
            "PDF没有文字层（可能是扫描件），无法读取；请提交带文字的PDF、网页或Word文档。",
            "The PDF has no text layer (a scan?); send a PDF with text, the web page or the Word document."),
        List.of());
  }
}
