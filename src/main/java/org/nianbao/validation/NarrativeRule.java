package org.nianbao.validation;

/**
 * One family of narrative rules over the texts {@code s1}…{@code s6}; pure, reports every finding
 * it sees.
 */
interface NarrativeRule {

  void evaluate(NarrativeInput input, Findings findings);
}
