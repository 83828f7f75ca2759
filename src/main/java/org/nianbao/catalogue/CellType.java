package org.nianbao.catalogue;

/** The value type of a catalogue cell. */
public enum CellType {
  /** A non-negative whole count (件, 项), held in 64 bits. */
  INT,
  /** A signed whole count (2019 format "本年增/减" only). */
  SINT,
  /** A non-negative amount in 万元, held as an exact decimal with at most 6 decimals. */
  DEC
}
