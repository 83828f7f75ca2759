package org.nianbao.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.nianbao.common.Problem;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemType;

/**
 * The documents of a batch: unpacks a zip within fixed limits (entries, bytes per document and in
 * all, compression ratio, path names) counted while inflating, so a zip bomb is refused after at
 * most the limit was read, whatever its headers claim. Folders, {@code __MACOSX/} and hidden files
 * are skipped; a document keeps only its file name.
 */
final class BatchArchive {

  static final int MAX_DOCUMENTS = 500;
  static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
  static final int MAX_RATIO = 100;
  static final int MAX_NAME_LENGTH = 255;

  /**
   * Any zip may inflate to this much before the ratio applies (small zips of small files compress
   * well).
   */
  private static final long RATIO_ALLOWANCE = 1024 * 1024;

  /** A document of the batch: its file name, media type (from the name's extension) and bytes. */
  record Entry(String fileName, String mediaType, byte[] content) {}

  private BatchArchive() {}

  static List<Entry> unzip(byte[] zip) {
    if (zip == null || zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
      throw new ProblemException(
          new Problem(
              ProblemType.MALFORMED_REQUEST, "The body is not a zip archive / 请求体不是zip压缩包"));
    }
    List<Entry> out = new ArrayList<>();
    long total = 0;
    long ceiling = Math.min(MAX_TOTAL_BYTES, (long) zip.length * MAX_RATIO + RATIO_ALLOWANCE);
    byte[] buffer = new byte[64 * 1024];
    int seen = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        seen++;
        String path = entry.getName();
        checkPath(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (entry.isDirectory()
            || name.isEmpty()
            || name.startsWith(".")
            || path.startsWith("__MACOSX/")) {
          continue;
        }
        if (out.size() == MAX_DOCUMENTS) {
          throw tooMany();
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (content.size() + n > MAX_DOCUMENT_BYTES) {
            throw tooLarge(name + " inflates to more than 20 MiB / 解压后超过20 MiB");
          }
          if (total > ceiling) {
            throw tooLarge(
                total > MAX_TOTAL_BYTES
                    ? "The zip inflates to more than 200 MiB / 解压后总计超过200 MiB"
                    : "The zip inflates more than "
                        + MAX_RATIO
                        + " times its size (a zip bomb?) / 压缩比超过"
                        + MAX_RATIO
                        + "倍");
          }
          content.write(buffer, 0, n);
        }
        out.add(new Entry(name, mediaTypeOf(name), content.toByteArray()));
      }
    } catch (ZipException e) {
      throw unreadable();
    } catch (IOException e) {
      throw unreadable();
    } catch (IllegalArgumentException e) {
      // a name that is not valid in the zip's encoding
      throw unreadable();
    }
    if (seen == 0) {
      throw unreadable();
    }
    if (out.isEmpty()) {
      throw ProblemException.invalidField("documents", "压缩包中没有文档。", "The zip holds no document.");
    }
    return out;
  }

  /** A multipart file part as a document, checked like a zip entry. */
  static Entry part(String fileName, String declaredType, byte[] content) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    checkPath(name);
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      throw ProblemException.invalidField("fileName", "文件名为空。", "A file part has no file name.");
    }
    String type =
        declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    boolean generic = type.isEmpty() || type.equals("application/octet-stream");
    return new Entry(name, generic ? mediaTypeOf(name) : declaredType.strip(), content);
  }

  static void checkCount(int documents) {
    if (documents > MAX_DOCUMENTS) {
      throw tooMany();
    }
    if (documents == 0) {
      throw ProblemException.invalidField("documents", "没有文档。", "The batch holds no document.");
    }
  }

  /**
   * Relative names only: no absolute path, drive, {@code ..} segment or control character; 255
   * characters.
   */
  private static void checkPath(String path) {
    boolean unsafe =
        path.length() > MAX_NAME_LENGTH
            || path.startsWith("/")
            || path.contains("\\")
            || path.matches("^[A-Za-z]:.*")
            || ("/" + path + "/").contains("/../")
            || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    if (unsafe) {
      String shown = path.length() > 80 ? path.substring(0, 80) + "…" : path;
      throw ProblemException.invalidField(
          "fileName",
          "不安全的文件路径：" + shown.replaceAll("\\p{Cntrl}", "?"),
          "Unsafe path name in the zip: " + shown.replaceAll("\\p{Cntrl}", "?"));
    }
  }

  /** The media type of a file name's extension; unknown ones are left to sniffing. */
  static String mediaTypeOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
    return switch (ext) {
      case "pdf" -> DocumentImporter.PDF;
      case "html", "htm", "shtml", "xhtml" -> DocumentImporter.HTML;
      case "docx" -> DocumentImporter.DOCX;
      case "txt", "text", "md" -> DocumentImporter.TEXT;
      default -> "application/octet-stream";
    };
  }

  private static ProblemException tooMany() {
    return ProblemException.invalidField(
        "documents",
        "一批最多" + MAX_DOCUMENTS + "份文档。",
        "A batch holds at most " + MAX_DOCUMENTS + " documents.");
  }

  private static ProblemException tooLarge(String detail) {
    return new ProblemException(new Problem(ProblemType.PAYLOAD_TOO_LARGE, detail));
  }

  private static ProblemException unreadable() {
    return new ProblemException(
        new Problem(ProblemType.MALFORMED_REQUEST, "The zip archive cannot be read / zip压缩包无法读取"));
  }
}
