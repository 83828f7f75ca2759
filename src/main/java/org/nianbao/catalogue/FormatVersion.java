package org.nianbao.catalogue;

/** The two national report formats: the 2019 trial format and the current 2021 format. */
public enum FormatVersion {
  /** 国办公开办函〔2019〕60号 trial format, used for report years 2019 and 2020. */
  FMT2019("cells_2019.csv"),
  /** 国办公开办函〔2021〕30号 format, used from report year 2021 on. */
  FMT2021("cells_2021.csv");

  private final String resource;

  FormatVersion(String resource) {
    this.resource = resource;
  }

  String resource() {
    return resource;
  }

  /** The format a report of the given statistics year must use (rule FMT-02). */
  public static FormatVersion forYear(int year) {
    return year >= 2021 ? FMT2021 : FMT2019;
  }

  /** The other format (there are two). */
  public FormatVersion other() {
    return this == FMT2021 ? FMT2019 : FMT2021;
  }
}
