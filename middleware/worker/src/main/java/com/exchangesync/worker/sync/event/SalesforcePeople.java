package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.sync.SyncException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can be an event's invitee in Salesforce, and who is: the contacts, leads
 * and users behind email addresses (as the rep can see them), and the invitee
 * rows ({@code EventRelation} with {@code IsInvitee}) of events. Implementations:
 * {@code salesforce.SoapSalesforcePeople} and an in-memory twin in the tests.
 */
public interface SalesforcePeople {

  /** The people the rep can see with these addresses (compared without case), by lower-case address; one per address. */
  Map<String, Person> byEmail(String repUserId, Set<String> emails) throws SyncException;

  /** The invitees of these events, by event id (events without any are absent). */
  Map<String, List<Person>> invitees(Collection<String> eventIds) throws SyncException;

  /** Makes these people invitees of the event (never sending anything: Salesforce sends no invitation for an API write). */
  void invite(String eventId, Collection<Person> people) throws SyncException;

  /** Removes these people from the event's invitees. */
  void uninvite(String eventId, Collection<Person> people) throws SyncException;
}
