package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.List;

/**
 * How query results are laid out: the selected fields in SELECT order, with
 * the fields of one parent ({@code Owner.Email}, {@code Owner.Name}) grouped in
 * one nested sObject placed where the first of them was selected, as the
 * partner API writes them.
 */
final class ResultShape {

  /** A node: a field of this object, or a parent reached through a reference. */
  sealed interface Node permits Leaf, Parent {}

  /** A field of the current object. */
  record Leaf(FieldDef field) implements Node {}

  /** A parent object: the reference field followed, and what is selected from it. */
  record Parent(FieldDef reference, List<Node> children) implements Node {}

  final SObjectType type;
  final List<Node> nodes = new ArrayList<>();

  ResultShape(SObjectType type) {
    this.type = type;
  }

  /** The shape of a SELECT list. */
  static ResultShape of(SObjectType type, List<BoundPath> paths) {
    ResultShape shape = new ResultShape(type);
    for (BoundPath p : paths) {
      List<Node> level = shape.nodes;
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
    return shape;
  }

  /** Whether {@code nodes} select the Id field. */
  static boolean selectsId(List<Node> nodes) {
    return nodes.stream().anyMatch(n -> n instanceof Leaf l && l.field().name().equals("Id"));
  }
}
