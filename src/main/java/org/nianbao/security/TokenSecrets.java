package org.nianbao.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes token secrets (256 random bits, base64url, prefixed {@code nb_}) and hashes them for
 * storage.
 */
public final class TokenSecrets {

  /**
   * Marks a string as a Nianbao token, so that secret scanners and people recognise a leaked one.
   */
  public static final String PREFIX = "nb_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  /**
   * A fresh secret: {@code nb_} followed by 32 random bytes in unpadded base64url (43 characters).
   */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lowercase hex SHA-256 of {@code secret}, as stored in {@code api_token.token_hash}. */
  public static String hash(String secret) {
    return HexFormat.of().formatHex(digest(secret));
  }

  /** Compares two secrets in time independent of where they differ. */
  public static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(digest(a), digest(b));
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
