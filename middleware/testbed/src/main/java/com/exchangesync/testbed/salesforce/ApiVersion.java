package com.exchangesync.testbed.salesforce;

/**
 * The API version of a SOAP URL ({@code /services/Soap/u/65.0}) and what the
 * org does at it: versions 30.0 and below are retired (every call answers
 * {@code UNSUPPORTED_API_VERSION}, as does a version that is not a number);
 * {@code login} is gone from 65.0 on.
 *
 * @param text the version as the URL spells it
 * @param major its major number
 */
record ApiVersion(String text, int major) {

  /** The newest retired version: Salesforce retired 21.0 to 30.0 in Summer '25. */
  static final int LAST_RETIRED = 30;
  /** The first version without {@code login}. */
  static final int FIRST_WITHOUT_LOGIN = 65;

  /** The version in {@code text}; a malformed or retired one throws the org's fault. */
  static ApiVersion served(String text) {
    if (text == null || !text.matches("\\d{1,3}\\.0")) {
      throw unsupported();
    }
    ApiVersion v = new ApiVersion(text, Integer.parseInt(text.substring(0, text.indexOf('.'))));
    if (v.major <= LAST_RETIRED) {
      throw unsupported();
    }
    return v;
  }

  /** Whether {@code login} exists at this version. */
  boolean hasLogin() {
    return major < FIRST_WITHOUT_LOGIN;
  }

  private static SalesforceFault unsupported() {
    return SalesforceFault.unexpected("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL");
  }
}
