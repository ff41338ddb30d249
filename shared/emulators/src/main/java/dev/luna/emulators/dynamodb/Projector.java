package dev.luna.emulators.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applies projection expressions: keeps only the given document paths of an item. */
final class Projector {
  private Projector() {}

  /** A node of the projected document: a whole value, or selected map entries / list elements. */
  private static final class Node {
    AttrValue whole;
    final Map<String, Node> fields = new LinkedHashMap<>();
    final TreeMap<Integer, Node> elements = new TreeMap<>();

    AttrValue build() {
      if (whole != null) {
        return whole;
      }
      if (!elements.isEmpty()) {
        List<AttrValue> list = new ArrayList<>();
        elements.values().forEach(n -> list.add(n.build()));
        return new AttrValue.L(Collections.unmodifiableList(list));
      }
      Map<String, AttrValue> map = new LinkedHashMap<>();
      fields.forEach((name, n) -> map.put(name, n.build()));
      return new AttrValue.M(Collections.unmodifiableMap(map));
    }
  }

  /** The item reduced to the given paths; null paths mean "everything". */
  static Map<String, AttrValue> project(Map<String, AttrValue> item, List<DocumentPath> paths) {
    if (paths == null) {
      return item;
    }
    Node root = new Node();
    for (DocumentPath path : paths) {
      if (path.resolve(item) != null) {
        add(root, item, path);
      }
    }
    Map<String, AttrValue> result = new LinkedHashMap<>();
    root.fields.forEach((name, node) -> result.put(name, node.build()));
    return result;
  }

  private static void add(Node root, Map<String, AttrValue> item, DocumentPath path) {
    Node node = root;
    AttrValue current = null;
    for (int i = 0; i < path.elements().size(); i++) {
      DocumentPath.Element element = path.elements().get(i);
      current = i == 0 ? item.get(element.name()) : DocumentPath.step(current, element);
      if (node.whole != null) {
        return; // an enclosing path was already projected whole
      }
      node = element.isIndex()
          ? node.elements.computeIfAbsent(element.index(), k -> new Node())
          : node.fields.computeIfAbsent(element.name(), k -> new Node());
    }
    node.whole = current;
    node.fields.clear();
    node.elements.clear();
  }
}
