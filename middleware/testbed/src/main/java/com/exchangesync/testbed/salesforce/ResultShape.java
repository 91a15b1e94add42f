package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How query results are laid out: the selected fields in SELECT order, with
 * the fields of one parent ({@code Owner.Email}, {@code Owner.Name}) grouped in
 * one nested sObject placed where the first of them was selected, as the
 * partner API writes them; a {@code TYPEOF} item is one nested sObject whose
 * fields depend on the type of the record it reaches.
 */
final class ResultShape {

  /** A node: a field of this object, or a parent reached through a reference. */
  sealed interface Node permits Leaf, Parent, TypeOf {}

  /** A field of the current object. */
  record Leaf(FieldDef field) implements Node {}

  /** A parent object: the reference field followed, and what is selected from it. */
  record Parent(FieldDef reference, List<Node> children) implements Node {}

  /**
   * A polymorphic parent selected with {@code TYPEOF}: what to write for each type of target (keyed by
   * the type's API name), and for any other type ({@code otherwise}, through the {@link PolymorphicName}
   * entity; empty = the parent is written as null).
   */
  record TypeOf(FieldDef reference, Map<String, List<Node>> whens, List<Node> otherwise) implements Node {}

  final SObjectType type;
  final List<Node> nodes = new ArrayList<>();

  ResultShape(SObjectType type) {
    this.type = type;
  }

  /** The shape of a SELECT list of field paths. */
  static ResultShape of(SObjectType type, List<BoundPath> paths) {
    ResultShape shape = new ResultShape(type);
    paths.forEach(shape::add);
    return shape;
  }

  /**
   * The shape of a parsed SELECT list: field paths and {@code TYPEOF} items, in order. Names are resolved
   * against the schema; unknown ones fail as the org fails them.
   */
  static ResultShape of(SObjectType type, List<SoqlQuery.Selected> selected, Schema schema) {
    ResultShape shape = new ResultShape(type);
    for (SoqlQuery.Selected item : selected) {
      switch (item) {
        case SoqlQuery.Path path -> shape.add(BoundPath.resolve(path, type, schema));
        case SoqlQuery.TypeOf typeOf -> shape.nodes.add(typeOf(type, typeOf, schema));
      }
    }
    return shape;
  }

  private static TypeOf typeOf(SObjectType type, SoqlQuery.TypeOf item, Schema schema) {
    FieldDef reference = type.relationship(item.relationship());
    if (reference == null || !PolymorphicName.polymorphic(reference)) {
      throw new SoqlException("INVALID_FIELD", item.offset(), "TYPEOF takes a polymorphic relationship; '" + item.relationship()
          + "' is not one on entity '" + type.name + "'");
    }
    Map<String, List<Node>> whens = new LinkedHashMap<>();
    item.whens().forEach((typeName, paths) -> {
      String target = reference.referenceTo().stream().filter(t -> t.equalsIgnoreCase(typeName)).findFirst()
          .orElseThrow(() -> new SoqlException("INVALID_TYPE", item.offset(), "'" + typeName + "' is not a type the relationship '"
              + reference.relationshipName() + "' can point to: " + String.join(", ", reference.referenceTo())));
      SObjectType targetType = schema.type(target);
      whens.put(targetType.name, of(targetType, paths.stream().map(p -> BoundPath.resolve(p, targetType, schema)).toList()).nodes);
    });
    List<Node> otherwise = of(PolymorphicName.TYPE, item.otherwise().stream()
        .map(p -> BoundPath.resolve(p, PolymorphicName.TYPE, schema)).toList()).nodes;
    return new TypeOf(reference, whens, otherwise);
  }

  private void add(BoundPath p) {
    List<Node> level = nodes;
    for (FieldDef hop : p.hops()) {
      Parent parent = null;
      for (Node n : level) {
        if (n instanceof Parent existing && existing.reference().equals(hop)) {
          parent = existing;
        }
      }
      if (parent == null) {
        parent = new Parent(hop, new ArrayList<>());
        level.add(parent);
      }
      level = parent.children();
    }
    Leaf leaf = new Leaf(p.leaf());
    if (!level.contains(leaf)) {
      level.add(leaf);
    }
  }

  /** Whether {@code nodes} select the Id field. */
  static boolean selectsId(List<Node> nodes) {
    return nodes.stream().anyMatch(n -> n instanceof Leaf l && l.field().name().equals("Id"));
  }
}
