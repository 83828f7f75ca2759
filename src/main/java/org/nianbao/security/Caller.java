package org.nianbao.security;

/**
 * Who is making a write request: the token's id and name (never its secret) and its scope.
 *
 * @param tokenId id of the token, null for the bootstrap admin token
 * @param name the token's name, recorded as {@code submittedBy}
 * @param scope ADMIN, UNIT:&lt;code&gt; or REGION:&lt;code&gt;
 */
public record Caller(Long tokenId, String name, String scope) {}
