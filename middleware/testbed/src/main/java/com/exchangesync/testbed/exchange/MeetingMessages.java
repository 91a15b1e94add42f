package com.exchangesync.testbed.exchange;

import java.util.List;

/**
 * How many meeting messages Exchange would send for a write, counted per
 * recipient (what {@code /sim/stats} reports as {@code meetingMessagesSent}).
 * A meeting is a calendar item with attendees; {@code SendToNone} sends
 * nothing; the {@code …Changed…} modes of an update reach added and removed
 * attendees only, unless the time or place changed.
 */
public final class MeetingMessages {

  private MeetingMessages() {}

  /** Invitations for a created item ({@code SendMeetingInvitations}). */
  public static int forCreate(List<Attendee> attendees, String mode) {
    return mode.equals("SendToNone") ? 0 : attendees.size();
  }

  /** Updates, invitations and cancellations for an updated item ({@code SendMeetingInvitationsOrCancellations}). */
  public static int forUpdate(List<Attendee> before, List<Attendee> after, boolean timeOrPlaceChanged, String mode) {
    if (mode.equals("SendToNone")) {
      return 0;
    }
    int added = (int) after.stream().filter(a -> before.stream().noneMatch(a::sameAddress)).count();
    int removed = (int) before.stream().filter(b -> after.stream().noneMatch(b::sameAddress)).count();
    boolean toChangedOnly = mode.equals("SendOnlyToChanged") || mode.equals("SendToChangedAndSaveCopy");
    return toChangedOnly && !timeOrPlaceChanged ? added + removed : after.size() + removed;
  }

  /** Cancellations for a deleted meeting ({@code SendMeetingCancellations}). */
  public static int forDelete(List<Attendee> attendees, String mode) {
    return mode.equals("SendToNone") ? 0 : attendees.size();
  }
}
