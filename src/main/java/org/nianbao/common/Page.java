package org.nianbao.common;

import java.util.List;

/** One page of a list, as every list endpoint returns it. {@code page} counts from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {}
