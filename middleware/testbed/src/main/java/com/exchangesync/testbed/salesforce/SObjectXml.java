package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * sObjects on the wire, in the partner API's generic form: written as
 * {@code <records xsi:type="sf:sObject"><sf:type>Contact</sf:type><sf:Id>…</sf:Id>}
 * followed by the selected fields in order (the Id again when selected, nulls as
 * {@code xsi:nil}, parents as nested sObjects), and read from create, update and
 * upsert requests.
 */
final class SObjectXml {

  /** An sObject of a write request: its type, id, field texts (null for {@code xsi:nil}) and {@code fieldsToNull}. */
  record Input(String type, String id, Map<String, String> fields, List<String> fieldsToNull, List<String> nested) {}

  private SObjectXml() {}

  /** Writes {@code row} as the element {@code element} (qualified name as written), with the fields {@code nodes} select. */
  static void write(StringBuilder out, String element, Row row, List<ResultShape.Node> nodes, RecordStore store) {
    out.append('<').append(element).append(" xsi:type=\"sf:sObject\"><sf:type>").append(SoapXml.esc(row.type.name))
        .append("</sf:type>");
    if (ResultShape.selectsId(nodes)) {
      out.append("<sf:Id>").append(row.id).append("</sf:Id>");
    } else {
      out.append("<sf:Id xsi:nil=\"true\"/>");
    }
    for (ResultShape.Node node : nodes) {
      switch (node) {
        case ResultShape.Leaf leaf -> {
          String name = leaf.field().name();
          Object v = row.get(name);
          if (v == null) {
            out.append("<sf:").append(name).append(" xsi:nil=\"true\"/>");
          } else {
            out.append("<sf:").append(name).append('>').append(SoapXml.esc(FieldValues.toText(v))).append("</sf:").append(name).append('>');
          }
        }
        case ResultShape.Parent parent -> {
          String name = parent.reference().relationshipName();
          Object parentId = row.get(parent.reference().name());
          Row target = parentId == null ? null : store.row(parentId.toString());
          if (target == null || target.deleted()) {
            out.append("<sf:").append(name).append(" xsi:nil=\"true\"/>");
          } else {
            write(out, "sf:" + name, PolymorphicName.polymorphic(parent.reference()) ? PolymorphicName.view(target) : target,
                parent.children(), store);
          }
        }
        case ResultShape.TypeOf typeOf -> {
          String name = typeOf.reference().relationshipName();
          Object parentId = row.get(typeOf.reference().name());
          Row target = parentId == null ? null : store.row(parentId.toString());
          List<ResultShape.Node> branch = target == null || target.deleted() ? null : typeOf.whens().get(target.type.name);
          if (branch != null) {
            write(out, "sf:" + name, target, branch, store); // written as what it is: a Contact, a Lead
          } else if (target != null && !target.deleted() && !typeOf.otherwise().isEmpty()) {
            write(out, "sf:" + name, PolymorphicName.view(target), typeOf.otherwise(), store);
          } else {
            out.append("<sf:").append(name).append(" xsi:nil=\"true\"/>");
          }
        }
      }
    }
    out.append("</").append(element).append('>');
  }

  /** Reads an sObject of a write request. */
  static Input read(Element sObject) {
    String type = null;
    String id = null;
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> toNull = new ArrayList<>();
    List<String> nested = new ArrayList<>();
    for (Element e : SoapXml.children(sObject)) {
      String name = e.getLocalName();
      switch (name) {
        case "type" -> type = e.getTextContent().trim();
        case "fieldsToNull" -> toNull.add(e.getTextContent().trim());
        case "Id" -> {
          String text = e.getTextContent().trim();
          if (!SoapXml.nil(e) && !text.isEmpty()) {
            id = text;
          }
        }
        default -> {
          if (!SoapXml.children(e).isEmpty()) {
            nested.add(name);
          } else {
            fields.put(name, SoapXml.nil(e) ? null : e.getTextContent());
          }
        }
      }
    }
    return new Input(type, id, fields, toNull, nested);
  }
}
