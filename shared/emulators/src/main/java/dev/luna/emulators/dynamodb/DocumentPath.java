package dev.luna.emulators.dynamodb;

import java.util.List;
import java.util.Map;

/** A document path such as {@code a.b[2].c}, with expression attribute names already substituted. */
record DocumentPath(List<Element> elements) {

  /** A map key (name != null) or a list index. */
  record Element(String name, int index) {
    static Element name(String name) {
      return new Element(name, -1);
    }

    static Element index(int index) {
      return new Element(null, index);
    }

    boolean isIndex() {
      return name == null;
    }

    @Override
    public String toString() {
      return isIndex() ? "[" + index + "]" : name;
    }
  }

  DocumentPath {
    elements = List.copyOf(elements);
  }

  String topName() {
    return elements.get(0).name();
  }

  /** The value at this path, or null when any step is missing or of the wrong type. */
  AttrValue resolve(Map<String, AttrValue> item) {
    AttrValue current = item.get(topName());
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = step(current, elements.get(i));
    }
    return current;
  }

  static AttrValue step(AttrValue container, Element element) {
    if (element.isIndex()) {
      return container instanceof AttrValue.L l && element.index() < l.value().size()
          ? l.value().get(element.index()) : null;
    }
    return container instanceof AttrValue.M m ? m.value().get(element.name()) : null;
  }

  /** True when one path is a prefix of (or equal to) the other. */
  boolean overlaps(DocumentPath other) {
    int n = Math.min(elements.size(), other.elements.size());
    return elements.subList(0, n).equals(other.elements.subList(0, n));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Element e : elements) {
      if (!e.isIndex() && !sb.isEmpty()) {
        sb.append('.');
      }
      sb.append(e);
    }
    return sb.toString();
  }
}
