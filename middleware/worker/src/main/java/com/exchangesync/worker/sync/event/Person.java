package com.exchangesync.worker.sync.event;

import java.util.Locale;
import java.util.Objects;

/**
 * Someone an event can invite in Salesforce: a contact, a lead or a user.
 *
 * @param id the record id ({@code EventRelation.RelationId})
 * @param email the address, lower case
 * @param name the display name, or null
 */
public record Person(String id, String email, String name) {

  public Person {
    Objects.requireNonNull(id);
    email = Objects.requireNonNull(email).trim().toLowerCase(Locale.ROOT);
  }
}
