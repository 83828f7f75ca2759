package org.nianbao.validation;

/** A user-facing message in Chinese and English. */
public record Message(String zh, String en) {}
