package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.graph.GraphApp.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * Which operation a request is ({@code /sim/stats} counts and faults name
 * them so), the permission it needs, the mailbox it acts on and the code that
 * serves it. Paths are those of Graph v1.0 under {@code /users/{smtp}};
 * {@code /calendar/events…} and {@code /calendar/calendarView…} are the same
 * as without {@code /calendar} (the main calendar is the only one).
 */
final class GraphRoutes {

  /** Serves one routed call. */
  interface Handler {
    GraphResponse handle(GraphCall call);
  }

  /** A routed request: {@code request} has {@code /calendar} taken out of its path. */
  record Route(String operation, Permission permission, String smtp, Handler handler, GraphRequest request) {}

  private GraphRoutes() {}

  /**
   * Routes {@code r}.
   *
   * @throws GraphError 400 for a path Graph does not have, 405 for a method the path does not take
   */
  static Route route(GraphRequest r) {
    List<String> s = r.segments();
    if (s.isEmpty()) {
      throw GraphError.badRequest("Invalid version.");
    }
    if (s.get(0).equalsIgnoreCase("me")) {
      throw GraphError.badRequest("/me request is only valid with delegated authentication flow.");
    }
    if (!s.get(0).equalsIgnoreCase("users")) {
      throw GraphError.noSegment(s.get(0));
    }
    if (s.size() < 3) {
      throw GraphError.badRequest("This test bed serves a user's contactFolders, contacts, events, calendar, calendars and calendarView.");
    }
    String smtp = s.get(1);
    List<String> rest = new ArrayList<>();
    for (String seg : s.subList(2, s.size())) {
      rest.add(seg.endsWith("()") ? seg.substring(0, seg.length() - 2) : seg);
    }
    if (rest.size() > 1 && rest.get(0).equalsIgnoreCase("calendar")
        && (rest.get(1).equalsIgnoreCase("events") || rest.get(1).equalsIgnoreCase("calendarView"))) {
      rest.remove(0);
    }
    List<String> normalized = new ArrayList<>(List.of("users", smtp));
    normalized.addAll(rest);
    GraphRequest request = new GraphRequest(r.method(), List.copyOf(normalized), r.query(), r.headers(), r.body(), r.requestId(),
        r.clientRequestId());
    String m = r.method();
    String head = rest.get(0);
    int n = rest.size();
    switch (head) {
      case "contactFolders" -> {
        if (n == 1) {
          return pick(m, request, smtp, "contactFolders.list", ContactFoldersResource::list, "contactFolders.create",
              ContactFoldersResource::create, Permission.CONTACTS_READ, Permission.CONTACTS_WRITE);
        }
        if (n == 2) {
          return item(m, request, smtp, "contactFolder", ContactFoldersResource::get, ContactFoldersResource::update,
              ContactFoldersResource::delete, Permission.CONTACTS_READ, Permission.CONTACTS_WRITE);
        }
        switch (rest.get(2)) {
          case "childFolders" -> {
            if (n == 3) {
              return pick(m, request, smtp, "childFolders.list", ContactFoldersResource::childFolders, "childFolders.create",
                  ContactFoldersResource::createChild, Permission.CONTACTS_READ, Permission.CONTACTS_WRITE);
            }
          }
          case "contacts" -> {
            Route contacts = contacts(m, request, smtp, rest.subList(2, n));
            if (contacts != null) {
              return contacts;
            }
          }
          default -> throw GraphError.noSegment(rest.get(2));
        }
      }
      case "contacts" -> {
        Route contacts = contacts(m, request, smtp, rest);
        if (contacts != null) {
          return contacts;
        }
      }
      case "events" -> {
        if (n == 1) {
          return pick(m, request, smtp, "events.list", EventsResource::list, "events.create", EventsResource::create,
              Permission.CALENDARS_READ, Permission.CALENDARS_WRITE);
        }
        if (n == 2) {
          return item(m, request, smtp, "event", EventsResource::get, EventsResource::update, EventsResource::delete,
              Permission.CALENDARS_READ, Permission.CALENDARS_WRITE);
        }
        if (n == 3 && rest.get(2).equals("instances")) {
          return get(m, request, smtp, "event.instances", EventsResource::instances, Permission.CALENDARS_READ);
        }
      }
      case "calendarView" -> {
        if (n == 1) {
          return get(m, request, smtp, "calendarView.list", CalendarViewResource::list, Permission.CALENDARS_READ);
        }
        if (n == 2 && rest.get(1).equals("delta")) {
          return get(m, request, smtp, "calendarView.delta", DeltaResource::calendarView, Permission.CALENDARS_READ);
        }
      }
      case "calendar" -> {
        if (n == 1) {
          return get(m, request, smtp, "calendar.get", CalendarResource::get, Permission.CALENDARS_READ);
        }
      }
      case "calendars" -> {
        if (n == 2) {
          return switch (m) {
            case "GET" -> new Route("calendars.get", Permission.CALENDARS_READ, smtp, CalendarResource::getById, request);
            case "PATCH" -> new Route("calendars.update", Permission.CALENDARS_WRITE, smtp, CalendarResource::update, request);
            default -> throw notAllowed();
          };
        }
      }
      default -> throw GraphError.noSegment(head);
    }
    throw GraphError.noSegment(rest.get(n - 1));
  }

  /** {@code contacts}, {@code contacts/delta} and {@code contacts/{id}} (after a folder or not). */
  private static Route contacts(String m, GraphRequest request, String smtp, List<String> rest) {
    if (rest.size() == 1) {
      return pick(m, request, smtp, "contacts.list", ContactsResource::list, "contacts.create", ContactsResource::create,
          Permission.CONTACTS_READ, Permission.CONTACTS_WRITE);
    }
    if (rest.size() == 2 && rest.get(1).equals("delta")) {
      return get(m, request, smtp, "contacts.delta", DeltaResource::contacts, Permission.CONTACTS_READ);
    }
    if (rest.size() == 2) {
      return item(m, request, smtp, "contact", ContactsResource::get, ContactsResource::update, ContactsResource::delete,
          Permission.CONTACTS_READ, Permission.CONTACTS_WRITE);
    }
    return null;
  }

  private static Route pick(String method, GraphRequest r, String smtp, String listOp, Handler list, String createOp,
                            Handler create, Permission read, Permission write) {
    return switch (method) {
      case "GET" -> new Route(listOp, read, smtp, list, r);
      case "POST" -> new Route(createOp, write, smtp, create, r);
      default -> throw notAllowed();
    };
  }

  private static Route item(String method, GraphRequest r, String smtp, String noun, Handler get, Handler update,
                            Handler delete, Permission read, Permission write) {
    return switch (method) {
      case "GET" -> new Route(noun + ".get", read, smtp, get, r);
      case "PATCH" -> new Route(noun + ".update", write, smtp, update, r);
      case "DELETE" -> new Route(noun + ".delete", write, smtp, delete, r);
      default -> throw notAllowed();
    };
  }

  private static Route get(String method, GraphRequest r, String smtp, String op, Handler handler, Permission read) {
    if (!method.equals("GET")) {
      throw notAllowed();
    }
    return new Route(op, read, smtp, handler, r);
  }

  static GraphError notAllowed() {
    return new GraphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
  }
}
