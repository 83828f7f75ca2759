package org.nianbao.importing;

import java.util.List;

/**
 * The front-end independent form of an imported document: paragraphs and table grids in reading
 * order.
 */
public record DocumentModel(List<Block> blocks) {

  public DocumentModel {
    blocks = List.copyOf(blocks);
  }
}
