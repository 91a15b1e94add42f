package com.exchangesync.testbed.salesforce;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An object's org-wide default: what a user who neither owns a record nor is
 * a System Administrator may do with it. Owners and administrators may always
 * read, edit, delete and share; nobody else may delete. The middleware decides
 * which contacts a rep "can see" from this through {@code UserRecordAccess},
 * so the three levels an org offers for owned objects are modelled, each with
 * the {@code MaxAccessLevel} the org reports for such a user. The names are
 * the ones {@code /sim/org} takes.
 */
enum OrgWideDefault {

  /** Others get nothing. */
  PRIVATE("Private", false, false, "None"),
  /** Public Read Only: others read. */
  PUBLIC_READ("PublicRead", true, false, "Read"),
  /** Public Read/Write: others read and edit (the default of every object not configured). */
  PUBLIC_READ_WRITE("PublicReadWrite", true, true, "Edit");

  final String label;
  final boolean othersRead;
  final boolean othersEdit;
  /** {@code UserRecordAccess.MaxAccessLevel} for a user who is neither owner nor administrator. */
  final String othersMaxAccessLevel;

  OrgWideDefault(String label, boolean othersRead, boolean othersEdit, String othersMaxAccessLevel) {
    this.label = label;
    this.othersRead = othersRead;
    this.othersEdit = othersEdit;
    this.othersMaxAccessLevel = othersMaxAccessLevel;
  }

  /** The level named {@code name} (any case); anything else throws, naming the levels there are. */
  static OrgWideDefault parse(String name) {
    for (OrgWideDefault d : values()) {
      if (d.label.equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not an org-wide default; use one of "
        + Arrays.stream(values()).map(d -> d.label).collect(Collectors.joining(", ")));
  }
}
