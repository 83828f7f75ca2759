package org.nianbao.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.nianbao.validation.Message;

/**
 * Imports a published annual report (plain text, HTML, PDF or .docx) into a {@link ImportResult}:
 * the entry point of the importing feature. Stateless and thread-safe.
 */
public final class DocumentImporter {

  public static final String TEXT = "text/plain";
  public static final String HTML = "text/html";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String PDF = "application/pdf";

  private static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * Reads a document of the given media type (a charset parameter is honoured for text and HTML). A
   * missing type or {@code application/octet-stream} is sniffed from the bytes.
   *
   * @throws ImportException when the document cannot be read or lacks a section, row or cell
   */
  public ImportResult importDocument(byte[] body, String mediaType) {
    if (body == null || body.length == 0) {
      throw new ImportException(
          new Message("文档为空。", "The document is empty."), List.of("document body (文档内容)"));
    }
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    String base = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
    if (base.isEmpty() || base.equals("application/octet-stream")) {
      base = sniff(body);
    }
    Charset declared = charsetParameter(type);
    DocumentModel model;
    try {
      model =
          switch (base) {
            case TEXT -> TextFrontEnd.read(decode(body, declared));
            case HTML, "application/xhtml+xml" -> HtmlFrontEnd.read(decode(body, declared));
            case DOCX -> DocxFrontEnd.read(body);
            case PDF -> PdfFrontEnd.read(body);
            default ->
                throw new ImportException(
                    new Message(
                        "不支持的文档类型：" + mediaType + "。支持 text/plain、text/html、PDF 和 .docx。",
                        "Unsupported media type "
                            + mediaType
                            + "; use text/plain, text/html, PDF or .docx."),
                    List.of());
          };
      return ReportMatcher.match(model);
    } catch (ImportException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ImportException(
          new Message(
              "文档无法读取，可能已损坏或类型不符。",
              "The document cannot be read; it may be damaged or of another type."),
          List.of(),
          e);
    }
  }

  /**
   * The media type the bytes look like: %PDF is a PDF, a ZIP container .docx, markup HTML, anything
   * else text.
   */
  static String sniff(byte[] body) {
    if (body.length >= 5
        && body[0] == '%'
        && body[1] == 'P'
        && body[2] == 'D'
        && body[3] == 'F'
        && body[4] == '-') {
      return PDF;
    }
    if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
      return DOCX;
    }
    String head =
        new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    if (head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<body")
        || head.contains("<table")) {
      return HTML;
    }
    return TEXT;
  }

  private static Charset charsetParameter(String type) {
    int at = type.indexOf("charset=");
    if (at < 0) {
      return null;
    }
    String name = type.substring(at + 8).split("[;\\s]")[0].replace("\"", "").replace("'", "");
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw new ImportException(
          new Message("不支持的字符集：" + name + "。", "Unsupported charset " + name + "."), List.of());
    }
  }

  /**
   * Decodes text: the declared charset, else UTF-8, else GB18030 (a superset of GBK) when not
   * UTF-8.
   */
  static String decode(byte[] body, Charset declared) {
    String text;
    if (declared != null) {
      text = new String(body, declared);
    } else {
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body))
                .toString();
      } catch (CharacterCodingException e) {
        text = new String(body, GB18030);
      }
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
