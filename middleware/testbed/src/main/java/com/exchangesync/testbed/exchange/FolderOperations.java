package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * {@code GetFolder}, {@code FindFolder}, {@code CreateFolder} and {@code UpdateFolder}
 * (of a folder's extended properties: {@code SetFolderField} and {@code DeleteFolderField}).
 */
final class FolderOperations {

  private FolderOperations() {}

  static String getFolder(Call call) {
    ItemShape shape = ItemShape.parse(Xml.child(call.request(), "FolderShape").orElse(null));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "GetFolder");
    for (Element id : Xml.children(call.child("FolderIds"))) {
      try {
        Folder f = call.folder(id);
        StringBuilder folder = new StringBuilder("<m:Folders>");
        write(folder, call.mailbox(), f, shape);
        EwsResponses.success(out, "GetFolder", folder.append("</m:Folders>").toString());
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "GetFolder", e, "");
      }
    }
    EwsResponses.close(out, "GetFolder");
    return out.toString();
  }

  static String findFolder(Call call) {
    ItemShape shape = ItemShape.parse(Xml.child(call.request(), "FolderShape").orElse(null));
    boolean deep = "Deep".equals(call.request().getAttribute("Traversal"));
    Predicate<Folder> filter = Xml.child(call.request(), "Restriction").map(Restrictions::forFolders).orElse(f -> true);
    Paging paging = Paging.of(Xml.child(call.request(), "IndexedPageFolderView").orElse(null));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "FindFolder");
    for (Element id : Xml.children(call.child("ParentFolderIds"))) {
      try {
        Folder parent = call.folder(id);
        List<Folder> found = new ArrayList<>();
        collect(call.mailbox(), parent.id, deep, filter, found);
        List<Folder> page = paging.page(found);
        StringBuilder root = new StringBuilder();
        root.append("<m:RootFolder IndexedPagingOffset=\"").append(paging.offset() + page.size())
            .append("\" TotalItemsInView=\"").append(found.size())
            .append("\" IncludesLastItemInRange=\"").append(paging.offset() + page.size() >= found.size()).append("\"><t:Folders>");
        for (Folder f : page) {
          write(root, call.mailbox(), f, shape);
        }
        EwsResponses.success(out, "FindFolder", root.append("</t:Folders></m:RootFolder>").toString());
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "FindFolder", e, "");
      }
    }
    EwsResponses.close(out, "FindFolder");
    return out.toString();
  }

  static String createFolder(Call call) {
    Element parentId = Xml.children(call.child("ParentFolderId")).stream().findFirst()
        .orElseThrow(() -> SoapFault.schemaValidation("ParentFolderId is empty.", 0, 0));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "CreateFolder");
    for (Element spec : Xml.children(call.child("Folders"))) {
      try {
        Folder parent = call.folder(parentId);
        String name = Xml.childText(spec, "DisplayName").orElse("").trim();
        if (name.isEmpty()) {
          throw new ResponseMessageError("ErrorInvalidFolderName", "A folder needs a display name.");
        }
        for (Folder sibling : call.mailbox().folders.values()) {
          if (parent.id.equals(sibling.parentId) && sibling.displayName.equalsIgnoreCase(name)) {
            throw new ResponseMessageError("ErrorFolderExists", "A folder with the specified name already exists.");
          }
        }
        String folderClass = switch (spec.getLocalName()) {
          case "ContactsFolder" -> "IPF.Contact";
          case "CalendarFolder" -> "IPF.Appointment";
          default -> Xml.childText(spec, "FolderClass").orElse("IPF.Note");
        };
        Folder created = call.store().newFolder(call.mailbox(), parent.id, folderClass, name, null);
        EwsResponses.success(out, "CreateFolder", "<m:Folders><t:" + created.elementName() + "><t:FolderId Id=\""
            + created.id + "\" ChangeKey=\"" + created.changeKey + "\"/></t:" + created.elementName() + "></m:Folders>");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "CreateFolder", e, "");
      }
    }
    EwsResponses.close(out, "CreateFolder");
    return out.toString();
  }

  static String updateFolder(Call call) {
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "UpdateFolder");
    for (Element change : Xml.children(call.child("FolderChanges"))) {
      try {
        Element id = Xml.children(change).stream().filter(e -> e.getLocalName().endsWith("FolderId")).findFirst()
            .orElseThrow(() -> SoapFault.schemaValidation("A FolderChange needs a FolderId or DistinguishedFolderId.", 0, 0));
        Folder f = call.folder(id);
        Element updates = Xml.child(change, "Updates").orElseThrow(
            () -> SoapFault.schemaValidation("A FolderChange needs Updates.", 0, 0));
        // Every update is checked before any is applied: a refused change leaves the folder as it was.
        Map<ExtendedKey, String> after = new LinkedHashMap<>(f.extended);
        for (Element u : Xml.children(updates)) {
          apply(u, after);
        }
        f.extended.clear();
        f.extended.putAll(after);
        call.store().folderChanged(f);
        EwsResponses.success(out, "UpdateFolder", "<m:Folders><t:" + f.elementName() + "><t:FolderId Id=\"" + f.id
            + "\" ChangeKey=\"" + f.changeKey + "\"/></t:" + f.elementName() + "></m:Folders>");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "UpdateFolder", e, "<m:Folders/>");
      }
    }
    EwsResponses.close(out, "UpdateFolder");
    return out.toString();
  }

  /** One {@code SetFolderField} or {@code DeleteFolderField}, of an extended property (the test bed keeps no other folder property writable). */
  private static void apply(Element update, Map<ExtendedKey, String> into) {
    Element path = Xml.children(update).stream().findFirst()
        .orElseThrow(() -> SoapFault.schemaValidation("A folder change description needs a property path.", 0, 0));
    if (!path.getLocalName().equals("ExtendedFieldURI")) {
      throw new ResponseMessageError("ErrorInvalidPropertySet", "The property " + path.getAttribute("FieldURI")
          + " of a folder cannot be changed in this test bed (it keeps folders' extended properties only).");
    }
    ExtendedKey key = FieldPaths.extendedKey(path);
    switch (update.getLocalName()) {
      case "DeleteFolderField" -> into.remove(key);
      case "SetFolderField" -> {
        Element folder = Xml.children(update).stream().skip(1).findFirst()
            .orElseThrow(() -> SoapFault.schemaValidation("SetFolderField needs a folder element.", 0, 0));
        List<Element> props = Xml.children(folder);
        // As for items: the folder element carries exactly the one property its path names.
        if (props.size() != 1 || !props.get(0).getLocalName().equals("ExtendedProperty")
            || !Xml.child(props.get(0), "ExtendedFieldURI").map(FieldPaths::extendedKey).filter(key::equals).isPresent()) {
          throw new ResponseMessageError("ErrorIncorrectUpdatePropertyCount",
              "An object within a change description must contain one and only one property to modify.");
        }
        into.put(key, Xml.childText(props.get(0), "Value").orElse(""));
      }
      default -> throw new ResponseMessageError("ErrorInvalidRequest", "The request is invalid: "
          + update.getLocalName() + " of a folder is not served by this test bed.");
    }
  }

  private static void collect(Mailbox m, String parentId, boolean deep, Predicate<Folder> filter, List<Folder> found) {
    for (Folder f : m.folders.values()) {
      if (parentId.equals(f.parentId)) {
        if (filter.test(f)) {
          found.add(f);
        }
        if (deep) {
          collect(m, f.id, true, filter, found);
        }
      }
    }
  }

  /** Writes one folder element in schema order. */
  static void write(StringBuilder out, Mailbox m, Folder f, ItemShape shape) {
    String el = f.elementName();
    out.append("<t:").append(el).append("><t:FolderId Id=\"").append(f.id).append("\" ChangeKey=\"").append(f.changeKey).append("\"/>");
    Folder parent = f.parentId == null ? null : m.folders.get(f.parentId);
    if (parent != null && shape.wants("folder:ParentFolderId")) {
      out.append("<t:ParentFolderId Id=\"").append(parent.id).append("\" ChangeKey=\"").append(parent.changeKey).append("\"/>");
    }
    if (shape.wants("folder:FolderClass")) {
      out.append("<t:FolderClass>").append(f.folderClass).append("</t:FolderClass>");
    }
    if (shape.wants("folder:DisplayName")) {
      out.append("<t:DisplayName>").append(Xml.esc(f.displayName)).append("</t:DisplayName>");
    }
    if (shape.wants("folder:TotalCount")) {
      out.append("<t:TotalCount>").append(m.itemCount(f.id)).append("</t:TotalCount>");
    }
    if (shape.wants("folder:ChildFolderCount")) {
      out.append("<t:ChildFolderCount>").append(m.childFolderCount(f.id)).append("</t:ChildFolderCount>");
    }
    for (ExtendedKey key : shape.extended) {
      String value = f.extended.get(key);
      if (value != null) {
        out.append("<t:ExtendedProperty>").append(FieldPaths.extendedFieldUri(key))
            .append("<t:Value>").append(Xml.esc(value)).append("</t:Value></t:ExtendedProperty>");
      }
    }
    if (el.equals("Folder") && shape.wants("folder:UnreadCount")) {
      out.append("<t:UnreadCount>0</t:UnreadCount>");
    }
    out.append("</t:").append(el).append('>');
  }
}
